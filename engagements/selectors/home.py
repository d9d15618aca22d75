"""What is waiting for one staff member: the staff home. Each list is bounded and read in a fixed
number of queries, whatever the amount of data."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, When
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from notices.models import DeliveryStatus, Notice, NoticeStatus

from ..models import Action, Engagement, Input, ReportBack, Status

LIMIT = 10
DUE_SOON_DAYS = 14


@dataclass
class StaffHome:
    inputs_waiting: list[Engagement]
    inputs_waiting_total: int
    actions_due: list[Action]
    report_backs_due: list[Engagement]
    notices: list[Notice]
    missing_translations: list[tuple[Engagement, list[str]]]


def _inputs_waiting(user: User) -> tuple[list[Engagement], int]:
    """Engagements (owned by this person first) with inputs that have no action yet."""
    waiting = Count("inputs", filter=Q(inputs__action__isnull=True))
    engagements = list(
        Engagement.objects.annotate(waiting=waiting)
        .filter(waiting__gt=0)
        .annotate(mine=Case(When(owner=user, then=1), default=0, output_field=IntegerField()))
        .order_by("-mine", "-waiting", "pk")[:LIMIT]
    )
    total = Input.objects.filter(action__isnull=True).count()
    return engagements, total


def _actions_due(user: User) -> list[Action]:
    soon = timezone.localdate() + timedelta(days=DUE_SOON_DAYS)
    return list(
        Action.objects.open()
        .filter(owner=user, due_on__lte=soon)
        .select_related("engagement")
        .order_by("due_on", "pk")[:LIMIT]
    )


def _report_backs_due(user: User) -> list[Engagement]:
    """This person's closed engagements without a published report-back, the oldest first; due
    once closed for PORTAL_REPORT_BACK_DUE_DAYS (listed from the day they close)."""
    published = ReportBack.objects.filter(engagement=OuterRef("pk"), published_at__isnull=False)
    return list(
        Engagement.objects.filter(owner=user, status=Status.CLOSED)
        .filter(~Exists(published))
        .order_by("closed_at", "pk")[:LIMIT]
    )


def _notices() -> list[Notice]:
    """Notices released in the last week that are still sending or have failed deliveries."""
    since = timezone.now() - timedelta(days=7)
    return list(
        Notice.objects.filter(status=NoticeStatus.RELEASED, released_at__gte=since)
        .annotate(
            pending=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)),
            failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
        )
        .filter(Q(pending__gt=0) | Q(failed__gt=0))
        .order_by("-failed", "-released_at")[:LIMIT]
    )


def _missing_translations() -> list[tuple[Engagement, list[str]]]:
    """Published engagements offered in a portal language their title or summary lacks."""
    portal = {code for code, _name in settings.LANGUAGES}
    engagements = (
        Engagement.objects.filter(status=Status.PUBLISHED, languages__code__in=portal)
        .distinct()
        .prefetch_related("languages")
        .order_by("-published_at", "pk")
    )
    names = dict(settings.LANGUAGES)
    found = []
    for engagement in engagements[:200]:
        gaps = [
            str(names[language.code])
            for language in engagement.languages.all()
            if language.code in portal
            and not (
                getattr(engagement, build_localized_fieldname("title", language.code))
                and getattr(engagement, build_localized_fieldname("summary", language.code))
            )
        ]
        if gaps:
            found.append((engagement, gaps))
        if len(found) == LIMIT:
            break
    return found


def staff_home(*, user: User) -> StaffHome:
    waiting, total = _inputs_waiting(user)
    return StaffHome(
        inputs_waiting=waiting,
        inputs_waiting_total=total,
        actions_due=_actions_due(user),
        report_backs_due=_report_backs_due(user),
        notices=_notices(),
        missing_translations=_missing_translations(),
    )
