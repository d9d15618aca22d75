"""Retention of the delivery log: who was sent what, at which address, and the errors.

Email and SMS deliveries that were sent or failed are removed after the period; their counts are
added to the notice first (by status, channel and language) so the staff statistics never change.
A sent email stays at least as long as its one-click unsubscribe link works (UNSUBSCRIBE_MAX_AGE):
the link names the delivery. Pending deliveries are the outbox's business, and in-app deliveries
are the residents' inbox; neither is touched. A legal hold on the notice's engagement keeps its
deliveries.
"""

from datetime import datetime, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from engagements.retention import RetentionRule, register

from .models import Channel, Delivery, DeliveryStatus, Notice
from .services.preferences import UNSUBSCRIBE_MAX_AGE


def _deliveries_due(cutoff: datetime, now: datetime) -> QuerySet:
    """Sent or failed, queued before the cutoff; never the in-app inbox (the resident's own
    messages); a sent email not before its one-click unsubscribe link has expired, because the
    link finds the person through its delivery row."""
    links_expired = now - timedelta(seconds=UNSUBSCRIBE_MAX_AGE)
    email_link_live = Q(channel=Channel.EMAIL, status=DeliveryStatus.SENT) & (
        Q(sent_at__gt=links_expired) | Q(sent_at__isnull=True, created_at__gt=links_expired)
    )
    return (
        Delivery.objects.filter(
            status__in=[DeliveryStatus.SENT, DeliveryStatus.FAILED], created_at__lte=cutoff
        )
        .exclude(channel=Channel.IN_APP)
        .exclude(email_link_live)
    )


def _deliveries_purge(queryset: QuerySet, now: datetime) -> int:
    counts = list(
        queryset.values("notice_id", "status", "channel", "language")
        .annotate(n=Count("pk"), fell_back=Count("pk", filter=Q(fell_back=True)))
        .order_by("notice_id")
    )
    by_notice: dict[int, list[dict]] = {}
    for row in counts:
        by_notice.setdefault(row.pop("notice_id"), []).append(row)
    notices = Notice.objects.select_for_update().filter(pk__in=by_notice).order_by("pk")
    for notice in notices:
        rows = by_notice[notice.pk]
        Notice.objects.filter(pk=notice.pk).update(
            purged_delivery_stats=_merged(notice.purged_delivery_stats, rows),
            purged_deliveries=F("purged_deliveries") + sum(r["n"] for r in rows),
            purged_sent=F("purged_sent")
            + sum(r["n"] for r in rows if r["status"] == DeliveryStatus.SENT),
            purged_failed=F("purged_failed")
            + sum(r["n"] for r in rows if r["status"] == DeliveryStatus.FAILED),
        )
    _total, by_model = queryset.delete()
    return by_model.get(Delivery._meta.label, 0)


def _merged(kept: list[dict], rows: list[dict]) -> list[dict]:
    """One row per (status, channel, language), however many runs added to it."""
    merged: dict[tuple, dict] = {}
    for row in [*kept, *rows]:
        key = (row["status"], row["channel"], row["language"])
        into = merged.setdefault(
            key, {"status": key[0], "channel": key[1], "language": key[2], "n": 0, "fell_back": 0}
        )
        into["n"] += row["n"]
        into["fell_back"] += row["fell_back"]
    return [merged[key] for key in sorted(merged)]


def register_rules() -> None:
    register(
        RetentionRule(
            key="notice_deliveries",
            label=_("Notice delivery log (addresses and errors)"),
            description=_(
                "Sent and failed email and text-message deliveries are deleted this many days "
                "after they were queued; a sent email is kept at least as long as its unsubscribe "
                "link works. Their counts stay on the notice for the statistics. "
                "Messages in residents' inboxes on the site are never deleted."
            ),
            default_days=180,
            select_due=_deliveries_due,
            hold_lookup="notice__engagement__legal_hold",
            apply=_deliveries_purge,
        )
    )
