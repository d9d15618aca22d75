from django.urls import path

from .views import people, people_staff, public, staff

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
    path("<int:pk>/ride-out/", people.rideout_request, name="rideout_request"),
    path("ride-outs/<int:pk>/", people.rideout_detail, name="rideout"),
    path("ride-outs/<int:pk>/cancel/", people.rideout_cancel, name="rideout_cancel"),
    path("<int:pk>/apply/", people.application_create, name="apply"),
    path("applications/<int:pk>/", people.application_detail, name="application"),
    path("applications/<int:pk>/certificate/", people.certificate, name="certificate"),
    path("<int:pk>/hours/", people.hours_log, name="hours"),
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
        path(
            "engagements/<int:engagement_pk>/ride-outs/", people_staff.rideout_list, name="rideouts"
        ),
        path("ride-outs/<int:pk>/", people_staff.rideout_review, name="rideout"),
        path(
            "engagements/<int:engagement_pk>/applications/",
            people_staff.application_list,
            name="applications",
        ),
        path("applications/<int:pk>/", people_staff.application_review, name="application"),
        path("engagements/<int:engagement_pk>/hours/", people_staff.hours_list, name="hours"),
        path("hours/<int:pk>/decide/", people_staff.hours_decide, name="hours_decide"),
    ],
    "programs",
)
