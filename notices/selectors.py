from collections import Counter

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet

from accounts.models import User

from .audiences import audience_get
from .models import Channel, Delivery, DeliveryStatus, Notice
from .services import notice_translated_languages


def notice_list_for_staff() -> QuerySet[Notice]:
    return (
        Notice.objects.select_related("created_by", "engagement")
        .annotate(
            # Deliveries the retention schedule removed still count (kept on the notice).
            delivery_count=Count("deliveries") + F("purged_deliveries"),
            sent_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT))
            + F("purged_sent"),
            failed_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED))
            + F("purged_failed"),
        )
        .order_by("-created_at")
    )


def notice_delivery_stats(*, notice: Notice) -> dict:
    """Deliveries of a notice by status, channel and language, and how many fell back; those the
    retention schedule removed are counted from the totals kept on the notice."""
    live = notice.deliveries.values("status", "channel", "language").annotate(
        n=Count("pk"), fell_back=Count("pk", filter=Q(fell_back=True))
    )
    merged: dict[tuple, dict] = {}
    for row in [*live, *notice.purged_delivery_stats]:
        key = (row["channel"], row["language"], row["status"])
        into = merged.setdefault(
            key, {"channel": key[0], "language": key[1], "status": key[2], "n": 0, "fell_back": 0}
        )
        into["n"] += row["n"]
        into["fell_back"] += row["fell_back"]
    rows = [merged[key] for key in sorted(merged)]
    totals = Counter()
    channels, statuses, languages = (
        dict(Channel.choices),
        dict(DeliveryStatus.choices),
        dict(settings.LANGUAGES),
    )
    for row in rows:
        totals[row["status"]] += row["n"]
        row["channel_label"] = channels.get(row["channel"], row["channel"])
        row["status_label"] = statuses.get(row["status"], row["status"])
        row["language_label"] = languages.get(row["language"], row["language"])
    return {
        "rows": rows,
        "totals": dict(totals),
        "fell_back": sum(row["fell_back"] for row in rows),
    }


def audience_language_counts(*, notice: Notice) -> list[dict]:
    """How many recipients read each language, and whether the notice has that translation.

    Streams the audience once; used by the preview so staff see who would get a fallback.
    """
    counts = Counter(
        recipient.language
        for recipient in audience_get(notice.audience_kind).recipients(notice.audience_params)
    )
    available = notice_translated_languages(notice)
    names = dict(settings.LANGUAGES)
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "count": count,
            "translated": code in available,
        }
        for code, count in sorted(counts.items(), key=lambda item: -item[1])
    ]


def inbox_list(*, user: User) -> QuerySet[Delivery]:
    return (
        Delivery.objects.filter(user=user, channel=Channel.IN_APP, status=DeliveryStatus.SENT)
        .select_related("notice")
        .order_by("-sent_at", "-pk")
    )


def inbox_unread_count(*, user: User) -> int:
    return inbox_list(user=user).filter(read_at__isnull=True).count()
