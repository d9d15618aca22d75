"""Who may see a board's material, as `rules` predicates.

Membership is checked on every request against the term and removal dates, so access ends the day a
term ends or a member is removed, with no job to run.
"""

import rules
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
