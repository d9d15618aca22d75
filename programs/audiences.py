"""Programs' people for notices: those signed up for a session, and attendees as participants."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from accounts.models import User
from notices.audiences import user_recipients
from notices.recipients import Recipient

from .models import Registration, RegistrationStatus


def _registrations(registrations) -> Iterator[Recipient]:
    users = User.objects.filter(pk__in=registrations.filter(user__isnull=False).values("user_id"))
    yield from user_recipients(users)
    guests = (
        registrations.filter(user__isnull=True)
        .values_list("guest_email", "guest_phone", "language")
        .order_by()
        .iterator(chunk_size=2000)
    )
    for email, phone, language in guests:
        # A guest confirmed this address or number when signing up; it is used for this
        # engagement only.
        yield Recipient(
            language=language,
            email=email,
            phone=str(phone or ""),
            email_ok=bool(email),
            sms_ok=bool(phone),
        )


@dataclass(frozen=True)
class SessionAudience:
    key: str = "session_people"
    label: str = _("People signed up for a session")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        statuses = params.get("statuses") or [RegistrationStatus.CONFIRMED]
        registrations = Registration.objects.filter(
            session_id=params["session_id"], status__in=statuses
        )
        if params.get("attended"):
            registrations = registrations.filter(checked_in_at__isnull=False)
        yield from _registrations(registrations)


@dataclass(frozen=True)
class RegistrationAudience:
    """The one person behind a registration, with or without an account."""

    key: str = "registration"
    label: str = _("One person signed up for a session")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        yield from _registrations(Registration.objects.filter(pk=params["registration_id"]))


def attendees_of_engagement(engagement_id: int) -> Iterator[Recipient]:
    """Everyone confirmed for a session of the engagement's program, except recorded no-shows:
    taking part counts as participation, so report-backs reach them."""
    registrations = Registration.objects.filter(
        session__program__engagement_id=engagement_id,
        status=RegistrationStatus.CONFIRMED,
        no_show=False,
    )
    yield from _registrations(registrations)


def session_attendees(*, session_id: int) -> Iterator[Recipient]:
    """The people checked in at a session."""
    yield from _registrations(
        Registration.objects.filter(
            session_id=session_id, status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False
        )
    )
