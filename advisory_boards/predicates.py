"""Who may see a board's material, as `rules` predicates.

Membership is checked on every request against the term and removal dates, so access ends the day a
term ends or a member is removed, with no job to run.
"""

import rules
from django.db.models import Max
from django.utils import timezone

from accounts.predicates import is_agency_admin, is_staff_member

from .models import Agreement, AgreementAcceptance, DraftStatus, Membership, Visibility


def current_membership(user, board) -> Membership | None:
    if not getattr(user, "is_authenticated", False) or board is None:
        return None
    return Membership.objects.current().filter(user=user, board=board).first()


def has_accepted_latest_agreement(membership: Membership | None) -> bool:
    if membership is None:
        return False
    latest = Agreement.objects.filter(board_id=membership.board_id).order_by("-version").first()
    if latest is None:
        # No agreement yet: nothing confidential opens until the agency has written one.
        return False
    return AgreementAcceptance.objects.filter(membership=membership, agreement=latest).exists()


def bound_board_ids(user) -> set[int]:
    """The boards whose confidential material this person may open, in three queries whatever
    the number of boards (for lists; single checks use `has_accepted_latest_agreement`)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    memberships = dict(Membership.objects.current().filter(user=user).values_list("pk", "board_id"))
    latest = dict(
        Agreement.objects.filter(board_id__in=memberships.values())
        .values("board_id")
        .annotate(version=Max("version"))
        .values_list("board_id", "version")
    )
    accepted = set(
        AgreementAcceptance.objects.filter(membership_id__in=memberships).values_list(
            "membership_id", "agreement__version"
        )
    )
    return {
        board_id
        for membership_id, board_id in memberships.items()
        if board_id in latest and (membership_id, latest[board_id]) in accepted
    }


def _board_of(thing):
    return getattr(thing, "board", thing)


@rules.predicate
def is_current_member(user, thing) -> bool:
    return current_membership(user, _board_of(thing)) is not None


@rules.predicate
def is_bound_member(user, thing) -> bool:
    """A current member who accepted the board's latest confidentiality agreement."""
    return has_accepted_latest_agreement(current_membership(user, _board_of(thing)))


@rules.predicate
def is_public_draft_in_the_open(user, draft) -> bool:
    return draft.visibility == Visibility.PUBLIC and draft.status != DraftStatus.PREPARING


@rules.predicate
def is_board_draft_in_review(user, draft) -> bool:
    return draft.status != DraftStatus.PREPARING


@rules.predicate
def review_window_open(user, draft) -> bool:
    today = timezone.localdate()
    return (
        draft.status == DraftStatus.IN_REVIEW
        and draft.review_opens_on <= today <= draft.review_closes_on
    )


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


__all__ = [
    "is_agency_admin",
    "is_board_draft_in_review",
    "is_bound_member",
    "is_current_member",
    "is_public_draft_in_the_open",
    "is_signed_in",
    "is_staff_member",
    "review_window_open",
]
