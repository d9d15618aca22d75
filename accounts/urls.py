from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("demographics/", views.demographics, name="demographics"),
    path("my-data/", views.personal_data_download, name="personal_data"),
    path("delete/", views.account_delete, name="delete"),
    path("language/", views.set_language, name="set_language"),
]
