from django.urls import path

from .views import public, staff

app_name = "programs"

urlpatterns = [
    path("calendar.ics", public.agency_calendar, name="agency_calendar"),
    path("mine/", public.my_engagements, name="mine"),
    path("partners/", public.partner_list, name="partners"),
    path("<int:pk>/calendar.ics", public.program_calendar, name="program_calendar"),
    path("sessions/<int:pk>/", public.session_detail, name="session"),
    path("sessions/<int:pk>/sign-up/", public.session_sign_up, name="sign_up"),
    path("sessions/<int:pk>/calendar.ics", public.session_calendar, name="session_calendar"),
    path("registrations/<str:token>/", public.registration_detail, name="registration"),
    path(
        "registrations/<str:token>/confirm/",
        public.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "registrations/<str:token>/cancel/", public.registration_cancel, name="registration_cancel"
    ),
]

staff_urlpatterns = (
    [
        path("engagements/<int:engagement_pk>/", staff.program_edit, name="program"),
        path(
            "engagements/<int:engagement_pk>/sessions/new/",
            staff.session_create,
            name="session_create",
        ),
        path(
            "engagements/<int:engagement_pk>/series/new/", staff.series_create, name="series_create"
        ),
        path("sessions/<int:pk>/", staff.session_edit, name="session"),
        path("sessions/<int:pk>/cancel/", staff.session_cancel, name="session_cancel"),
        path("sessions/<int:pk>/check-in/", staff.check_in, name="check_in"),
        path(
            "sessions/<int:pk>/check-in/<int:registration_pk>/",
            staff.check_in_registration,
            name="check_in_registration",
        ),
        path("sessions/<int:pk>/no-shows/", staff.mark_no_shows, name="mark_no_shows"),
        path("sessions/<int:pk>/roster.csv", staff.roster_csv, name="roster_csv"),
        path("check-in/<str:code>/", staff.check_in_code, name="check_in_code"),
    ],
    "programs",
)
