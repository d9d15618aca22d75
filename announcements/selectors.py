from datetime import datetime

from django.db.models import F, QuerySet
from django.http import Http404

from engagements.models import Engagement, Format, Input

from .models import Announcement, QuestionReview, QuestionStatus


def announcement_list_published(
    *,
    kind: str = "",
    topic=None,
    neighborhood=None,
    published_since: datetime | None = None,
) -> QuerySet[Announcement]:
    qs = (
        Announcement.objects.published()
        .select_related("engagement")
        .prefetch_related("topics", "neighborhoods")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if topic is not None:
        qs = qs.filter(topics=topic)
    if neighborhood is not None:
        qs = qs.filter(neighborhoods=neighborhood)
    if published_since is not None:
        qs = qs.filter(published_at__gte=published_since)
    return qs.order_by("-published_at", "-pk")


def announcement_get_for_user(*, pk: int, user) -> Announcement:
    """Published announcements for everyone, drafts for staff; otherwise 404 either way."""
    announcement = (
        Announcement.objects.select_related("engagement")
        .prefetch_related("topics", "neighborhoods")
        .filter(pk=pk)
        .first()
    )
    if announcement is None or (
        announcement.published_at is None
        and not user.has_perm("announcements.manage_announcements")
    ):
        raise Http404
    return announcement


def announcement_list_for_staff() -> QuerySet[Announcement]:
    return Announcement.objects.select_related("author").order_by("-created_at")


def press_conference_get(*, pk: int) -> Engagement:
    engagement = (
        Engagement.objects.visible_to_public().filter(pk=pk, format=Format.PRESS_CONFERENCE).first()
    )
    if engagement is None:
        raise Http404
    return engagement


def questions_published(*, engagement: Engagement) -> QuerySet[QuestionReview]:
    return (
        QuestionReview.objects.filter(input__engagement=engagement, status=QuestionStatus.APPROVED)
        .select_related("input")
        .order_by("input__received_at", "pk")
    )


def questions_for_moderation(*, engagement: Engagement) -> QuerySet[Input]:
    """Everything sent to the press conference, however it came in, with its review if any."""
    return (
        Input.objects.filter(engagement=engagement)
        .select_related("question_review")
        # Unreviewed questions first, then in the order they came.
        .order_by(F("question_review__reviewed_at").asc(nulls_first=True), "received_at", "pk")
    )
