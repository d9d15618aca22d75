"""Who took part in anything, over a period, for the participation-equity and transparency figures.

Every app that records people taking part registers a source with `register()` in its
AppConfig.ready(), so the platform never imports spectrum apps. A source reads a period in a fixed
number of queries and yields one `Taking` per act of taking part; the figures count each person once.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import CharField, F
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from .models import Input
from .models.loop import Source as InputSource


class Activity(models.TextChoices):
    ATTENDED = "attended", _("Attended a session")
    SURVEY = "survey", _("Answered a survey (identified)")
    INPUT = "input", _("Gave input")
    APPLICATION = "application", _("Applied to a program or board")
    BOARD = "board", _("Served on a board")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper")
    PHONE_EMAIL = "phone_email", _("By phone or email")


@dataclass(frozen=True, slots=True)
class Taking:
    """One act of taking part. `person` identifies the person across sources: "u:<user id>" for
    account holders, "g:<email or phone>" for guests, or a key unique to the record when nothing
    identifies them (they count as one person each). `language` and `neighborhood_id` describe the
    person: from the profile for account holders (sources join it in, so the figures need no
    second pass over people), otherwise from the record; the neighborhood is where they live, never
    where the engagement took place."""

    person: str
    user_id: int | None
    activity: str
    channel: str
    language: str
    neighborhood_id: int | None = None
    engagement_id: int | None = None
    # For taking part that hangs on no engagement (board service): the band of the spectrum.
    category: str = ""


def person_key(*, user_id: int | None, email: str = "", phone: str = "", record: str) -> str:
    if user_id:
        return f"u:{user_id}"
    if email:
        return f"g:{email.strip().lower()}"
    if phone:
        return f"g:{phone}"
    return f"r:{record}"


def account_takings(
    rows: models.QuerySet,
    *,
    activity: str,
    channel: str,
    engagement: str | None = None,
    category: str = "",
) -> Iterable[Taking]:
    """Takings of records that always belong to an account (`user` field), described by the
    account's profile; `engagement` names the lookup to the engagement, when there is one."""
    values = rows.values_list(
        "user_id", "user__language", "user__neighborhood_id", engagement or "user_id"
    ).order_by()
    for user_id, language, home, engagement_id in values.iterator(chunk_size=2000):
        yield Taking(
            person=person_key(user_id=user_id, record=""),
            user_id=user_id,
            activity=activity,
            channel=channel,
            language=language,
            neighborhood_id=home,
            engagement_id=engagement_id if engagement else None,
            category=category,
        )


SourceFn = Callable[[datetime, datetime], Iterable[Taking]]
_sources: list[SourceFn] = []


def register(source: SourceFn) -> None:
    if source not in _sources:
        _sources.append(source)


def takings(*, start: datetime, end: datetime) -> Iterable[Taking]:
    """Every act of taking part in [start, end)."""
    for source in _sources:
        yield from source(start, end)


# Summaries and board recommendations are the agency's and the board's words, not a resident's.
_NOT_A_PERSON = (InputSource.SURVEY_SUMMARY, InputSource.BOARD_RECOMMENDATION)
_INPUT_CHANNEL = {
    InputSource.COMMENT_CARD: Channel.IN_PERSON,
    InputSource.MEETING_NOTE: Channel.IN_PERSON,
    InputSource.PHONE_OR_EMAIL: Channel.PHONE_EMAIL,
}


def profile_language(user_field: str, record_field: str = "language"):
    """The account's preferred language, else the record's (for values_list)."""
    return Coalesce(NullIf(F(f"{user_field}__language"), models.Value("")), F(record_field))


def raw_text(field: str):
    """A column read as plain text, skipping the field's Python conversion (e.g. phone parsing,
    which costs more than the query for a year of records)."""
    return models.ExpressionWrapper(F(field), output_field=CharField())


def input_takings(start: datetime, end: datetime) -> Iterable[Taking]:
    rows = (
        Input.objects.filter(received_at__gte=start, received_at__lt=end)
        .exclude(source__in=_NOT_A_PERSON)
        .exclude(engagement__status="draft")
        .values_list(
            "pk",
            "author_id",
            "contact_email",
            raw_text("contact_phone"),
            "source",
            profile_language("author"),
            "author__neighborhood_id",
            "engagement_id",
        )
        .order_by()
    )
    for pk, author_id, email, phone, source, language, home, engagement_id in rows.iterator(
        chunk_size=2000
    ):
        yield Taking(
            person=person_key(user_id=author_id, email=email, phone=phone, record=f"input:{pk}"),
            user_id=author_id,
            activity=Activity.INPUT,
            channel=_INPUT_CHANNEL.get(source, Channel.ONLINE),
            language=language,
            neighborhood_id=home,
            engagement_id=engagement_id,
        )


register(input_takings)
