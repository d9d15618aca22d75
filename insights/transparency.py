"""The public transparency page: what the agency did, where, and with how many people.

Everything here is public, so every count of people or of their acts under SMALL_CELL is hidden,
with the cells that would let a reader work it out from the totals.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Category, Engagement, Neighborhood
from engagements.participation import takings
from engagements.selectors.loop import AccountabilityFigures, accountability_figures
from engagements.suppression import SMALL_CELL, suppress_table

from .equity import period_bounds

CITYWIDE = "citywide"


@dataclass
class ActivityLine:
    key: str
    label: str
    cells: list[int | None]  # None: hidden
    total: int | None
    engagements: int


@dataclass
class ActivityTable:
    """Acts of taking part by where the engagement was held (lines) and its band (columns)."""

    columns: list[tuple[str, str]]
    lines: list[ActivityLine]
    column_totals: list[int | None]
    total: int | None
    engagements_by_column: list[int]

    def line(self, key: str) -> ActivityLine:
        return next(line for line in self.lines if line.key == key)


@dataclass
class PublicAccountability:
    inputs: int | None
    share_with_action: int | None  # percent
    share_reported_back: int | None
    median_days_to_report_back: float | None
    overdue_actions: int


@dataclass
class Transparency:
    start: date
    end: date
    activity: ActivityTable
    accountability: PublicAccountability
    computed_at: datetime = field(default_factory=timezone.now)


def _engagements_in_period(start: date, end: date) -> list[Engagement]:
    lower, upper = period_bounds(start, end)
    return list(
        Engagement.objects.exclude(status="draft")
        .filter(Q(published_at__lt=upper) | Q(published_at__isnull=True))
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=lower))
        .only("pk", "category")
        .prefetch_related("neighborhoods")
    )


def activity_table(*, start: date, end: date) -> ActivityTable:
    engagements = {engagement.pk: engagement for engagement in _engagements_in_period(start, end)}
    places = {
        pk: [str(n.pk) for n in engagement.neighborhoods.all()] or [CITYWIDE]
        for pk, engagement in engagements.items()
    }
    neighborhoods = list(Neighborhood.objects.order_by("name").values_list("pk", "name"))
    rows = [(str(pk), name) for pk, name in neighborhoods] + [(CITYWIDE, str(_("Citywide")))]
    columns = [(value, str(label)) for value, label in Category.choices]

    # An engagement held in two neighborhoods counts in both rows; so rows do not add up to the
    # total and each row and column is suppressed against its own total.
    raw: Counter = Counter()
    lower, upper = period_bounds(start, end)
    for taking in takings(start=lower, end=upper):
        engagement = engagements.get(taking.engagement_id)
        if engagement is not None:
            for place in places[engagement.pk]:
                raw[(place, engagement.category)] += 1
        elif taking.category:
            raw[(CITYWIDE, taking.category)] += 1
    row_keys = [key for key, _label in rows]
    column_keys = [key for key, _label in columns]
    cells = suppress_table(raw, row_keys, column_keys)

    def total_of(values: list[int]) -> int | None:
        total = sum(values)
        return None if 0 < total < SMALL_CELL else total

    engagements_by_row: dict[str, int] = defaultdict(int)
    engagements_by_column: dict[str, int] = defaultdict(int)
    for pk, engagement in engagements.items():
        for place in places[pk]:
            engagements_by_row[place] += 1
        engagements_by_column[engagement.category] += 1
    return ActivityTable(
        columns=columns,
        lines=[
            ActivityLine(
                key=key,
                label=label,
                cells=[cells[(key, column)] for column in column_keys],
                total=total_of([raw[(key, column)] for column in column_keys]),
                engagements=engagements_by_row.get(key, 0),
            )
            for key, label in rows
        ],
        column_totals=[total_of([raw[(r, c)] for r in row_keys]) for c in column_keys],
        total=total_of(list(raw.values())),
        engagements_by_column=[engagements_by_column.get(c, 0) for c in column_keys],
    )


def public_accountability(*, start: date, end: date) -> PublicAccountability:
    figures: AccountabilityFigures = accountability_figures(since=start, until=end)
    # With a handful of comments, shares and waits would point at the people who sent them.
    if figures.inputs < SMALL_CELL:
        return PublicAccountability(
            inputs=None if figures.inputs else 0,
            share_with_action=None,
            share_reported_back=None,
            median_days_to_report_back=None,
            overdue_actions=figures.overdue_actions,
        )
    return PublicAccountability(
        inputs=figures.inputs,
        share_with_action=round(100 * figures.with_action / figures.inputs),
        share_reported_back=round(100 * figures.reported_back / figures.inputs),
        median_days_to_report_back=figures.median_days_to_report_back,
        overdue_actions=figures.overdue_actions,
    )


def transparency(*, start: date, end: date) -> Transparency:
    return Transparency(
        start=start,
        end=end,
        activity=activity_table(start=start, end=end),
        accountability=public_accountability(start=start, end=end),
    )
