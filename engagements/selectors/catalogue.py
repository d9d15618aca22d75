"""Reads of the catalogue, shaped for the pages that show them."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from ..models import Category, Engagement, Language, Neighborhood, Status, Topic

_LIST_PREFETCH = ("topics", "neighborhoods", "languages")


@dataclass(frozen=True, kw_only=True)
class CatalogueFilters:
    category: str = ""
    format: str = ""
    topic: object = None
    neighborhood: object = None
    language: object = None
    mode: str = ""
    q: str = ""
    status: str = "open"
    updated_since: datetime | None = None


def _localized_search(q: str) -> Q:
    """Match the text in the reader's language and in English, the fallback they also see."""
    condition = Q()
    languages = {"en", (get_language() or "en")}
    for field in ("title", "summary"):
        for language in languages:
            condition |= Q(**{f"{build_localized_fieldname(field, language)}__icontains": q})
    return condition


def engagement_list_public(*, filters: CatalogueFilters | None = None) -> QuerySet[Engagement]:
    filters = filters or CatalogueFilters()
    if filters.status == "closed":
        qs = Engagement.objects.filter(status=Status.CLOSED)
    elif filters.status == "all":
        qs = Engagement.objects.visible_to_public()
    else:
        qs = Engagement.objects.published()
    if filters.category:
        qs = qs.filter(category=filters.category)
    if filters.format:
        qs = qs.filter(format=filters.format)
    if filters.topic:
        qs = qs.filter(topics=filters.topic)
    if filters.neighborhood:
        qs = qs.filter(neighborhoods=filters.neighborhood)
    if filters.language:
        qs = qs.filter(languages=filters.language)
    if filters.mode:
        qs = qs.with_mode(filters.mode)
    if filters.q:
        qs = qs.filter(_localized_search(filters.q))
    if filters.updated_since:
        qs = qs.filter(updated_at__gte=filters.updated_since)
    return qs.prefetch_related(*_LIST_PREFETCH).order_by(
        F("starts_at").asc(nulls_last=True), "-published_at", "pk"
    )


def engagement_list_open_now(*, limit: int = 6) -> list[Engagement]:
    return list(engagement_list_public()[:limit])


def engagement_counts_by_category() -> list[dict]:
    """Open engagements per band of the spectrum, every band listed even when empty."""
    counts = dict(
        Engagement.objects.published()
        .values_list("category")
        .annotate(n=Count("pk"))
        .values_list("category", "n")
    )
    return [
        {"category": value, "label": label, "count": counts.get(value, 0)}
        for value, label in Category.choices
    ]


def engagement_get_for_user(*, pk: int, user) -> Engagement:
    """One engagement as `user` may see it. Missing and not-allowed look the same: 404."""
    engagement = (
        Engagement.objects.select_related("owner")
        .prefetch_related(*_LIST_PREFETCH)
        .filter(pk=pk)
        .first()
    )
    if engagement is None or not user.has_perm("engagements.view_engagement_page", engagement):
        raise Http404
    return engagement


def engagement_list_for_staff(*, status: str = "", q: str = "") -> QuerySet[Engagement]:
    qs = Engagement.objects.select_related("owner").prefetch_related("topics", "neighborhoods")
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(_localized_search(q))
    return qs.order_by("-updated_at", "pk")


def topic_list() -> QuerySet[Topic]:
    return Topic.objects.order_by("name", "pk")


def neighborhood_list() -> QuerySet[Neighborhood]:
    return Neighborhood.objects.order_by("name", "pk")


def language_list() -> QuerySet[Language]:
    return Language.objects.order_by("name", "pk")
