"""Who a notice goes to. Each audience streams Recipients; nothing loads a whole audience at once.

Apps add audiences with `register()`; spectrum apps add the people who take part in an engagement
through `engagements.participants` instead, so that "participants of an engagement" covers every
way of taking part.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .recipients import Recipient

CHUNK = 2000


class Audience(Protocol):
    key: str
    label: str

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]: ...


_registry: dict[str, Audience] = {}


def register(audience: Audience) -> Audience:
    _registry[audience.key] = audience
    return audience


def audience_get(key: str) -> Audience:
    try:
        return _registry[key]
    except KeyError:
        raise LookupError(f"unknown audience {key!r}") from None


def audience_choices() -> list[tuple[str, str]]:
    return [(key, audience.label) for key, audience in _registry.items()]


def user_recipients(users: QuerySet[User]) -> Iterator[Recipient]:
    """Stream active people with a verified email as Recipients (one query, chunked)."""
    verified = EmailAddress.objects.filter(
        user=OuterRef("pk"), verified=True, email=OuterRef("email")
    )
    rows = (
        users.filter(is_active=True)
        .annotate(email_verified=Exists(verified))
        .values_list(
            "pk",
            "email",
            "phone",
            "language",
            "notify_by_email",
            "notify_by_sms",
            "notify_in_app",
            "sms_consent_at",
            "email_verified",
        )
        .order_by()
        .iterator(chunk_size=CHUNK)
    )
    for pk, email, phone, language, by_email, by_sms, in_app, sms_consent, verified_ok in rows:
        yield Recipient(
            language=language,
            user_id=pk,
            email=email if verified_ok else "",
            phone=str(phone or ""),
            email_ok=by_email,
            sms_ok=bool(by_sms and sms_consent and phone),
            in_app_ok=in_app,
        )


@dataclass(frozen=True)
class PeopleAudience:
    key: str = "people"
    label: str = _("A list of people")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        yield from user_recipients(User.objects.filter(pk__in=params.get("user_ids", [])))
        from django.conf import settings

        language = params.get("language") or settings.LANGUAGE_CODE
        known = set(
            User.objects.filter(email__in=params.get("emails", [])).values_list("email", flat=True)
        )
        for email in params.get("emails", []):
            if email in known:
                yield from user_recipients(User.objects.filter(email=email))
            else:
                yield Recipient(language=language, email=email)


@dataclass(frozen=True)
class TopicFollowersAudience:
    key: str = "topic_followers"
    label: str = _("Followers of a topic")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        yield from user_recipients(User.objects.filter(topics_followed=params["topic_id"]))


@dataclass(frozen=True)
class NeighborhoodAudience:
    key: str = "neighborhood"
    label: str = _("People in a neighborhood")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        yield from user_recipients(User.objects.filter(neighborhood=params["neighborhood_id"]))


@dataclass(frozen=True)
class FollowersAudience:
    """People who follow any of some topics or live in any of some neighborhoods, once each."""

    key: str = "followers"
    label: str = _("Followers of topics or neighborhoods")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        condition = Q(topics_followed__in=params.get("topic_ids", [])) | Q(
            neighborhood__in=params.get("neighborhood_ids", [])
        )
        yield from user_recipients(
            User.objects.filter(pk__in=User.objects.filter(condition).values("pk"))
        )


@dataclass(frozen=True)
class EngagementParticipantsAudience:
    key: str = "engagement_participants"
    label: str = _("Everyone who took part in an engagement")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        from engagements.participants import participants

        yield from participants(engagement_id=params["engagement_id"])


@dataclass(frozen=True)
class EngagementInputGiversAudience:
    key: str = "engagement_input_givers"
    label: str = _("Everyone who gave input on an engagement")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        from engagements.participants import input_givers

        yield from input_givers(engagement_id=params["engagement_id"])


for _audience in (
    PeopleAudience(),
    TopicFollowersAudience(),
    NeighborhoodAudience(),
    FollowersAudience(),
    EngagementParticipantsAudience(),
    EngagementInputGiversAudience(),
):
    register(_audience)
