from django.urls import path

from .views import public, records, staff

app_name = "surveys"

urlpatterns = [
    path("trust/", public.trust_trend, name="trust"),
    path("<int:pk>/", public.survey_answer, name="answer"),
    path("<int:pk>/thanks/", public.survey_thanks, name="thanks"),
    path("<int:pk>/print/", public.survey_print, name="print"),
    path("<int:pk>/results/", public.survey_results_public, name="results"),
    path("i/<str:token>/", public.survey_invited, name="invited"),
]

staff_urlpatterns = (
    [
        path("engagements/<int:engagement_pk>/", staff.survey_list, name="list"),
        path("<int:pk>/", staff.survey_edit, name="edit"),
        path("<int:pk>/action/", staff.survey_action, name="action"),
        path("<int:pk>/questions/new/", staff.question_edit, name="question_create"),
        path("<int:pk>/questions/<int:question_pk>/", staff.question_edit, name="question_edit"),
        path(
            "<int:pk>/questions/<int:question_pk>/action/",
            staff.question_action,
            name="question_action",
        ),
        path("<int:pk>/preview/<str:language>/", staff.survey_preview, name="preview"),
        path("<int:pk>/invitations/", staff.survey_invitations, name="invitations"),
        path("<int:pk>/paper/", staff.paper_entry, name="paper"),
        path("<int:pk>/results/", staff.survey_results, name="results"),
        path("<int:pk>/export.csv", staff.survey_export, name="export"),
        path(
            "<int:pk>/public-records.csv",
            records.survey_records_export,
            name="records_export",
        ),
    ],
    "surveys",
)
