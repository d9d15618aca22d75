"""Both pages read a year of taking part (tens of thousands of rows at a busy agency), so each
period's figures are kept for a few minutes, per language because labels are translated."""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

CACHE_SECONDS = 300
T = TypeVar("T")


def cached_figures(kind: str, *, start: date, end: date, build: Callable[[], T]) -> T:
    key = f"insights:{kind}:{start:%Y%m%d}:{end:%Y%m%d}:{get_language()}"
    figures = cache.get(key)
    if figures is None:
        figures = build()
        cache.set(key, figures, CACHE_SECONDS)
    return figures
