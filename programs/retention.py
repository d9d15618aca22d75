"""Retention rules for programs: guests' contact details on sign-ups and ride-out requests, and
young applicants' details. Registered with the platform's schedule in ProgramsConfig.ready()."""

from datetime import datetime

from django.db.models import DateTimeField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from engagements.retention import (
    RetentionRule,
    closed_a_period_ago,
    given_before_latest_report_back,
    guest_contact_due,
    register,
    with_backstop,
)

from .models import (
    Application,
    ApplicationStatus,
    MinorDetails,
    Registration,
    RideOutRequest,
    RideOutStatus,
    Session,
)
from .models.sessions import SessionStatus

# --- Guests who signed up without an account -----------------------------------------------------


def _registrations_due(cutoff: datetime, now: datetime) -> QuerySet:
    """Made before the latest report-back (or on an engagement closed a period ago), for a
    session that has ended: the clock starts at the later of the two, so a guest signed up for
    next week's session stays reachable."""
    return Registration.objects.filter(
        guest_contact_due(
            engagement="session__program__engagement", given_at="created_at", cutoff=cutoff
        ),
        user__isnull=True,
        session__ends_at__lte=cutoff,
    ).exclude(guest_name="", guest_email="", guest_phone="", needs_other="")


def _registrations_anonymise(queryset: QuerySet, now: datetime) -> int:
    # The sign-up stays (attendance counts, accommodations asked for); who it was goes.
    return queryset.update(
        guest_name="", guest_email="", guest_phone="", needs_other="", contact_removed_at=now
    )


# --- Guardians named on ride-out requests ------------------------------------------------------


def _rideout_guardians_due(cutoff: datetime, now: datetime) -> QuerySet:
    """Asked before the latest report-back and settled: declined, cancelled, or approved and
    ridden (the clock starts at the later of the report-back and the ride-out). A request still
    under review is not due while the engagement is open: staff may need to reach the guardian.

    The backstop: on an engagement closed a period ago, every request is due (one still under
    review is moot, the program being closed), except an approved one whose ride-out is less than
    a period old."""
    settled = Q(status__in=[RideOutStatus.DECLINED, RideOutStatus.CANCELLED]) | Q(
        status=RideOutStatus.APPROVED, scheduled_at__lte=cutoff
    )
    answered = given_before_latest_report_back(
        engagement="program__engagement", given_at="created_at", cutoff=cutoff
    )
    closed = closed_a_period_ago(
        engagement="program__engagement", given_at="created_at", cutoff=cutoff
    )
    ridden_lately = Q(status=RideOutStatus.APPROVED, scheduled_at__gt=cutoff)
    return RideOutRequest.objects.filter((answered & settled) | (closed & ~ridden_lately)).exclude(
        guardian_name="", guardian_email=""
    )


def _rideout_guardians_anonymise(queryset: QuerySet, now: datetime) -> int:
    # The consent time stays as the record that consent was given.
    return queryset.update(guardian_name="", guardian_email="")


# --- Young applicants' details -------------------------------------------------------------


def _last_session_end(**filters) -> Subquery:
    return Subquery(
        Session.objects.filter(**filters)
        .exclude(status=SessionStatus.CANCELLED)
        .order_by()
        .values(*filters)
        .annotate(last=Max("ends_at"))
        .values("last")[:1],
        output_field=DateTimeField(),
    )


def _minors_due(cutoff: datetime, now: datetime) -> QuerySet:
    """The program ends with the last session of the applicant's cohort; without a cohort (or
    sessions in it), with the later of the engagement's end and the program's last session.
    The clock starts at the latest of that end, the application and its decision, so details
    given today to a program that last ran long ago are kept. An application still waiting for
    a decision is never due; nor is one to a program with no end date."""
    cohort_end = _last_session_end(cohort=OuterRef("application__cohort"))
    program_last = _last_session_end(program=OuterRef("application__program"))
    engagement_end = "application__program__engagement__ends_at"
    # Greatest() is NULL on SQLite when either side is; Coalesce makes both sides present.
    program_end = Greatest(
        Coalesce(engagement_end, program_last), Coalesce(program_last, engagement_end)
    )
    # "The latest of these is at or before the cutoff" as one condition per date, so a missing
    # date never counts as past (GREATEST ignores NULLs on PostgreSQL, not on SQLite).
    return (
        MinorDetails.objects.annotate(program_ended=Coalesce(cohort_end, program_end))
        .filter(program_ended__lte=cutoff, application__created_at__lte=cutoff)
        .exclude(application__status=ApplicationStatus.SUBMITTED)
        .filter(Q(application__decided_at__isnull=True) | Q(application__decided_at__lte=cutoff))
    )


def _minors_remove(queryset: QuerySet, now: datetime) -> int:
    application_ids = list(queryset.values_list("application_id", flat=True))
    _total, by_model = queryset.delete()
    # The application stays (it counts towards the program's figures), marked as a minor's.
    Application.objects.filter(pk__in=application_ids).update(minor_details_removed_at=now)
    return by_model.get(MinorDetails._meta.label, 0)


def register_rules() -> None:
    register(
        RetentionRule(
            key="registration_guest_contacts",
            label=_("Guest contact details on session sign-ups"),
            description=with_backstop(
                _(
                    "Name, email, phone and free-text needs of people who signed up without an "
                    "account are blanked this many days after the later of the engagement's latest "
                    "report-back and the session, for sign-ups made before that report-back. The "
                    "sign-up and its attendance stay."
                )
            ),
            default_days=90,
            select_due=_registrations_due,
            hold_lookup="session__program__engagement__legal_hold",
            apply=_registrations_anonymise,
        )
    )
    register(
        RetentionRule(
            key="rideout_guardian_contacts",
            label=_("Guardians' names and emails on ride-out requests"),
            description=with_backstop(
                _(
                    "Blanked this many days after the ride-out program's latest report-back, for "
                    "requests made before it and declined, cancelled or ridden (counted from the "
                    "ride-out if later). Requests under review keep them."
                )
            ),
            default_days=90,
            select_due=_rideout_guardians_due,
            hold_lookup="program__engagement__legal_hold",
            apply=_rideout_guardians_anonymise,
        )
    )
    register(
        RetentionRule(
            key="minor_details",
            label=_("Young applicants' details (name, birth date, school, guardian)"),
            description=_(
                "Deleted this many days after the last session of the young person's cohort "
                "(or of the program, or the engagement's end), the application and its decision, "
                "whichever is latest. Never while the application waits for a decision. The "
                "application stays, marked as a young person's."
            ),
            default_days=365,
            select_due=_minors_due,
            hold_lookup="application__program__engagement__legal_hold",
            apply=_minors_remove,
        )
    )
