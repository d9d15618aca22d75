from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.transparency_page, name="transparency"),
]

staff_urlpatterns = (
    [
        path("equity/", views.equity, name="equity"),
        path("equity.csv", views.equity_csv, name="equity_csv"),
    ],
    "insights",
)
