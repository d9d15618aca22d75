"""Reads of programs, shaped for their pages; missing and forbidden look alike (404)."""

from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from engagements.models import Engagement, Status

from .models import (
    Application,
    HoursStatus,
    Partner,
    Program,
    Registration,
    RegistrationStatus,
    RideOutRequest,
    Session,
    VolunteerHours,
)

_SESSION_RELATED = ("program__engagement", "venue__neighborhood")


def _with_counts(qs: QuerySet[Session]) -> QuerySet[Session]:
    confirmed = Q(registrations__status=RegistrationStatus.CONFIRMED)
    waiting = Q(registrations__status=RegistrationStatus.WAITLISTED)
    return qs.annotate(
        confirmed_count=Count("registrations", filter=confirmed),
        waitlist_count=Count("registrations", filter=waiting),
    ).annotate(places_left=F("capacity") - F("confirmed_count"))


def session_list_upcoming(
    *, program: Program | None = None, neighborhood=None, language=None
) -> QuerySet[Session]:
    qs = Session.objects.upcoming().filter(program__engagement__status=Status.PUBLISHED)
    if program is not None:
        qs = qs.filter(program=program)
    if neighborhood is not None:
        qs = qs.filter(venue__neighborhood=neighborhood)
    if language is not None:
        qs = qs.filter(Q(languages=language) | Q(interpretation=language)).distinct()
    return (
        _with_counts(qs)
        .select_related(*_SESSION_RELATED)
        .prefetch_related("languages", "interpretation")
        .order_by("starts_at", "pk")
    )


def session_list_public(
    *,
    when: str = "all",
    engagement_id: int | None = None,
    neighborhood=None,
    language=None,
    starts_from: date | None = None,
    starts_until: date | None = None,
) -> QuerySet[Session]:
    """Sessions of engagements the public may see (open or closed, never drafts), cancelled ones
    included with their status, as the session pages and calendars show them. `when` is
    "upcoming" (not yet ended), "past" (newest first) or "all"; days are agency days."""
    qs = Session.objects.filter(program__engagement__status__in=[Status.PUBLISHED, Status.CLOSED])
    now = timezone.now()
    if when == "upcoming":
        qs = qs.filter(ends_at__gte=now)
    elif when == "past":
        qs = qs.filter(ends_at__lt=now)
    if engagement_id is not None:
        qs = qs.filter(program__engagement_id=engagement_id)
    if neighborhood is not None:
        qs = qs.filter(venue__neighborhood=neighborhood)
    if language is not None:
        # A subquery, not a join: joined language rows would multiply the counts below.
        spoken = Session.objects.filter(Q(languages=language) | Q(interpretation=language))
        qs = qs.filter(pk__in=spoken.values("pk"))
    zone = timezone.get_current_timezone()
    if starts_from is not None:
        qs = qs.filter(starts_at__gte=datetime.combine(starts_from, time.min, tzinfo=zone))
    if starts_until is not None:
        end = datetime.combine(starts_until + timedelta(days=1), time.min, tzinfo=zone)
        qs = qs.filter(starts_at__lt=end)
    order = ("-starts_at", "-pk") if when == "past" else ("starts_at", "pk")
    return (
        _with_counts(qs)
        .select_related(*_SESSION_RELATED)
        .prefetch_related("languages", "interpretation")
        .order_by(*order)
    )


def session_list_for_program(*, program: Program) -> QuerySet[Session]:
    """Every session of a program, past and future, for its staff page."""
    return _with_counts(program.sessions.all()).select_related("venue").order_by("starts_at", "pk")


def session_list_for_calendar(*, program: Program | None = None) -> QuerySet[Session]:
    qs = Session.objects.filter(
        program__engagement__status__in=[Status.PUBLISHED, Status.CLOSED],
        starts_at__gte=timezone.now() - timedelta(days=90),
    )
    if program is not None:
        qs = qs.filter(program=program)
    return qs.select_related(*_SESSION_RELATED).order_by("starts_at", "pk")


def program_for_engagement(*, engagement: Engagement) -> Program | None:
    return Program.objects.filter(engagement=engagement).prefetch_related("partners").first()


def program_get_public(*, pk: int, user) -> Program:
    program = Program.objects.select_related("engagement").filter(pk=pk).first()
    if program is None or not user.has_perm("engagements.view_engagement_page", program.engagement):
        raise Http404
    return program


def session_get_for_user(*, pk: int, user) -> Session:
    session = (
        _with_counts(Session.objects.filter(pk=pk))
        .select_related(*_SESSION_RELATED)
        .prefetch_related("languages", "interpretation", "partner_hosts")
        .first()
    )
    if session is None or not user.has_perm(
        "engagements.view_engagement_page", session.program.engagement
    ):
        raise Http404
    return session


def registration_get_by_token(*, token: str) -> Registration:
    registration = (
        Registration.objects.select_related(
            "session__program__engagement", "session__venue", "user"
        )
        .filter(token=token)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def registration_for_user(*, session: Session, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        session.registrations.exclude(status=RegistrationStatus.CANCELLED).filter(user=user).first()
    )


def roster(*, session: Session) -> QuerySet[Registration]:
    return (
        session.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user", "interpreter_language")
        .order_by("status", "guest_name", "user__display_name", "pk")
    )


def roster_search(*, session: Session, query: str) -> QuerySet[Registration]:
    query = query.strip()
    qs = roster(session=session).filter(status=RegistrationStatus.CONFIRMED)
    if not query:
        return qs
    return qs.filter(
        Q(code__iexact=query.replace("-", ""))
        | Q(guest_name__icontains=query)
        | Q(user__display_name__icontains=query)
        | Q(user__email__icontains=query)
    )


def attendance_figures(*, session: Session) -> dict:
    counts = session.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        no_shows=Count("pk", filter=Q(no_show=True)),
    )
    counts["rate"] = counts["checked_in"] / counts["confirmed"] if counts["confirmed"] else None
    return counts


def my_registrations(*, user) -> QuerySet[Registration]:
    """A person's current sign-ups, soonest first, each with how many wait ahead of them."""
    ahead = (
        Registration.objects.filter(
            session=OuterRef("session"), status=RegistrationStatus.WAITLISTED
        )
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Registration.objects.filter(user=user, session__ends_at__gte=timezone.now())
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related(*(f"session__{name}" for name in _SESSION_RELATED))
        .annotate(ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), 0))
        .order_by("session__starts_at", "pk")
    )


def partner_list_public() -> QuerySet[Partner]:
    return (
        Partner.objects.filter(is_listed=True)
        .prefetch_related(
            "neighborhoods",
            Prefetch("programs", queryset=Program.objects.select_related("engagement")),
        )
        .order_by("name")
    )


def _own_or_staff(record, user):
    if record is None or not user.has_perm("programs.view_personal_record", record):
        raise Http404
    return record


def rideout_get_for_user(*, pk: int, user) -> RideOutRequest:
    return _own_or_staff(
        RideOutRequest.objects.select_related("program__engagement", "waiver", "officer")
        .filter(pk=pk)
        .first(),
        user,
    )


def application_get_for_user(*, pk: int, user) -> Application:
    return _own_or_staff(
        Application.objects.select_related("program__engagement", "cohort", "user")
        .filter(pk=pk)
        .first(),
        user,
    )


def rideout_list_for_program(*, program: Program) -> QuerySet[RideOutRequest]:
    return program.rideout_requests.select_related("user", "officer").order_by(
        "status", "created_at"
    )


def application_list_for_program(*, program: Program) -> QuerySet[Application]:
    return program.applications.select_related("user", "cohort", "minor").order_by(
        "status", "created_at"
    )


def hours_pending_for_program(*, program: Program) -> QuerySet[VolunteerHours]:
    return (
        program.volunteer_hours.filter(status=HoursStatus.PENDING)
        .select_related("user")
        .order_by("worked_on", "pk")
    )


def hours_totals_for_program(*, program: Program) -> QuerySet:
    """Approved hours per volunteer, most first."""
    return (
        program.volunteer_hours.filter(status=HoursStatus.APPROVED)
        .values("user_id", "user__display_name", "user__email")
        .annotate(total=Sum("hours"), entries=Count("pk"))
        .order_by("-total", "user__email")
    )


def my_rideouts(*, user) -> QuerySet[RideOutRequest]:
    return user.rideout_requests.select_related("program__engagement").order_by("-created_at")


def my_applications(*, user) -> QuerySet[Application]:
    return user.applications.select_related("program__engagement", "cohort").order_by("-created_at")


def my_hours(*, user) -> QuerySet[Program]:
    """The volunteer programs a person logged hours for, with their approved and waiting totals."""
    # Filtering on the person first makes the sums below count only their hours.
    return (
        Program.objects.filter(volunteer_hours__user=user)
        .select_related("engagement")
        .annotate(
            approved=Sum(
                "volunteer_hours__hours", filter=Q(volunteer_hours__status=HoursStatus.APPROVED)
            ),
            pending=Sum(
                "volunteer_hours__hours", filter=Q(volunteer_hours__status=HoursStatus.PENDING)
            ),
        )
        .order_by("pk")
    )
