"""Board reads: public pages, the review page in a fixed number of queries, the redline.

Every read of board material goes through a gate that raises Http404 for missing and forbidden
alike, so nobody can tell a confidential draft exists.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from accounts.models import User

from .models import (
    AccessLog,
    Attachment,
    Board,
    Comment,
    CommentResponse,
    DraftStatus,
    DraftVersion,
    Membership,
    PolicyDraft,
    Recommendation,
    RecommendationStatus,
    Section,
    Visibility,
)
from .predicates import bound_board_ids


def board_list_public() -> QuerySet[Board]:
    return (
        Board.objects.filter(is_listed=True)
        .annotate(
            public_drafts=Count(
                "drafts",
                filter=Q(drafts__visibility=Visibility.PUBLIC)
                & ~Q(drafts__status=DraftStatus.PREPARING),
            )
        )
        .order_by("name")
    )


def board_get_public(*, slug: str) -> Board:
    board = Board.objects.filter(slug=slug, is_listed=True).first()
    if board is None:
        raise Http404
    return board


def board_public_members(*, board: Board) -> list[Membership]:
    return list(
        Membership.objects.current()
        .filter(board=board, name_is_public=True)
        .select_related("user")
        .order_by("role", "user__display_name")
    )


def board_public_drafts(*, board: Board) -> QuerySet[PolicyDraft]:
    return board.drafts.filter(visibility=Visibility.PUBLIC).exclude(status=DraftStatus.PREPARING)


def board_recommendations_public(*, board: Board) -> QuerySet[Recommendation]:
    """What the board recommended and what the agency decided: public for every policy draft;
    the draft's text itself stays with the board unless it had a public comment period."""
    return (
        Recommendation.objects.filter(draft__board=board, status=RecommendationStatus.ADOPTED)
        .select_related("draft__engagement", "input__action")
        .order_by("-voted_at")
    )


def drafts_visible_to(*, user: User) -> QuerySet[PolicyDraft]:
    """The drafts a person may open, for lists, searches and feeds (the same rule as the page)."""
    public = Q(visibility=Visibility.PUBLIC) & ~Q(status=DraftStatus.PREPARING)
    if not user.is_authenticated:
        return PolicyDraft.objects.filter(public)
    if user.has_perm("advisory_boards.manage_boards"):
        return PolicyDraft.objects.all()
    bound_boards = bound_board_ids(user)
    return PolicyDraft.objects.filter(
        public | (Q(board_id__in=bound_boards) & ~Q(status=DraftStatus.PREPARING))
    )


def draft_get_for(*, user: User, pk: int) -> PolicyDraft:
    """The gate: the draft if this person may read it, else 404 (missing or forbidden)."""
    draft = PolicyDraft.objects.select_related("board", "engagement").filter(pk=pk).first()
    if draft is None or not user.has_perm("advisory_boards.view_draft", draft):
        raise Http404
    return draft


def attachment_get_for(*, user: User, pk: int) -> Attachment:
    attachment = Attachment.objects.select_related("draft__board").filter(pk=pk).first()
    if attachment is None or not user.has_perm("advisory_boards.view_draft", attachment.draft):
        raise Http404
    return attachment


@dataclass
class ReviewPage:
    draft: PolicyDraft
    version: DraftVersion
    versions: list[DraftVersion]
    sections: list[Section]
    positions: list = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


def review_page(*, draft: PolicyDraft, number: int | None = None) -> ReviewPage:
    """One version with its sections, each with comments, replies, authors and the agency's
    answers; in a fixed number of queries whatever the number of comments."""
    versions = list(draft.versions.order_by("number"))
    if not versions:
        raise Http404
    version = next((v for v in versions if v.number == number), None) if number else versions[-1]
    if version is None:
        raise Http404
    comments = Comment.objects.select_related(
        "author", "response__changed_section__version", "response__responded_by"
    ).order_by("created_at", "pk")
    sections = list(
        version.sections.prefetch_related(
            Prefetch("comments", queryset=comments.filter(parent__isnull=True)),
            Prefetch("comments__replies", queryset=comments),
            Prefetch(
                "changed_by_responses",
                queryset=CommentResponse.objects.select_related(
                    "comment__author", "comment__section__version"
                ),
            ),
        )
    )
    return ReviewPage(
        draft=draft,
        version=version,
        versions=versions,
        sections=sections,
        positions=list(version.positions.select_related("member").order_by("member__display_name")),
        recommendations=list(
            draft.recommendations.select_related("input__action").order_by("created_at")
        ),
        attachments=list(draft.attachments.all()),
    )


_TOKENS = re.compile(r"\s+|[^\s]+")


def _word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """(kind, text) runs, kind in equal/insert/delete, compared word by word."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    runs = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", "".join(old[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(("delete", "".join(old[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("insert", "".join(new[j1:j2])))
    return runs


@dataclass
class SectionChange:
    key: str
    kind: str  # added, removed, changed, unchanged
    section: Section | None
    previous: Section | None
    heading_runs: list[tuple[str, str]]
    body_runs: list[tuple[str, str]]
    led_by: list = field(default_factory=list)  # CommentResponses that adopted a comment here


def version_redline(*, draft: PolicyDraft, number: int) -> tuple[DraftVersion, DraftVersion, list]:
    """A version against the one before it, section by section (matched by key), with the
    comments whose adoption changed each section."""
    versions = {v.number: v for v in draft.versions.filter(number__in=[number - 1, number])}
    if number not in versions or number - 1 not in versions:
        raise Http404
    current, previous = versions[number], versions[number - 1]
    responses = (
        CommentResponse.objects.filter(changed_section__version=current)
        .select_related("comment__author", "comment__section__version")
        .order_by("comment__created_at")
    )
    led_by: dict[int, list] = {}
    for response in responses:
        led_by.setdefault(response.changed_section_id, []).append(response)
    before = {s.key: s for s in previous.sections.all()}
    changes = []
    for section in current.sections.all():
        old = before.pop(section.key, None)
        if old is None:
            kind = "added"
            heading_runs = [("insert", section.heading)]
            body_runs = [("insert", section.body)]
        else:
            heading_runs = _word_diff(old.heading, section.heading)
            body_runs = _word_diff(old.body, section.body)
            same = all(kind == "equal" for kind, _text in heading_runs + body_runs)
            kind = "unchanged" if same else "changed"
        changes.append(
            SectionChange(
                key=section.key,
                kind=kind,
                section=section,
                previous=old,
                heading_runs=heading_runs,
                body_runs=body_runs,
                led_by=led_by.get(section.pk, []),
            )
        )
    for old in before.values():
        changes.append(
            SectionChange(
                key=old.key,
                kind="removed",
                section=None,
                previous=old,
                heading_runs=[("delete", old.heading)],
                body_runs=[("delete", old.body)],
            )
        )
    return current, previous, changes


def access_log_for(*, board: Board | None = None) -> QuerySet[AccessLog]:
    log = AccessLog.objects.select_related("user", "board")
    return log.filter(board=board) if board else log


def boards_of(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.current()
        .filter(user=user)
        .select_related("board")
        .order_by("board__name")
    )
