"""Boards, members and their terms, and the confidentiality agreement."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import Agreement, AgreementAcceptance, Board, Membership


class BoardError(Exception):
    pass


@transaction.atomic
def board_save(*, values: Mapping[str, Any], board: Board | None = None) -> Board:
    board = board or Board()
    for field, value in values.items():
        setattr(board, field, value)
    board.full_clean()
    board.save()
    return board


@transaction.atomic
def membership_add(
    *,
    board: Board,
    user: User,
    role: str,
    term_start: date,
    term_end: date | None = None,
    name_is_public: bool = False,
) -> Membership:
    if term_end is not None and term_end < term_start:
        raise BoardError(_("A term cannot end before it starts."))
    if Membership.objects.current(on=term_start).filter(board=board, user=user).exists():
        raise BoardError(_("This person is already a member of the board."))
    membership = Membership(
        board=board,
        user=user,
        role=role,
        term_start=term_start,
        term_end=term_end,
        name_is_public=name_is_public,
    )
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> Membership:
    """Access ends on the member's next request: every check reads the membership afresh."""
    Membership.objects.filter(pk=membership.pk, removed_at__isnull=True).update(
        removed_at=timezone.now()
    )
    membership.refresh_from_db()
    return membership


@transaction.atomic
def agreement_publish(*, board: Board, text: str) -> Agreement:
    """A new version; every member must accept it before confidential material opens again."""
    board = Board.objects.select_for_update().get(pk=board.pk)
    last = board.agreements.order_by("-version").first()
    return Agreement.objects.create(
        board=board, version=(last.version + 1) if last else 1, text=text
    )


@transaction.atomic
def agreement_accept(
    *, membership: Membership, agreement: Agreement, typed_name: str
) -> AgreementAcceptance:
    if agreement.board_id != membership.board_id:
        raise BoardError(_("This agreement belongs to another board."))
    if not typed_name.strip():
        raise BoardError(_("Type your full name to sign the agreement."))
    try:
        with transaction.atomic():
            return AgreementAcceptance.objects.create(
                membership=membership, agreement=agreement, typed_name=typed_name.strip()
            )
    except IntegrityError:
        return AgreementAcceptance.objects.get(membership=membership, agreement=agreement)
