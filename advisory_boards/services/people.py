"""Applications to join a board; conflict-of-interest declarations."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from notices.models import Kind
from notices.services import notice_create
from notices.texts import in_every_language, neutral_url

from ..models import (
    ApplicationStatus,
    Board,
    BoardApplication,
    Case,
    ConflictDeclaration,
    MemberRole,
    Membership,
    PolicyDraft,
)
from .boards import membership_add


class ApplicationError(Exception):
    pass


@transaction.atomic
def application_submit(
    *, board: Board, user: User, motivation: str, answers: list[str]
) -> BoardApplication:
    if not board.accepts_applications:
        raise ApplicationError(_("This board is not taking applications now."))
    if not motivation.strip():
        raise ApplicationError(_("Tell us why you want to join."))
    try:
        with transaction.atomic():
            return BoardApplication.objects.create(
                board=board, user=user, motivation=motivation.strip(), answers=answers
            )
    except IntegrityError:
        raise ApplicationError(_("You have already applied; we will write to you.")) from None


def _tell(application: BoardApplication, render) -> None:
    notice_create(
        kind=Kind.CONFIRMATION,
        subject=in_every_language(lambda: render()[0]),
        body=in_every_language(lambda: render()[1]),
        audience_kind="people",
        audience_params={"user_ids": [application.user_id]},
        link=neutral_url("advisory_boards:board", slug=application.board.slug),
        dedupe_key=f"board-application:{application.pk}:{application.status}",
    )


@transaction.atomic
def application_decide(
    *,
    application: BoardApplication,
    select: bool,
    decided_by: User,
    term_start: date | None = None,
    term_end: date | None = None,
) -> BoardApplication:
    application = BoardApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ApplicationError(_("This application is already decided."))
    application.decided_by = decided_by
    if select:
        if term_start is None:
            raise ApplicationError(_("Give the date the term starts."))
        membership_add(
            board=application.board,
            user=application.user,
            role=MemberRole.MEMBER,
            term_start=term_start,
            term_end=term_end,
        )
        application.status = ApplicationStatus.SELECTED
    else:
        application.status = ApplicationStatus.NOT_SELECTED
    application.save(update_fields=["status", "decided_by"])
    board = application.board

    def render():
        if application.status == ApplicationStatus.SELECTED:
            return (
                _("Welcome to %(board)s") % {"board": board.name},
                _(
                    "You were selected. Before the board's confidential material opens, please "
                    "read and accept its confidentiality agreement on the portal."
                ),
            )
        return (
            _("Your application to %(board)s") % {"board": board.name},
            _(
                "Thank you for applying. You were not selected this time; we will keep you "
                "informed of other ways to take part."
            ),
        )

    _tell(application, render)
    return application


@transaction.atomic
def conflict_declare(
    *,
    membership: Membership,
    has_conflict: bool,
    details: str = "",
    draft: PolicyDraft | None = None,
    case: Case | None = None,
) -> ConflictDeclaration:
    item = draft or case
    if item is None or item.board_id != membership.board_id:
        raise ApplicationError(_("Declare for an item of your own board."))
    if has_conflict and not details.strip():
        raise ApplicationError(_("Describe the conflict in a few words."))
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        membership=membership,
        draft=draft,
        case=case,
        defaults={"has_conflict": has_conflict, "details": details.strip()},
    )
    return declaration


def has_declared_conflict(*, membership: Membership | None, draft=None, case=None) -> bool:
    if membership is None:
        return False
    return ConflictDeclaration.objects.filter(
        membership=membership, draft=draft, case=case, has_conflict=True
    ).exists()
