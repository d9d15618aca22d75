"""Reads of the loop: staff work lists, public report-backs, receipts and accountability figures.

Accountability figures are computed from inputs, actions and report-backs every time; nothing is
stored twice.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404
from django.utils import timezone

from ..models import Action, Engagement, Input, ReportBack, Status
from ..models.loop import normalize_receipt_code
from ..suppression import SMALL_CELL


def input_list_without_action(*, engagement: Engagement | None = None) -> QuerySet[Input]:
    qs = Input.objects.filter(action__isnull=True).select_related(
        "engagement", "topic", "neighborhood"
    )
    if engagement is not None:
        qs = qs.filter(engagement=engagement)
    return qs.order_by("received_at", "pk")


def action_list(*, owner=None, overdue: bool = False, open_only: bool = False) -> QuerySet[Action]:
    qs = Action.objects.select_related("engagement", "owner").annotate(input_count=Count("inputs"))
    if owner is not None:
        qs = qs.filter(owner=owner)
    if open_only:
        qs = qs.open()
    if overdue:
        qs = qs.overdue()
    return qs.order_by(F("due_on").asc(nulls_last=True), "pk")


def action_list_for_engagement(*, engagement: Engagement) -> QuerySet[Action]:
    return action_list().filter(engagement=engagement)


def report_back_list_published(*, engagement: Engagement) -> QuerySet[ReportBack]:
    return (
        ReportBack.objects.filter(engagement=engagement, published_at__isnull=False)
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("pk")))
        .order_by("-published_at")
    )


def report_back_list_public(
    *, engagement_id: int | None = None, published_since: datetime | None = None
) -> QuerySet[ReportBack]:
    """Every published report-back of an engagement the public may see (never of a draft), with
    its engagement and the actions it reports."""
    qs = (
        ReportBack.objects.filter(published_at__isnull=False)
        .exclude(engagement__status=Status.DRAFT)
        .select_related("engagement")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("pk")))
    )
    if engagement_id is not None:
        qs = qs.filter(engagement_id=engagement_id)
    if published_since is not None:
        qs = qs.filter(published_at__gte=published_since)
    return qs.order_by("-published_at", "-pk")


def input_get_by_receipt(*, code: str) -> Input:
    """The input with this receipt code, with what the agency did about it. 404 if unknown."""
    item = (
        Input.objects.select_related("engagement", "action")
        .filter(receipt_code=normalize_receipt_code(code))
        .first()
    )
    if item is None:
        raise Http404
    item.published_report_backs = (
        list(report_back_list_published(engagement=item.engagement).filter(actions=item.action))
        if item.action_id
        else []
    )
    return item


@dataclass(frozen=True)
class AccountabilityFigures:
    inputs: int
    with_action: int
    reported_back: int
    median_days_to_report_back: float | None
    overdue_actions: int

    @property
    def share_with_action(self) -> float | None:
        return self.with_action / self.inputs if self.inputs else None

    @property
    def share_reported_back(self) -> float | None:
        return self.reported_back / self.inputs if self.inputs else None


def _first_report_back() -> Subquery:
    return Subquery(
        ReportBack.objects.filter(actions=OuterRef("action_id"), published_at__isnull=False)
        .order_by("published_at")
        .values("published_at")[:1],
        output_field=DateTimeField(),
    )


def accountability_figures(
    *,
    topic=None,
    neighborhood=None,
    since: date | None = None,
    until: date | None = None,
    engagement: Engagement | None = None,
) -> AccountabilityFigures:
    """The loop's figures over inputs received in the period (agency dates, inclusive)."""
    inputs = Input.objects.exclude(engagement__status="draft")
    if topic is not None:
        inputs = inputs.filter(topic=topic)
    if neighborhood is not None:
        inputs = inputs.filter(neighborhood=neighborhood)
    if engagement is not None:
        inputs = inputs.filter(engagement=engagement)
    zone = timezone.get_current_timezone()
    if since:
        inputs = inputs.filter(received_at__gte=datetime.combine(since, time.min, tzinfo=zone))
    if until:
        end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone)
        inputs = inputs.filter(received_at__lt=end)

    counts = inputs.aggregate(
        total=Count("pk"), with_action=Count("pk", filter=Q(action__isnull=False))
    )
    reported = inputs.annotate(first_report=_first_report_back()).filter(first_report__isnull=False)
    reported_count = reported.count()
    median = None
    if reported_count:
        waits = list(
            reported.annotate(
                wait=ExpressionWrapper(
                    F("first_report") - F("received_at"), output_field=DurationField()
                )
            )
            .order_by("wait")
            .values_list("wait", flat=True)[(reported_count - 1) // 2 : reported_count // 2 + 1]
        )
        median = sum(wait.total_seconds() for wait in waits) / len(waits) / 86400
    overdue = (
        Action.objects.overdue()
        .filter(pk__in=inputs.filter(action__isnull=False).values("action_id"))
        .count()
    )
    return AccountabilityFigures(
        inputs=counts["total"],
        with_action=counts["with_action"],
        reported_back=reported_count,
        median_days_to_report_back=median,
        overdue_actions=overdue,
    )


@dataclass(frozen=True)
class PublicAccountabilityFigures:
    """The figures as published: with fewer than SMALL_CELL inputs in the filtered period, the
    counts, shares and waits would point at the few people who wrote in, so they are hidden (None).
    Overdue actions are the agency's, not a resident's, and always shown."""

    inputs: int | None
    with_action: int | None
    reported_back: int | None
    median_days_to_report_back: float | None
    overdue_actions: int

    @property
    def share_with_action(self) -> float | None:
        return self.with_action / self.inputs if self.inputs else None

    @property
    def share_reported_back(self) -> float | None:
        return self.reported_back / self.inputs if self.inputs else None

    @property
    def hidden(self) -> bool:
        return self.inputs is None


def accountability_figures_public(**filters) -> PublicAccountabilityFigures:
    figures = accountability_figures(**filters)
    if 0 < figures.inputs < SMALL_CELL:
        return PublicAccountabilityFigures(
            inputs=None,
            with_action=None,
            reported_back=None,
            median_days_to_report_back=None,
            overdue_actions=figures.overdue_actions,
        )
    return PublicAccountabilityFigures(
        inputs=figures.inputs,
        with_action=figures.with_action,
        reported_back=figures.reported_back,
        median_days_to_report_back=figures.median_days_to_report_back,
        overdue_actions=figures.overdue_actions,
    )
