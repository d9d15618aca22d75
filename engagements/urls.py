from django.urls import path

from .views import loop_public, loop_staff, public, staff

app_name = "engagements"

urlpatterns = [
    path("", public.engagement_list, name="list"),
    path("<int:pk>/", public.engagement_detail, name="detail"),
    path("<int:pk>/comment/", loop_public.input_create, name="input_create"),
    path("receipt/", loop_public.receipt_lookup, name="receipt_lookup"),
    path("receipt/<str:code>/", loop_public.receipt_detail, name="receipt_detail"),
    path("accountability/", loop_public.accountability, name="accountability"),
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

loop_staff_urlpatterns = (
    [
        path("inbox/", loop_staff.inbox, name="inbox"),
        path("actions/new/", loop_staff.action_create, name="action_create"),
        path("actions/attach/", loop_staff.inputs_attach, name="inputs_attach"),
        path("actions/mine/", loop_staff.actions_mine, name="actions_mine"),
        path("actions/overdue/", loop_staff.actions_overdue, name="actions_overdue"),
        path("actions/<int:pk>/", loop_staff.action_edit, name="action_edit"),
        path("engagements/<int:pk>/", loop_staff.engagement_loop, name="engagement"),
        path("engagements/<int:pk>/inputs/", loop_staff.inputs_batch, name="inputs_batch"),
        path(
            "engagements/<int:pk>/report-backs/new/",
            loop_staff.report_back_edit,
            name="report_back_create",
        ),
        path(
            "engagements/<int:pk>/report-backs/<int:report_back_pk>/",
            loop_staff.report_back_edit,
            name="report_back_edit",
        ),
        path(
            "engagements/<int:pk>/report-backs/<int:report_back_pk>/publish/",
            loop_staff.report_back_publish,
            name="report_back_publish",
        ),
    ],
    "loop",
)
