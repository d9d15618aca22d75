from django.urls import path

from .views import public, staff

app_name = "advisory_boards"

urlpatterns = [
    path("", public.board_list, name="list"),
    path("mine/", public.my_boards, name="mine"),
    path("drafts/<int:pk>/", public.draft_review, name="draft"),
    path("drafts/<int:pk>/versions/<int:number>/changes/", public.draft_changes, name="changes"),
    path(
        "drafts/<int:pk>/sections/<int:section_pk>/comment/",
        public.comment_create,
        name="comment",
    ),
    path("drafts/<int:pk>/position/", public.position_save, name="position"),
    path("attachments/<int:pk>/", public.attachment_download, name="attachment"),
    path("<slug:slug>/", public.board_page, name="board"),
    path("<slug:slug>/agreement/", public.agreement_accept, name="agreement"),
]

staff_urlpatterns = (
    [
        path("", staff.board_list, name="list"),
        path("<int:pk>/", staff.board_manage, name="board"),
        path("<int:pk>/drafts/new/", staff.draft_create, name="draft_create"),
        path("<int:pk>/access-log/", staff.access_log, name="access_log"),
        path("drafts/<int:pk>/versions/new/", staff.version_create, name="version_create"),
        path("drafts/<int:pk>/attachments/new/", staff.attachment_upload, name="attachment"),
        path(
            "drafts/<int:pk>/recommendations/new/",
            staff.recommendation_create,
            name="recommendation_create",
        ),
        path("comments/<int:pk>/respond/", staff.comment_respond, name="respond"),
        path("recommendations/<int:pk>/vote/", staff.recommendation_vote, name="vote"),
        path("recommendations/<int:pk>/decide/", staff.recommendation_decide, name="decide"),
    ],
    "boards",
)
