"""Scheduling: single sessions and series, edits, cancellations, and the beat-driven messages."""

from collections.abc import Mapping, Sequence
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from engagements.signals import participation_ended

from ..audiences import session_attendees
from ..models import Program, Series, Session, SessionStatus
from . import notify
from .recurrence import SeriesPattern, series_times
from .registrations import session_lock, waitlist_promote

SCALAR_FIELDS = (
    "starts_at",
    "ends_at",
    "venue",
    "virtual_link",
    "capacity",
    "waitlist_enabled",
    "registration_opens_at",
    "registration_closes_at",
    "asl",
    "title",
    "cohort",
)
M2M_FIELDS = ("languages", "interpretation", "hosts", "partner_hosts")
# Changes that people signed up must hear about.
NOTIFY_FIELDS = ("starts_at", "ends_at", "venue", "virtual_link")


class ScheduleError(Exception):
    pass


def _apply(session: Session, values: Mapping[str, Any]) -> None:
    for field in SCALAR_FIELDS:
        if field in values:
            setattr(session, field, values[field])


def _relate(session: Session, values: Mapping[str, Any]) -> None:
    for field in M2M_FIELDS:
        if field in values:
            getattr(session, field).set(values[field])


@transaction.atomic
def session_create(
    *, program: Program, values: Mapping[str, Any], created_by: User, series: Series | None = None
) -> Session:
    session = Session(program=program, series=series)
    _apply(session, values)
    session.full_clean()
    session.save()
    _relate(session, values)
    return session


@transaction.atomic
def series_create(
    *,
    program: Program,
    pattern: SeriesPattern,
    venues: Sequence,
    values: Mapping[str, Any],
    description: str,
    created_by: User,
) -> Series:
    """Create every session of a pattern in one go, rotating among `venues` in order."""
    times = series_times(pattern)
    if not times:
        raise ScheduleError(
            _("This pattern gives no dates. Check the first date and the end date.")
        )
    if len(times) > 200:
        raise ScheduleError(_("A series can have at most 200 sessions."))
    series = Series.objects.create(program=program, description=description, created_by=created_by)
    for index, (starts_at, ends_at) in enumerate(times):
        venue = venues[index % len(venues)] if venues else None
        session_create(
            program=program,
            series=series,
            values={**values, "starts_at": starts_at, "ends_at": ends_at, "venue": venue},
            created_by=created_by,
        )
    return series


@transaction.atomic
def session_update(*, session: Session, values: Mapping[str, Any], updated_by: User) -> Session:
    """Edit one session. Locks it. People signed up hear about changes of time or place; more
    places go to the waitlist at once."""
    session = session_lock(session)
    before = {field: getattr(session, field) for field in NOTIFY_FIELDS}
    _apply(session, values)
    changed = any(getattr(session, field) != before[field] for field in NOTIFY_FIELDS)
    if changed and session.status == SessionStatus.SCHEDULED:
        session.status = SessionStatus.CHANGED
    session.full_clean()
    session.save()
    _relate(session, values)
    waitlist_promote(session)
    if changed:
        notify.session_changed(session, version=timezone.now().isoformat())
    return session


@transaction.atomic
def series_update_rest(
    *, session: Session, values: Mapping[str, Any], updated_by: User
) -> list[Session]:
    """Apply the same edit (not the date) to this session and the later ones of its series."""
    values = {key: value for key, value in values.items() if key not in ("starts_at", "ends_at")}
    return [
        session_update(session=later, values=values, updated_by=updated_by)
        for later in _this_and_later(session)
    ]


def _this_and_later(session: Session) -> list[Session]:
    if session.series_id is None:
        return [session]
    return list(
        Session.objects.filter(series_id=session.series_id, starts_at__gte=session.starts_at)
        .active()
        .order_by("starts_at")
    )


@transaction.atomic
def session_cancel(
    *, session: Session, cancelled_by: User, rest_of_series: bool = False
) -> list[Session]:
    """Cancel one session (or it and the rest of its series) and tell everyone signed up."""
    cancelled = []
    for target in _this_and_later(session) if rest_of_series else [session]:
        target = session_lock(target)
        if target.status == SessionStatus.CANCELLED:
            continue
        target.status = SessionStatus.CANCELLED
        target.save(update_fields=["status", "updated_at"])
        notify.session_cancelled(target)
        cancelled.append(target)
    return cancelled


def sessions_send_reminders(*, now=None) -> int:
    """Remind people of sessions starting within their program's reminder window (beat)."""
    now = now or timezone.now()
    due = (
        Session.objects.active()
        .filter(
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + timedelta(days=14),
        )
        .select_related("program__engagement", "venue")
    )
    sent = 0
    for session in due:
        if session.starts_at - timedelta(hours=session.program.reminder_hours) > now:
            continue
        with transaction.atomic():
            notify.session_reminder(session)
            Session.objects.filter(pk=session.pk).update(reminder_sent_at=now)
        sent += 1
    return sent


def sessions_send_thanks(*, now=None) -> int:
    """After a session: mark it completed and thank the people who came, inviting feedback."""
    now = now or timezone.now()
    ended = (
        Session.objects.active()
        .filter(thanks_sent_at__isnull=True, ends_at__lte=now, ends_at__gte=now - timedelta(days=3))
        .select_related("program__engagement")
    )
    sent = 0
    for session in ended:
        with transaction.atomic():
            notify.session_thanks(session)
            # Other apps (surveys' feedback invitations) follow up with the people who came.
            participation_ended.send(
                sender=Session,
                engagement_id=session.program.engagement_id,
                recipients=partial(session_attendees, session_id=session.pk),
                key=f"session:{session.pk}",
            )
            Session.objects.filter(pk=session.pk).update(
                thanks_sent_at=now, status=SessionStatus.COMPLETED
            )
        sent += 1
    return sent
