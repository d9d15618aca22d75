"""Reads of programs, shaped for their pages; missing and forbidden look alike (404)."""

from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from engagements.models import Engagement, Status

from .models import Partner, Program, Registration, RegistrationStatus, Session

_SESSION_RELATED = ("program__engagement", "venue__neighborhood")


def _with_counts(qs: QuerySet[Session]) -> QuerySet[Session]:
    return qs.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
        ),
        waitlist_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
    )


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
