"""Boards' public pages, and the review pages members (and, for public comment periods, residents)
use. Board-only material: 404 for anyone without access, logged for everyone with it, never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, selectors_more, services
from ..forms import (
    AcceptForm,
    CommentForm,
    DecisionForm,
    DeclarationForm,
    PositionForm,
    RecommendationForm,
    ResponseForm,
    VoteForm,
    later_sections,
)
from ..models import AccessAction, Agreement, Comment, Section, Visibility
from ..predicates import current_membership


def board_list(request):
    return render(
        request,
        "advisory_boards/list.html",
        {"boards": selectors.board_list_public(), "nav": "catalogue"},
    )


def board_page(request, slug: str):
    board = selectors.board_get_public(slug=slug)
    return render(
        request,
        "advisory_boards/board.html",
        {
            "board": board,
            "members": selectors.board_public_members(board=board),
            "drafts": selectors.board_public_drafts(board=board),
            "recommendations": selectors.board_recommendations_public(board=board),
            "membership": current_membership(request.user, board),
            "meetings": selectors_more.meetings_public(board=board),
            "nav": "catalogue",
        },
    )


@login_required
def my_boards(request):
    return render(
        request,
        "advisory_boards/mine.html",
        {
            "memberships": selectors.boards_of(user=request.user),
            "drafts": selectors.drafts_visible_to(user=request.user)
            .select_related("board")
            .filter(board__memberships__user=request.user)
            .distinct(),
            "cases": selectors_more.cases_visible_to(user=request.user),
            "meetings": selectors_more.meetings_for_member(user=request.user),
            "nav": "mine",
        },
    )


@login_required
def agreement_accept(request, slug: str):
    board = get_object_or_404(selectors.Board, slug=slug)
    membership = current_membership(request.user, board)
    agreement = Agreement.objects.filter(board=board).order_by("-version").first()
    if membership is None or agreement is None:
        raise Http404
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.agreement_accept(
            membership=membership, agreement=agreement, typed_name=form.cleaned_data["typed_name"]
        )
        messages.success(request, _("Thank you. The board's material is open to you now."))
        return redirect("advisory_boards:mine")
    return render(
        request,
        "advisory_boards/agreement.html",
        {"board": board, "agreement": agreement, "form": form, "nav": "mine"},
    )


def _confidential(draft) -> bool:
    return draft.visibility == Visibility.BOARD


def no_store(response):
    """Confidential pages and files: never kept by the browser, a proxy or the back button."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    return response


def _protect(request, response, draft, *, action: str, what: str):
    if _confidential(draft):
        no_store(response)
        services.access_record(
            user=request.user,
            board=draft.board,
            draft=draft,
            action=action,
            what=what,
            path=request.path,
        )
    return response


def _response_forms(page) -> dict:
    later = later_sections(draft_id=page.draft.pk, after_version=page.version.number)
    return {
        comment.pk: ResponseForm(later_sections=later, prefix=f"r{comment.pk}")
        for section in page.sections
        for comment in section.comments.all()
    }


def draft_review(request, pk: int):
    draft = selectors.draft_get_for(user=request.user, pk=pk)
    try:
        number = int(request.GET.get("version", "")) or None
    except ValueError:
        number = None
    page = selectors.review_page(draft=draft, number=number)
    user = request.user
    membership = current_membership(user, draft.board)
    manage = user.has_perm("advisory_boards.manage_boards")
    position = None
    if membership is not None:
        position = next((p for p in page.positions if p.member_id == user.pk), None)
    response = render(
        request,
        "advisory_boards/draft.html",
        {
            "draft": draft,
            "page": page,
            "latest": page.version == page.versions[-1],
            "can_comment": user.has_perm("advisory_boards.comment_on_draft", draft),
            "can_take_position": user.has_perm("advisory_boards.take_position", draft)
            and not services.has_declared_conflict(membership=membership, draft=draft),
            "membership": membership,
            "declaration_form": DeclarationForm() if membership else None,
            "position_form": PositionForm(instance=position),
            "comment_form": CommentForm(),
            "manage": manage,
            "recommendation_form": RecommendationForm() if manage else None,
            "vote_form": VoteForm() if manage else None,
            "decision_form": DecisionForm() if manage else None,
            "response_forms": _response_forms(page) if manage else {},
            "nav": "mine",
        },
    )
    return _protect(
        request,
        response,
        draft,
        action=AccessAction.VIEW,
        what=f"draft {draft.pk} v{page.version.number}",
    )


def draft_changes(request, pk: int, number: int):
    draft = selectors.draft_get_for(user=request.user, pk=pk)
    current, previous, changes = selectors.version_redline(draft=draft, number=number)
    response = render(
        request,
        "advisory_boards/redline.html",
        {
            "draft": draft,
            "current": current,
            "previous": previous,
            "changes": changes,
            "nav": "mine",
        },
    )
    return _protect(
        request,
        response,
        draft,
        action=AccessAction.VIEW,
        what=f"draft {draft.pk} changes v{number}",
    )


@require_POST
def comment_create(request, pk: int, section_pk: int):
    draft = selectors.draft_get_for(user=request.user, pk=pk)
    section = get_object_or_404(Section, pk=section_pk, version__draft=draft)
    if not request.user.has_perm("advisory_boards.comment_on_draft", draft):
        raise Http404
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(Comment, pk=request.POST["parent"], section=section)
    form = CommentForm(request.POST)
    if form.is_valid():
        comment = services.comment_add(
            section=section, author=request.user, text=form.cleaned_data["text"], parent=parent
        )
        messages.success(request, _("Your comment is posted. The agency answers every comment."))
        return redirect(f"{draft.get_absolute_url()}#comment-{comment.pk}")
    messages.error(request, _("Write a comment first."))
    return redirect(f"{draft.get_absolute_url()}#section-{section.pk}")


@require_POST
def position_save(request, pk: int):
    draft = selectors.draft_get_for(user=request.user, pk=pk)
    if not request.user.has_perm("advisory_boards.take_position", draft):
        raise Http404
    version = draft.versions.order_by("-number").first()
    form = PositionForm(request.POST)
    if form.is_valid():
        services.position_set(
            version=version,
            member=request.user,
            stance=form.cleaned_data["stance"],
            rationale=form.cleaned_data["rationale"],
        )
        messages.success(request, _("Your position is recorded."))
    else:
        messages.error(request, _("Choose a position."))
    return redirect(f"{draft.get_absolute_url()}#positions")


def attachment_download(request, pk: int):
    attachment = selectors.attachment_get_for(user=request.user, pk=pk)
    if not _confidential(attachment.draft):
        return _download(attachment.file)
    return logged_download(
        request,
        stored=attachment.file,
        board=attachment.draft.board,
        draft=attachment.draft,
        what=f"attachment {attachment.pk} of draft {attachment.draft_id}",
    )


def _download(stored) -> FileResponse:
    return FileResponse(stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/")[-1])


def logged_download(request, *, stored, board, what: str, case=None, draft=None) -> FileResponse:
    """Serve a confidential file (after the caller's permission check): logged, never cached."""
    services.access_record(
        user=request.user,
        board=board,
        case=case,
        draft=draft,
        action=AccessAction.DOWNLOAD,
        what=what,
        path=request.path,
    )
    return no_store(_download(stored))
