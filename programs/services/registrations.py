"""Sign-ups people can trust: capacity is never exceeded, a repeat is a no-op, the waitlist is fair.

Every change that can take or free a place locks the session row (`select_for_update`) inside one
transaction, so simultaneous sign-ups and cancellations are serialised per session. SQLite ignores
row locks; the concurrency tests run on PostgreSQL.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import ACTIVE_STATUSES, Registration, RegistrationStatus, Session
from . import notify


class RegistrationError(Exception):
    """Sign-up is not possible (closed, full without waitlist, missing acknowledgement)."""


@dataclass(frozen=True, kw_only=True)
class Accommodations:
    interpreter_language: object = None
    asl: bool = False
    step_free: bool = False
    childcare: bool = False
    other: str = ""


@dataclass(frozen=True, kw_only=True)
class Guest:
    name: str
    email: str = ""
    phone: str = ""


def session_lock(session: Session) -> Session:
    """Lock the session row only. Without `of`, PostgreSQL would also lock the joined program and
    engagement rows, and a sign-up would wait for every retention chunk that holds the engagement.
    (SQLite ignores select_for_update altogether, `of` included.)"""
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("program__engagement")
        .get(pk=session.pk)
    )


def _confirmed_count(session: Session) -> int:
    return session.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def _take_place(session: Session, registration: Registration) -> None:
    """Confirm if a place is free, else join the end of the waitlist. Caller holds the lock."""
    now = timezone.now()
    if _confirmed_count(session) < session.capacity:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    elif session.waitlist_enabled:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlisted_at = now
    else:
        raise RegistrationError(_("This session is full."))


def _existing(session: Session, *, user: User | None, email: str) -> Registration | None:
    active = session.registrations.filter(status__in=ACTIVE_STATUSES)
    if user is not None:
        return active.filter(user=user).first()
    if email:
        return active.filter(user__isnull=True, guest_email=email).first()
    return None


@transaction.atomic
def registration_create(
    *,
    session: Session,
    language: str,
    user: User | None = None,
    guest: Guest | None = None,
    needs: Accommodations | None = None,
    confidentiality_acknowledged: bool = False,
) -> Registration:
    """Sign someone up. Locks the session. A person already signed up gets their registration back.

    People with an account are confirmed or waitlisted at once; a guest first confirms their email
    or phone by the link or code they are sent, and only then takes a place.
    """
    session = session_lock(session)
    email = (guest.email.strip().lower() if guest else "") or ""
    if existing := _existing(session, user=user, email=email):
        return existing
    if not session.is_open_for_registration:
        raise RegistrationError(_("Sign-up for this session is closed."))
    if session.program.requires_confidentiality and not confidentiality_acknowledged:
        raise RegistrationError(_("Please acknowledge the confidentiality agreement."))
    needs = needs or Accommodations()
    registration = Registration(
        session=session,
        user=user,
        guest_name=guest.name if guest else "",
        guest_email=email,
        guest_phone=guest.phone if guest else "",
        language=language,
        interpreter_language=needs.interpreter_language,
        needs_asl=needs.asl,
        needs_step_free=needs.step_free,
        needs_childcare=needs.childcare,
        needs_other=needs.other,
        confidentiality_acknowledged_at=timezone.now() if confidentiality_acknowledged else None,
    )
    if user is None:
        registration.status = RegistrationStatus.UNCONFIRMED
    else:
        _take_place(session, registration)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # Another request for the same person won the race on the unique constraint.
        existing = _existing(session, user=user, email=email)
        if existing is None:
            raise
        return existing
    if registration.status == RegistrationStatus.UNCONFIRMED:
        notify.registration_confirm_request(registration)
    else:
        notify.registration_confirmed(registration)
    return registration


@transaction.atomic
def registration_confirm_guest(*, registration: Registration) -> Registration:
    """The guest proved their email or phone (link or code): now they take a place."""
    session = session_lock(registration.session)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.UNCONFIRMED:
        return registration
    if not session.is_open_for_registration:
        raise RegistrationError(_("Sign-up for this session is closed."))
    _take_place(session, registration)
    registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    notify.registration_confirmed(registration)
    return registration


def waitlist_promote(session: Session) -> list[Registration]:
    """Fill free places from the head of the waitlist, in order. Caller holds the lock."""
    free = session.capacity - _confirmed_count(session)
    if free <= 0:
        return []
    promoted = list(
        session.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .select_for_update()[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        notify.registration_promoted(registration)
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel a sign-up; a freed place goes to the first person waiting. Cancelling twice is a
    no-op."""
    session = session_lock(registration.session)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    waitlist_promote(session)
    return registration


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = registration.session.registrations.filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk),
        status=RegistrationStatus.WAITLISTED,
    ).count()
    return ahead + 1


@transaction.atomic
def registration_check_in(*, registration: Registration) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise RegistrationError(_("Only a confirmed registration can be checked in."))
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.no_show = False
        registration.save(update_fields=["checked_in_at", "no_show"])
    return registration


@transaction.atomic
def session_mark_no_shows(*, session: Session) -> int:
    """After a session, everyone confirmed who did not check in is recorded as a no-show."""
    return session.registrations.filter(
        status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=True
    ).update(no_show=True)
