"""Retention of the delivery log: who was sent what, at which address, and the errors.

Deliveries that were sent or failed are removed after the period; their counts are added to the
notice first (by status, channel and language) so the staff statistics never change. Pending
deliveries are the outbox's business and are never touched. A legal hold on the notice's
engagement keeps its deliveries.
"""

from datetime import datetime

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from engagements.retention import RetentionRule, register

from .models import Delivery, DeliveryStatus, Notice


def _deliveries_due(cutoff: datetime) -> QuerySet:
    return Delivery.objects.filter(
        status__in=[DeliveryStatus.SENT, DeliveryStatus.FAILED], created_at__lte=cutoff
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
                "Sent and failed deliveries are deleted this many days after they were queued; "
                "their counts stay on the notice for the statistics."
            ),
            default_days=180,
            select_due=_deliveries_due,
            hold_lookup="notice__engagement__legal_hold",
            apply=_deliveries_purge,
        )
    )
