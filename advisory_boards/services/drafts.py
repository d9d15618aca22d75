"""Policy drafts: creating the review (an engagement), versions of sections, and the review window
with its notices."""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from engagements.models import Category, Engagement, Format, Status
from notices.models import Kind
from notices.services import notice_create
from notices.texts import in_every_language, neutral_url

from ..models import (
    Attachment,
    Board,
    BoardKind,
    DraftStatus,
    DraftVersion,
    Membership,
    PolicyDraft,
    Section,
    Topic,
    Visibility,
)

FORMAT_OF_BOARD = {
    BoardKind.ADVISORY: Format.ADVISORY_GROUP,
    BoardKind.POLICY_REVIEW: Format.POLICY_REVIEW,
    BoardKind.CITIZEN_REVIEW: Format.CITIZEN_REVIEW_BOARD,
    BoardKind.INCIDENT_REVIEW: Format.CITIZEN_REVIEW_BOARD,
    BoardKind.HIRING_PANEL: Format.HIRING_BOARD,
}
REMINDER_DAYS = 2


class DraftError(Exception):
    pass


def _clean_sections(sections: Sequence[Mapping[str, str]]) -> list[dict]:
    cleaned, keys = [], set()
    for position, item in enumerate(sections, start=1):
        heading = (item.get("heading") or "").strip()
        body = (item.get("body") or "").strip()
        if not heading and not body:
            continue
        if not heading or not body:
            raise DraftError(_("Every section needs a heading and a text."))
        key = item.get("key") or slugify(heading)[:50] or f"section-{position}"
        while key in keys:
            key = f"{key}-{position}"
        keys.add(key)
        cleaned.append(
            {
                "key": key,
                "number": (item.get("number") or str(len(cleaned) + 1)).strip(),
                "heading": heading,
                "body": body,
                "position": len(cleaned) + 1,
            }
        )
    if not cleaned:
        raise DraftError(_("A draft needs at least one section."))
    return cleaned


@transaction.atomic
def draft_create(
    *,
    board: Board,
    values: Mapping[str, Any],
    sections: Sequence[Mapping[str, str]],
    created_by: User,
) -> PolicyDraft:
    cleaned = _clean_sections(sections)
    visibility = values.get("visibility", Visibility.BOARD)
    if visibility == Visibility.PUBLIC:
        title, summary = values["title"], str(values["summary"])[:300]
    else:
        # The review is public (that the board reviews a policy, and later its recommendations
        # and the agency's decisions); the draft's title and text are not.
        title = _("Review of the %(topic)s policy by %(board)s") % {
            "topic": Topic(values["topic"]).label.lower(),
            "board": board.name,
        }
        summary = board.purpose
    engagement = Engagement.objects.create(
        title=title[:200],
        summary=summary[:300],
        category=Category.CO_PRODUCED_SOLUTIONS,
        format=FORMAT_OF_BOARD[board.kind],
        mode="hybrid",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        accepts_input=False,
        owner=created_by,
    )
    draft = PolicyDraft(board=board, engagement=engagement, created_by=created_by)
    for field in (
        "topic",
        "title",
        "summary",
        "glossary",
        "visibility",
        "review_opens_on",
        "review_closes_on",
    ):
        if field in values:
            setattr(draft, field, values[field])
    draft.full_clean()
    draft.save()
    version = DraftVersion.objects.create(
        draft=draft, number=1, note=_("First version"), created_by=created_by
    )
    Section.objects.bulk_create([Section(version=version, **item) for item in cleaned])
    return draft


@transaction.atomic
def draft_new_version(
    *,
    draft: PolicyDraft,
    sections: Sequence[Mapping[str, str]],
    note: str,
    created_by: User,
) -> DraftVersion:
    """Sections that keep their key are the same section, so the redline can compare them."""
    draft = PolicyDraft.objects.select_for_update().get(pk=draft.pk)
    cleaned = _clean_sections(sections)
    last = draft.versions.aggregate(last=Max("number"))["last"] or 0
    version = DraftVersion.objects.create(
        draft=draft, number=last + 1, note=note, created_by=created_by
    )
    Section.objects.bulk_create([Section(version=version, **item) for item in cleaned])
    return version


def _members_of(board: Board) -> list[int]:
    return list(Membership.objects.current().filter(board=board).values_list("user_id", flat=True))


def _notify_members(draft: PolicyDraft, *, render, key: str) -> None:
    notice_create(
        kind=Kind.INVITATION if key.startswith("opens") else Kind.REMINDER,
        subject=in_every_language(lambda: render()[0]),
        body=in_every_language(lambda: render()[1]),
        audience_kind="people",
        audience_params={"user_ids": _members_of(draft.board)},
        link=neutral_url("advisory_boards:draft", pk=draft.pk),
        dedupe_key=f"board-draft-{key}:{draft.pk}",
    )


def _title_for_notice(draft: PolicyDraft) -> str:
    # Notices leave the portal (email, SMS): a board-only draft is never named in them.
    if draft.visibility == Visibility.PUBLIC:
        return draft.title
    return _("a confidential draft of %(board)s") % {"board": draft.board.name}


@transaction.atomic
def drafts_advance(*, today: date | None = None) -> dict[str, int]:
    """Run daily: open reviews whose day has come (telling the members), remind them two days
    before a review closes, and close reviews whose last day has passed. Idempotent."""
    today = today or timezone.localdate()
    counts = {"opened": 0, "reminded": 0, "closed": 0}
    for draft in PolicyDraft.objects.select_for_update(skip_locked=True).filter(
        status=DraftStatus.PREPARING, review_opens_on__lte=today, review_closes_on__gte=today
    ):
        draft.status = DraftStatus.IN_REVIEW
        draft.opening_notice_sent = True
        draft.save(update_fields=["status", "opening_notice_sent"])
        _notify_members(
            draft,
            render=lambda draft=draft: (
                _("Review open: %(title)s") % {"title": _title_for_notice(draft)},
                _(
                    "The review is open until %(date)s. Read the draft and comment section by section."
                )
                % {"date": draft.review_closes_on.isoformat()},
            ),
            key="opens",
        )
        counts["opened"] += 1
    for draft in PolicyDraft.objects.select_for_update(skip_locked=True).filter(
        status=DraftStatus.IN_REVIEW,
        closing_reminder_sent=False,
        review_closes_on=today + timedelta(days=REMINDER_DAYS),
    ):
        draft.closing_reminder_sent = True
        draft.save(update_fields=["closing_reminder_sent"])
        _notify_members(
            draft,
            render=lambda draft=draft: (
                _("Two days left: %(title)s") % {"title": _title_for_notice(draft)},
                _("The review closes on %(date)s. Comments and positions are welcome until then.")
                % {"date": draft.review_closes_on.isoformat()},
            ),
            key="closes",
        )
        counts["reminded"] += 1
    counts["closed"] = PolicyDraft.objects.filter(
        status=DraftStatus.IN_REVIEW, review_closes_on__lt=today
    ).update(status=DraftStatus.CLOSED)
    return counts


@transaction.atomic
def attachment_add(*, draft: PolicyDraft, title: str, upload, uploaded_by: User) -> Attachment:
    """A file for the draft's readers, kept in the private board storage."""
    return Attachment.objects.create(draft=draft, title=title, file=upload, uploaded_by=uploaded_by)
