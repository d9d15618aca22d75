from django.urls import path

from .views import members, public, staff, staff_more

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
    path("meetings/<int:pk>/", members.meeting_page, name="meeting"),
    path("meeting-documents/<int:pk>/", members.meeting_document, name="meeting_document"),
    path("cases/<int:pk>/", members.case_page, name="case"),
    path("cases/<int:pk>/findings/", members.case_findings, name="case_findings"),
    path("cases/<int:pk>/decision/", members.case_decision, name="case_decision"),
    path("case-files/<int:pk>/", members.case_file, name="case_file"),
    path("declare/<str:kind>/<int:pk>/", members.declare, name="declare"),
    path("<slug:slug>/", public.board_page, name="board"),
    path("<slug:slug>/apply/", members.board_apply, name="apply"),
    path("<slug:slug>/agreement/", public.agreement_accept, name="agreement"),
]

staff_urlpatterns = (
    [
        path("", staff.board_list, name="list"),
        path("<int:pk>/", staff.board_manage, name="board"),
        path("<int:pk>/drafts/new/", staff.draft_create, name="draft_create"),
        path("<int:pk>/access-log/", staff.access_log, name="access_log"),
        path("<int:pk>/applications/", staff_more.applications, name="applications"),
        path("<int:pk>/meetings/new/", staff_more.meeting_create, name="meeting_create"),
        path("<int:pk>/cases/new/", staff_more.case_create, name="case_create"),
        path("<int:pk>/composition/", staff_more.composition, name="composition"),
        path("meetings/<int:pk>/", staff_more.meeting_manage, name="meeting"),
        path(
            "applications/<int:pk>/decide/",
            staff_more.application_decide,
            name="application_decide",
        ),
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
