"""What people choose: kinds and channels they do not want, one-click unsubscribe, inbox reads."""

from collections.abc import Iterable

from django.core import signing
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ..models import TRANSACTIONAL_KINDS, Channel, Delivery, Kind, OptOut, Suppression
from .outbox import UNSUBSCRIBE_SALT

# Unsubscribe links keep working for a long time: people act on old emails.
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 365 * 2


class InvalidUnsubscribeLink(Exception):
    pass


def optional_kinds() -> list[str]:
    return [kind for kind in Kind.values if kind not in TRANSACTIONAL_KINDS]


@transaction.atomic
def opt_outs_set(*, user: User, blocked: Iterable[tuple[str, str]]) -> None:
    """Replace a person's opt-outs with `blocked`: (kind, channel) pairs they do not want."""
    wanted = {(kind, channel) for kind, channel in blocked if kind in optional_kinds()}
    current = {
        (opt_out.kind, opt_out.channel): opt_out.pk for opt_out in OptOut.objects.filter(user=user)
    }
    OptOut.objects.filter(pk__in=[pk for key, pk in current.items() if key not in wanted]).delete()
    OptOut.objects.bulk_create(
        [OptOut(user=user, kind=kind, channel=channel) for kind, channel in wanted - current.keys()]
    )


def delivery_from_unsubscribe_token(token: str) -> Delivery:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
        return Delivery.objects.select_related("notice").get(pk=data["d"])
    except (signing.BadSignature, KeyError, TypeError, Delivery.DoesNotExist) as error:
        raise InvalidUnsubscribeLink from error


@transaction.atomic
def unsubscribe(*, delivery: Delivery) -> None:
    """One click: a person with an account stops this kind of email; a guest's address is never
    emailed again. Repeating it changes nothing."""
    kind = delivery.notice.kind
    if delivery.user_id and kind not in TRANSACTIONAL_KINDS:
        OptOut.objects.get_or_create(user_id=delivery.user_id, kind=kind, channel=delivery.channel)
    else:
        Suppression.objects.get_or_create(
            channel=delivery.channel, address=delivery.address, defaults={"reason": "unsubscribed"}
        )


def inbox_mark_read(*, user: User, delivery_ids: Iterable[int]) -> int:
    return Delivery.objects.filter(
        user=user, channel=Channel.IN_APP, pk__in=list(delivery_ids), read_at__isnull=True
    ).update(read_at=timezone.now())
