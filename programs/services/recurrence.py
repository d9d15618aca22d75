"""Dates of a series: every N weeks on a weekday, or the Nth weekday of each month."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True, kw_only=True)
class SeriesPattern:
    first_date: date
    until: date
    start_time: time
    end_time: time
    # Alternate sessions start and end at these times instead (morning / evening rotation).
    alt_start_time: time | None = None
    alt_end_time: time | None = None
    every_weeks: int | None = 1
    # Instead of every_weeks: the Nth (1-4, or -1 for last) weekday of each month.
    nth_weekday_of_month: int | None = None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def series_dates(pattern: SeriesPattern) -> list[date]:
    weekday = pattern.first_date.weekday()
    if pattern.nth_weekday_of_month:
        dates = []
        year, month = pattern.first_date.year, pattern.first_date.month
        while date(year, month, 1) <= pattern.until:
            day = _nth_weekday(year, month, weekday, pattern.nth_weekday_of_month)
            if day and pattern.first_date <= day <= pattern.until:
                dates.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return dates
    step = timedelta(weeks=pattern.every_weeks or 1)
    dates, day = [], pattern.first_date
    while day <= pattern.until:
        dates.append(day)
        day += step
    return dates


def series_times(pattern: SeriesPattern) -> list[tuple[datetime, datetime]]:
    """Aware start and end of each session, in the agency's zone: 6 p.m. stays 6 p.m. on both sides
    of a daylight-saving change."""
    zone = timezone.get_default_timezone()
    times = []
    for index, day in enumerate(series_dates(pattern)):
        alternate = index % 2 == 1 and pattern.alt_start_time and pattern.alt_end_time
        start = pattern.alt_start_time if alternate else pattern.start_time
        end = pattern.alt_end_time if alternate else pattern.end_time
        starts_at = datetime.combine(day, start, tzinfo=zone)
        ends_at = datetime.combine(
            day if end > start else day + timedelta(days=1), end, tzinfo=zone
        )
        times.append((starts_at, ends_at))
    return times
