"""Writes of information sharing: announcements, and questions before a press conference."""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from engagements.models import Engagement, Format, Input, Source, Status
from engagements.services import input_create
from notices.models import Kind
from notices.services import notice_create
from notices.texts import neutral_url

from .models import Announcement, QuestionReview, QuestionStatus

SCALAR_FIELDS = ("kind", "engagement", "notify_followers")
TRANSLATED_FIELDS = ("title", "summary", "body")


class AnnouncementError(Exception):
    pass


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@transaction.atomic
def announcement_save(
    *, values: Mapping[str, Any], author: User, announcement: Announcement | None = None
) -> Announcement:
    announcement = (
        Announcement(author=author)
        if announcement is None
        else Announcement.objects.select_for_update().get(pk=announcement.pk)
    )
    for field in SCALAR_FIELDS:
        if field in values:
            setattr(announcement, field, values[field])
    for field in TRANSLATED_FIELDS:
        for code in _languages():
            name = build_localized_fieldname(field, code)
            if name in values:
                setattr(announcement, name, values[name] or "")
    announcement.full_clean()
    announcement.save()
    for relation in ("topics", "neighborhoods"):
        if relation in values:
            getattr(announcement, relation).set(values[relation])
    return announcement


@transaction.atomic
def announcement_publish(*, announcement: Announcement, published_by: User) -> Announcement:
    """Publish on the portal and its feeds and, if asked, notify the followers of its topics and
    neighborhoods in their languages (in the same transaction: the outbox)."""
    announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if announcement.published_at:
        return announcement
    announcement.published_at = timezone.now()
    announcement.save(update_fields=["published_at", "updated_at"])
    topic_ids = list(announcement.topics.values_list("pk", flat=True))
    neighborhood_ids = list(announcement.neighborhoods.values_list("pk", flat=True))
    if announcement.notify_followers and (topic_ids or neighborhood_ids):
        subject, body = {}, {}
        for code in _languages():
            if not getattr(announcement, build_localized_fieldname("title", code)):
                continue
            with translation.override(code):
                subject[code] = announcement.title
                body[code] = f"{announcement.summary}\n\n{announcement.body}"
        notice_create(
            kind=Kind.ANNOUNCEMENT,
            subject=subject,
            body=body,
            audience_kind="followers",
            audience_params={"topic_ids": topic_ids, "neighborhood_ids": neighborhood_ids},
            link=neutral_url("announcements:detail", pk=announcement.pk),
            created_by=published_by,
            dedupe_key=f"announcement:{announcement.pk}",
        )
    return announcement


def _takes_questions(engagement: Engagement) -> bool:
    return (
        engagement.format == Format.PRESS_CONFERENCE
        and engagement.status == Status.PUBLISHED
        and engagement.accepts_input
    )


@transaction.atomic
def question_submit(*, engagement: Engagement, text: str, language: str, **contact) -> Input:
    """A resident's question before a press conference: an input of the press conference's
    engagement (so it enters the loop) that waits for moderation before it is shown."""
    if not _takes_questions(engagement):
        raise AnnouncementError(_("This press conference is not taking questions now."))
    item = input_create(
        engagement=engagement, text=text, language=language, source=Source.QUESTION, **contact
    )
    QuestionReview.objects.create(input=item)
    return item


@transaction.atomic
def question_review(
    *,
    question: Input,
    status: str,
    reviewed_by: User,
    answers: Mapping[str, str] | None = None,
    decline_reason: str = "",
) -> QuestionReview:
    QuestionReview.objects.get_or_create(input=question)
    review = QuestionReview.objects.select_for_update().get(input=question)
    now = timezone.now()
    review.status = status
    review.decline_reason = decline_reason if status == QuestionStatus.DECLINED else ""
    review.reviewed_by = reviewed_by
    review.reviewed_at = now
    for code, text in (answers or {}).items():
        setattr(review, build_localized_fieldname("answer", code), text or "")
    if review.answer_en and review.answered_at is None:
        review.answered_at = now
    review.save()
    return review
