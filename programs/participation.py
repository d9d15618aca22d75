"""What programs tell the equity figures: who attended a session and who applied to a program."""

from collections.abc import Iterable
from datetime import datetime

from engagements.participation import (
    Activity,
    Channel,
    Taking,
    account_takings,
    person_key,
    profile_language,
    raw_text,
)

from .models import Application, Registration


def program_takings(start: datetime, end: datetime) -> Iterable[Taking]:
    # Checked in is the proof of attendance; a sign-up alone is not taking part.
    attended = (
        Registration.objects.filter(checked_in_at__gte=start, checked_in_at__lt=end)
        .values_list(
            "pk",
            "user_id",
            "guest_email",
            raw_text("guest_phone"),
            profile_language("user"),
            "user__neighborhood_id",
            "session__program__engagement_id",
        )
        .order_by()
    )
    for pk, user_id, email, phone, language, home, engagement_id in attended.iterator(
        chunk_size=2000
    ):
        yield Taking(
            person=person_key(
                user_id=user_id, email=email, phone=phone, record=f"registration:{pk}"
            ),
            user_id=user_id,
            activity=Activity.ATTENDED,
            channel=Channel.IN_PERSON,
            language=language,
            neighborhood_id=home,
            engagement_id=engagement_id,
        )
    yield from account_takings(
        Application.objects.filter(created_at__gte=start, created_at__lt=end),
        activity=Activity.APPLICATION,
        channel=Channel.ONLINE,
        engagement="program__engagement_id",
    )
