"""Who took part in an engagement, for notices ("report back to everyone who took part").

Input-givers are known here. Spectrum apps register further sources (people signed up for a session,
survey invitees) with `register()` in their AppConfig.ready(), so the platform never imports them.
Every source streams Recipients; duplicates are fine (the outbox writes one delivery per address).
"""

from collections.abc import Callable, Iterator

from accounts.models import User
from notices.audiences import user_recipients
from notices.recipients import Recipient

from .models import Input

ParticipantSource = Callable[[int], Iterator[Recipient]]
_sources: list[ParticipantSource] = []


def register(source: ParticipantSource) -> None:
    if source not in _sources:
        _sources.append(source)


def input_givers(*, engagement_id: int) -> Iterator[Recipient]:
    """Account holders who gave input, and guests who left a contact and agreed to hear back."""
    authors = User.objects.filter(
        pk__in=Input.objects.filter(engagement_id=engagement_id, author__isnull=False).values(
            "author_id"
        )
    )
    yield from user_recipients(authors)
    guests = (
        Input.objects.filter(engagement_id=engagement_id, author__isnull=True, contact_consent=True)
        .exclude(contact_email="", contact_phone="")
        .values_list("contact_email", "contact_phone", "language")
        .order_by()
        .iterator(chunk_size=2000)
    )
    for email, phone, language in guests:
        yield Recipient(
            language=language,
            email=email,
            phone=str(phone or ""),
            email_ok=bool(email),
            sms_ok=bool(phone),
        )


def participants(*, engagement_id: int) -> Iterator[Recipient]:
    yield from input_givers(engagement_id=engagement_id)
    for source in _sources:
        yield from source(engagement_id)
