"""The review itself: comments and the agency's answer to each, positions, recommendations and
the agency's decision on them, and the log of who opened confidential material."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from engagements.models import Source
from engagements.services import action_create, input_create
from notices.models import Kind
from notices.services import notice_create
from notices.texts import in_every_language, neutral_url

from ..models import (
    AccessLog,
    Board,
    Comment,
    CommentResponse,
    DraftVersion,
    Outcome,
    PolicyDraft,
    Position,
    Recommendation,
    RecommendationStatus,
    Section,
    Visibility,
)


class ReviewError(Exception):
    pass


@transaction.atomic
def comment_add(
    *, section: Section, author: User, text: str, parent: Comment | None = None
) -> Comment:
    text = text.strip()
    if not text:
        raise ReviewError(_("Write a comment first."))
    if parent is not None and parent.section_id != section.pk:
        raise ReviewError(_("A reply belongs to the same section as its comment."))
    return Comment.objects.create(section=section, author=author, text=text, parent=parent)


@transaction.atomic
def comment_respond(
    *,
    comment: Comment,
    outcome: str,
    reason: str,
    responded_by: User,
    changed_section: Section | None = None,
) -> CommentResponse:
    """Record (or correct) the agency's answer to one comment and tell the commenter."""
    if not reason.strip():
        raise ReviewError(_("Give the reason or an explanation."))
    draft = comment.section.version.draft
    if outcome == Outcome.ADOPTED:
        if changed_section is None:
            raise ReviewError(_("Name the section of a later version that carries the change."))
        if (
            changed_section.version.draft_id != draft.pk
            or changed_section.version.number <= comment.section.version.number
        ):
            raise ReviewError(_("The changed section must be in a later version of this draft."))
    else:
        changed_section = None
    response, _created = CommentResponse.objects.update_or_create(
        comment=comment,
        defaults={
            "outcome": outcome,
            "reason": reason.strip(),
            "changed_section": changed_section,
            "responded_by": responded_by,
        },
    )
    public = draft.visibility == Visibility.PUBLIC

    def render():
        # A board-only draft is not named in a message that leaves the portal.
        title = draft.title if public else draft.board.name
        return (
            _("The agency answered your comment: %(title)s") % {"title": title},
            _("Your comment on section %(number)s: %(outcome)s. Read the answer on the portal.")
            % {"number": comment.section.number, "outcome": response.get_outcome_display()},
        )

    notice_create(
        kind=Kind.REPORT_BACK,
        subject=in_every_language(lambda: render()[0]),
        body=in_every_language(lambda: render()[1]),
        audience_kind="people",
        audience_params={"user_ids": [comment.author_id]},
        engagement=draft.engagement,
        link=neutral_url("advisory_boards:draft", pk=draft.pk) + f"#comment-{comment.pk}",
        dedupe_key=f"board-comment-response:{comment.pk}:{response.responded_at.isoformat()}",
    )
    return response


@transaction.atomic
def position_set(
    *, version: DraftVersion, member: User, stance: str, rationale: str = ""
) -> Position:
    position, _created = Position.objects.update_or_create(
        version=version, member=member, defaults={"stance": stance, "rationale": rationale.strip()}
    )
    return position


@transaction.atomic
def recommendation_draft(*, draft: PolicyDraft, text: str, created_by: User) -> Recommendation:
    if not text.strip():
        raise ReviewError(_("Write the recommendation first."))
    return Recommendation.objects.create(draft=draft, text=text.strip(), created_by=created_by)


@transaction.atomic
def recommendation_record_vote(
    *,
    recommendation: Recommendation,
    votes_for: int,
    votes_against: int,
    votes_abstaining: int,
    recorded_by: User,
) -> Recommendation:
    """Record the board's vote; a majority of votes cast adopts it, and an adopted
    recommendation becomes an input of the review's engagement."""
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.status != RecommendationStatus.DRAFTED:
        raise ReviewError(_("The vote on this recommendation is already recorded."))
    if min(votes_for, votes_against, votes_abstaining) < 0:
        raise ReviewError(_("Vote counts cannot be negative."))
    adopted = votes_for > votes_against
    recommendation.votes_for = votes_for
    recommendation.votes_against = votes_against
    recommendation.votes_abstaining = votes_abstaining
    recommendation.voted_at = timezone.now()
    recommendation.status = (
        RecommendationStatus.ADOPTED if adopted else RecommendationStatus.REJECTED
    )
    if adopted:
        draft = recommendation.draft
        recommendation.input = input_create(
            engagement=draft.engagement,
            text=_("Recommendation of %(board)s on “%(title)s”: %(text)s")
            # The engagement's title: public, and generic for a board-only draft.
            % {
                "board": draft.board.name,
                "title": draft.engagement.title,
                "text": recommendation.text,
            },
            language="en",
            source=Source.BOARD_RECOMMENDATION,
            entered_by=recorded_by,
        )
    recommendation.save()
    return recommendation


@transaction.atomic
def recommendation_decide(
    *, recommendation: Recommendation, status: str, explanation: str, decided_by: User
):
    """The agency's decision on an adopted recommendation: an action in the loop."""
    if recommendation.input_id is None:
        raise ReviewError(_("Only a recommendation the board adopted can be decided on."))
    return action_create(
        engagement=recommendation.draft.engagement,
        inputs=[recommendation.input],
        values={
            "title_en": _("Decision on the recommendation of %(board)s")
            % {"board": recommendation.draft.board.name},
            "status": status,
            "description_en": explanation,
            "reason_en": explanation,
            "owner": decided_by,
        },
        created_by=decided_by,
    )


def access_record(
    *, user: User, board: Board, action: str, what: str, path: str, case=None, draft=None
) -> None:
    """Log one view or download of confidential material, linked to its case or draft so the
    entry follows that one's retention and legal hold."""
    AccessLog.objects.create(
        user=user,
        board=board,
        case=case,
        draft=draft,
        action=action,
        what=what[:300],
        path=path[:300],
    )
