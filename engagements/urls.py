from django.urls import path

from .views import public, staff

app_name = "engagements"

urlpatterns = [
    path("", public.engagement_list, name="list"),
    path("<int:pk>/", public.engagement_detail, name="detail"),
]

staff_urlpatterns = (
    [
        path("", staff.engagement_list, name="list"),
        path("new/", staff.engagement_create, name="create"),
        path("<int:pk>/", staff.engagement_edit, name="edit"),
        path("<int:pk>/publish/", staff.engagement_publish, name="publish"),
        path("<int:pk>/close/", staff.engagement_close, name="close"),
    ],
    "engagements",
)
