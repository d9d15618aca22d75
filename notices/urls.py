from django.urls import path

from .views import public, staff

app_name = "notices"

urlpatterns = [
    path("inbox/", public.inbox, name="inbox"),
    path("inbox/<int:pk>/", public.inbox_detail, name="inbox_detail"),
    path("preferences/", public.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
]

staff_urlpatterns = (
    [
        path("", staff.notice_list, name="list"),
        path("new/", staff.notice_compose, name="compose"),
        path("<int:pk>/edit/", staff.notice_compose, name="edit"),
        path("<int:pk>/preview/", staff.notice_preview, name="preview"),
        path("<int:pk>/confirm/", staff.notice_confirm, name="confirm"),
        path("<int:pk>/cancel/", staff.notice_cancel, name="cancel"),
        path("<int:pk>/", staff.notice_detail, name="detail"),
    ],
    "notices",
)
