"""The outbox: create deliveries with their cause, then send each exactly once.

1. `notice_create` (and `notice_release`) write the Notice and its Delivery rows inside the caller's
   transaction; after commit, batches of delivery ids are handed to Celery.
2. If the broker is down the caller still succeeds; the deliveries stay pending and `deliveries_sweep`
   (celery beat, every minute) hands them to Celery again.
3. `deliveries_send` locks its rows (`skip_locked`), skips any no longer pending, renders each in the
   recipient's language, sends it through the channel backend and marks it, all in one transaction.
"""

import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User

from ..audiences import audience_get
from ..channels import PermanentSendError, RenderedMessage, TransientSendError, channel_backend
from ..models import (
    TRANSACTIONAL_KINDS,
    Channel,
    Delivery,
    DeliveryStatus,
    Notice,
    NoticeStatus,
    OptOut,
    Suppression,
)
from ..recipients import Recipient

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notices.unsubscribe"
ALL_CHANNELS = [Channel.EMAIL, Channel.SMS, Channel.IN_APP]


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def notice_translated_languages(notice: Notice) -> set[str]:
    """Languages in which the notice has both a subject and a body."""
    return {
        code
        for code in _languages()
        if getattr(notice, build_localized_fieldname("subject", code), "")
        and getattr(notice, build_localized_fieldname("body", code), "")
    }


@transaction.atomic
def notice_create(
    *,
    kind: str,
    subject: Mapping[str, str],
    body: Mapping[str, str],
    audience_kind: str,
    audience_params: dict[str, Any] | None = None,
    channels: Iterable[str] | None = None,
    engagement=None,
    link: str = "",
    created_by: User | None = None,
    send_at: datetime | None = None,
    dedupe_key: str | None = None,
    release: bool = True,
    attachments: list[dict] | None = None,
) -> Notice:
    """Write a notice (subject and body per language) and, unless it is scheduled for later or
    `release` is False, its deliveries, in the caller's transaction.

    With a `dedupe_key` the same notice is never created twice: a second call returns the first.
    """
    audience_get(audience_kind)  # fail early on an unknown audience
    if dedupe_key:
        existing = Notice.objects.filter(dedupe_key=dedupe_key).first()
        if existing:
            return existing
    notice = Notice(
        kind=kind,
        audience_kind=audience_kind,
        audience_params=audience_params or {},
        channels=list(channels or ALL_CHANNELS),
        engagement=engagement,
        link=link,
        created_by=created_by,
        send_at=send_at,
        dedupe_key=dedupe_key,
        attachments=attachments or [],
    )
    for code, text in subject.items():
        setattr(notice, build_localized_fieldname("subject", code), text)
    for code, text in body.items():
        setattr(notice, build_localized_fieldname("body", code), text)
    try:
        with transaction.atomic():
            notice.save()
    except IntegrityError:
        if dedupe_key:
            return Notice.objects.get(dedupe_key=dedupe_key)
        raise
    if not release:
        return notice
    if send_at and send_at > timezone.now():
        notice.status = NoticeStatus.SCHEDULED
        notice.save(update_fields=["status"])
        return notice
    return notice_release(notice=notice)


def _deliveries_for(
    notice: Notice, recipients: Iterator[Recipient], available: set[str]
) -> Iterator[Delivery]:
    default = settings.LANGUAGE_CODE
    channels = set(notice.channels)
    transactional = notice.kind in TRANSACTIONAL_KINDS
    opted_out: dict[int, set[str]] = {}
    if not transactional:
        for user_id, channel in OptOut.objects.filter(kind=notice.kind).values_list(
            "user_id", "channel"
        ):
            opted_out.setdefault(user_id, set()).add(channel)
    suppressed = set(Suppression.objects.values_list("channel", "address"))

    for recipient in recipients:
        language = recipient.language if recipient.language in available else default
        fell_back = language != recipient.language
        blocked = opted_out.get(recipient.user_id, set()) if recipient.user_id else set()
        addresses = []
        if recipient.email and recipient.email_ok:
            addresses.append((Channel.EMAIL, recipient.email.lower()))
        if recipient.phone and recipient.sms_ok:
            addresses.append((Channel.SMS, recipient.phone))
        if recipient.user_id and recipient.in_app_ok:
            addresses.append((Channel.IN_APP, f"user:{recipient.user_id}"))
        for channel, address in addresses:
            if channel not in channels or channel in blocked or (channel, address) in suppressed:
                continue
            yield Delivery(
                notice=notice,
                channel=channel,
                address=address,
                user_id=recipient.user_id,
                language=language,
                fell_back=fell_back,
                link=recipient.link,
            )


@transaction.atomic
def notice_release(*, notice: Notice) -> Notice:
    """Resolve the audience and write one delivery per address and channel (locks the notice).

    Recipients are streamed and written in batches, so memory does not grow with the audience.
    Releasing twice is a no-op.
    """
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status in (NoticeStatus.RELEASED, NoticeStatus.CANCELLED):
        return notice
    available = notice_translated_languages(notice) or {settings.LANGUAGE_CODE}
    recipients = audience_get(notice.audience_kind).recipients(notice.audience_params)
    deliveries = _deliveries_for(notice, recipients, available)
    batch_size = settings.NOTICES_WRITE_BATCH_SIZE
    while batch := list(islice(deliveries, batch_size)):
        # The same address reached through two audiences (or twice in one) is written once.
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)
    notice.status = NoticeStatus.RELEASED
    notice.released_at = timezone.now()
    notice.save(update_fields=["status", "released_at"])
    notice_id = notice.pk
    transaction.on_commit(lambda: deliveries_enqueue(notice_id=notice_id))
    return notice


def _due() -> Q:
    return Q(status=DeliveryStatus.PENDING) & (
        Q(not_before__isnull=True) | Q(not_before__lte=timezone.now())
    )


def _publish(ids: list[int]) -> bool:
    """Hand one batch to Celery. A broker that is down is logged, not raised: the rows stay in
    the outbox and the sweeper tries again."""
    from ..tasks import delivery_send_batch

    try:
        delivery_send_batch.apply_async(args=[ids], retry=False)
    except Exception:  # any broker or connection error; the outbox keeps the work
        logger.warning(
            "could not queue %d deliveries; the sweeper will retry", len(ids), exc_info=True
        )
        return False
    return True


def deliveries_enqueue(
    *, notice_id: int | None = None, stale_after: timedelta | None = None
) -> int:
    """Queue due, pending deliveries in batches (of one notice, or all). Returns how many."""
    qs = Delivery.objects.filter(_due())
    if notice_id is not None:
        qs = qs.filter(notice_id=notice_id)
    ids = qs.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=10_000)
    queued = 0
    batch_size = settings.NOTICES_SEND_BATCH_SIZE
    while batch := list(islice(ids, batch_size)):
        if not _publish(batch):
            break
        queued += len(batch)
    return queued


def deliveries_sweep() -> int:
    """Re-queue what was left pending: the broker was down, a worker died, or a retry is due.

    Pending rows older than a minute are queued again; sending is idempotent (row lock and status
    check), so a delivery that was already queued is still sent once.
    """
    cutoff = timezone.now() - timedelta(seconds=settings.NOTICES_SWEEP_AFTER_SECONDS)
    ids = (
        Delivery.objects.filter(_due())
        .filter(Q(created_at__lte=cutoff) | Q(not_before__isnull=False))
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=10_000)
    )
    queued = 0
    while batch := list(islice(ids, settings.NOTICES_SEND_BATCH_SIZE)):
        if not _publish(batch):
            break
        queued += len(batch)
    return queued


def _unsubscribe_url(delivery: Delivery) -> str:
    token = signing.dumps({"d": delivery.pk}, salt=UNSUBSCRIBE_SALT, compress=True)
    with translation.override(delivery.language):
        path = reverse("notices:unsubscribe", kwargs={"token": token})
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def delivery_render(delivery: Delivery, cache: dict | None = None) -> RenderedMessage:
    """The subject, body and links of a delivery in its language (cached per notice and language)."""
    cache = {} if cache is None else cache
    key = (delivery.notice_id, delivery.language)
    if key not in cache:
        notice = delivery.notice
        language = delivery.language
        subject = (
            getattr(notice, build_localized_fieldname("subject", language)) or notice.subject_en
        )
        body = getattr(notice, build_localized_fieldname("body", language)) or notice.body_en
        link = notice.link
        if link.startswith("/"):
            link = settings.PORTAL_BASE_URL.rstrip("/") + link
        cache[key] = (subject, body, link, notice.kind, tuple(notice.attachments))
    subject, body, link, kind, attachments = cache[key]
    if delivery.link:
        link = (
            settings.PORTAL_BASE_URL.rstrip("/") + delivery.link
            if delivery.link.startswith("/")
            else delivery.link
        )
    unsubscribe = _unsubscribe_url(delivery) if delivery.channel == Channel.EMAIL else ""
    return RenderedMessage(
        subject=subject,
        body=body,
        language=delivery.language,
        link=link,
        unsubscribe_url=unsubscribe,
        kind=kind,
        attachments=attachments,
    )


def _in_quiet_hours(moment: datetime) -> datetime | None:
    """When SMS quiet hours hold at `moment`, the time they end; otherwise None."""
    start, end = settings.NOTICES_SMS_QUIET_HOURS
    local = timezone.localtime(moment)
    if start == end:
        return None
    quiet = local.hour >= start or local.hour < end if start > end else start <= local.hour < end
    if not quiet:
        return None
    resume = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if resume <= local:
        resume += timedelta(days=1)
    return resume


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(60 * 2 ** (attempts - 1), 6 * 3600))


def deliveries_send(*, ids: list[int]) -> dict[str, int]:
    """Send the given deliveries once each. Locks the rows for the batch (skipping rows another
    worker holds), renders each in its language, sends through the channel backend and marks it.

    A transient failure leaves the delivery pending with a backoff (`not_before`); after
    NOTICES_MAX_ATTEMPTS, or on a permanent failure, it is marked failed.
    """
    now = timezone.now()
    counts = {"sent": 0, "failed": 0, "deferred": 0, "skipped": 0}
    with transaction.atomic():
        batch = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=ids)
            .filter(_due())
            .select_related("notice")
            .order_by("pk")
        )
        counts["skipped"] = len(ids) - len(batch)
        backends = {}
        cache: dict = {}
        sent_ids: list[int] = []
        changed: list[Delivery] = []
        quiet_until = _in_quiet_hours(now)
        try:
            for delivery in batch:
                if delivery.channel == Channel.SMS and quiet_until:
                    delivery.not_before = quiet_until
                    changed.append(delivery)
                    counts["deferred"] += 1
                    continue
                backend = backends.get(delivery.channel)
                if backend is None:
                    backend = backends[delivery.channel] = channel_backend(delivery.channel)
                    backend.open()
                try:
                    backend.send(delivery, delivery_render(delivery, cache))
                except TransientSendError as error:
                    delivery.attempts += 1
                    delivery.last_error = str(error)[:300]
                    if delivery.attempts >= settings.NOTICES_MAX_ATTEMPTS:
                        delivery.status = DeliveryStatus.FAILED
                        counts["failed"] += 1
                    else:
                        delivery.not_before = now + _retry_delay(delivery.attempts)
                        counts["deferred"] += 1
                    changed.append(delivery)
                except PermanentSendError as error:
                    delivery.attempts += 1
                    delivery.status = DeliveryStatus.FAILED
                    delivery.last_error = str(error)[:300]
                    changed.append(delivery)
                    Suppression.objects.get_or_create(
                        channel=delivery.channel,
                        address=delivery.address,
                        defaults={"reason": "rejected"},
                    )
                    counts["failed"] += 1
                else:
                    sent_ids.append(delivery.pk)
        finally:
            for backend in backends.values():
                backend.close()
        if sent_ids:
            Delivery.objects.filter(pk__in=sent_ids).update(
                status=DeliveryStatus.SENT, sent_at=now, attempts=F("attempts") + 1, last_error=""
            )
            counts["sent"] = len(sent_ids)
        if changed:
            Delivery.objects.bulk_update(
                changed, ["status", "attempts", "not_before", "last_error"]
            )
    return counts
