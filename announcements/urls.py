from django.urls import path

from .feeds import AnnouncementsAtomFeed, AnnouncementsRssFeed
from .views import public, staff

app_name = "announcements"

urlpatterns = [
    path("", public.announcement_list, name="list"),
    path("feed/rss/", AnnouncementsRssFeed(), name="feed_rss"),
    path("feed/atom/", AnnouncementsAtomFeed(), name="feed_atom"),
    path("<int:pk>/", public.announcement_detail, name="detail"),
    path("press/<int:pk>/", public.press_conference, name="press_conference"),
    path("press/<int:pk>/ask/", public.question_ask, name="question_ask"),
]

staff_urlpatterns = (
    [
        path("", staff.announcement_list, name="list"),
        path("new/", staff.announcement_edit, name="create"),
        path("<int:pk>/", staff.announcement_edit, name="edit"),
        path("<int:pk>/publish/", staff.announcement_publish, name="publish"),
        path("press/<int:pk>/questions/", staff.questions_moderate, name="questions"),
        path(
            "press/<int:pk>/questions/<int:input_pk>/",
            staff.question_review,
            name="question_review",
        ),
    ],
    "announcements",
)
