"""The public transparency page: what the agency did, where, and with how many people.

Everything here is public, so every count of people or of their acts under SMALL_CELL is hidden,
with the cells that would let a reader work it out from the totals.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Category, Engagement, Neighborhood
from engagements.participation import takings
from engagements.selectors.loop import PublicAccountabilityFigures, accountability_figures_public
from engagements.suppression import suppress_grid

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
class Transparency:
    start: date
    end: date
    activity: ActivityTable
    accountability: PublicAccountabilityFigures
    computed_at: datetime = field(default_factory=timezone.now)


def _engagements(start: date, end: date) -> tuple[dict[int, Engagement], set[int]]:
    """Every engagement the public may see (acts are counted by their own date, whatever the
    engagement's), and the ids of those that ran during the period (for the count of them)."""
    lower, upper = period_bounds(start, end)
    engagements = {
        engagement.pk: engagement
        for engagement in Engagement.objects.exclude(status="draft")
        .only("pk", "category", "published_at", "closed_at")
        .prefetch_related("neighborhoods")
    }
    running = {
        pk
        for pk, engagement in engagements.items()
        if (engagement.published_at is None or engagement.published_at < upper)
        and (engagement.closed_at is None or engagement.closed_at >= lower)
    }
    return engagements, running


def activity_table(*, start: date, end: date) -> ActivityTable:
    engagements, running = _engagements(start, end)
    places = {
        pk: [str(n.pk) for n in engagement.neighborhoods.all()] or [CITYWIDE]
        for pk, engagement in engagements.items()
    }
    neighborhoods = list(Neighborhood.objects.order_by("name").values_list("pk", "name"))
    rows = [(str(pk), name) for pk, name in neighborhoods] + [(CITYWIDE, str(_("Citywide")))]
    columns = [(value, str(label)) for value, label in Category.choices]

    # An act at an engagement held in two neighborhoods counts in both rows, and in the total
    # twice: the table counts acts by place, and its totals are the sums of its cells.
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
    # Totals are suppressed with the cells: a small row total is otherwise the grand total minus
    # the other rows.
    cells, row_totals, column_totals, total = suppress_grid(raw, row_keys, column_keys)

    engagements_by_row: dict[str, int] = defaultdict(int)
    engagements_by_column: dict[str, int] = defaultdict(int)
    for pk in running:
        engagement = engagements[pk]
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
                total=row_totals[key],
                engagements=engagements_by_row.get(key, 0),
            )
            for key, label in rows
        ],
        column_totals=[column_totals[column] for column in column_keys],
        total=total,
        engagements_by_column=[engagements_by_column.get(c, 0) for c in column_keys],
    )


def public_accountability(*, start: date, end: date) -> PublicAccountabilityFigures:
    return accountability_figures_public(since=start, until=end)


def transparency(*, start: date, end: date) -> Transparency:
    return Transparency(
        start=start,
        end=end,
        activity=activity_table(start=start, end=end),
        accountability=public_accountability(start=start, end=end),
    )
