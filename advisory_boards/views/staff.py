"""Staff run boards: members and terms, the agreement, drafts and versions, answers to comments,
recommendations and decisions. Agency admins read the access log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403
from engagements.services import LoopError

from .. import selectors, services
from ..forms import (
    AgreementForm,
    AttachmentForm,
    BoardForm,
    DecisionForm,
    DraftForm,
    MemberForm,
    RecommendationForm,
    ResponseForm,
    SectionFormSet,
    VersionNoteForm,
    VoteForm,
    later_sections,
)
from ..models import Board, Comment, Membership, PolicyDraft, Recommendation

staff_only = permission_required_or_403("advisory_boards.manage_boards")
admin_only = permission_required_or_403("advisory_boards.view_access_log")


@staff_only
def board_list(request):
    form = BoardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        board = services.board_save(values=form.cleaned_data)
        messages.success(request, _("The board is created. Add its members."))
        return redirect("staff:boards:board", pk=board.pk)
    boards = Board.objects.annotate(drafts_count=Count("drafts", distinct=True)).order_by("name")
    return render(
        request,
        "advisory_boards/staff/boards.html",
        {"boards": boards, "form": form, "nav": "staff"},
    )


@staff_only
def board_manage(request, pk: int):
    board = get_object_or_404(Board, pk=pk)
    member_form = MemberForm(request.POST if "add_member" in request.POST else None)
    agreement_form = AgreementForm(request.POST if "agreement" in request.POST else None)
    if request.method == "POST":
        try:
            if "add_member" in request.POST and member_form.is_valid():
                data = member_form.cleaned_data
                services.membership_add(
                    board=board,
                    user=data["email"],
                    role=data["role"],
                    term_start=data["term_start"],
                    term_end=data["term_end"],
                    name_is_public=data["name_is_public"],
                )
                messages.success(request, _("The member is added."))
                return redirect("staff:boards:board", pk=board.pk)
            if "agreement" in request.POST and agreement_form.is_valid():
                agreement = services.agreement_publish(
                    board=board, text=agreement_form.cleaned_data["text"]
                )
                messages.success(
                    request,
                    _("Version %(version)d is published; members accept it before material opens.")
                    % {"version": agreement.version},
                )
                return redirect("staff:boards:board", pk=board.pk)
            if "remove" in request.POST:
                membership = get_object_or_404(Membership, pk=request.POST["remove"], board=board)
                services.membership_remove(membership=membership)
                messages.success(request, _("The member is removed; their access has ended."))
                return redirect("staff:boards:board", pk=board.pk)
        except services.BoardError as error:
            member_form.add_error(None, str(error))
    return render(
        request,
        "advisory_boards/staff/board.html",
        {
            "board": board,
            "memberships": board.memberships.select_related("user")
            .prefetch_related("acceptances__agreement")
            .order_by("removed_at", "role", "user__display_name"),
            "current_ids": set(
                Membership.objects.current().filter(board=board).values_list("pk", flat=True)
            ),
            "agreement": board.agreements.order_by("-version").first(),
            "drafts": board.drafts.order_by("-review_opens_on"),
            "meetings": board.meetings.order_by("-starts_at")[:20],
            "cases": board.cases.order_by("-created_at")[:50],
            "member_form": member_form,
            "agreement_form": agreement_form,
            "nav": "staff",
        },
    )


def _sections_from(formset) -> list[dict]:
    return [form.cleaned_data for form in formset if form.cleaned_data]


@staff_only
def draft_create(request, pk: int):
    board = get_object_or_404(Board, pk=pk)
    form = DraftForm(request.POST or None)
    formset = SectionFormSet(request.POST or None, prefix="sections")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            draft = services.draft_create(
                board=board,
                values=form.cleaned_data,
                sections=_sections_from(formset),
                created_by=request.user,
            )
        except services.DraftError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The draft is saved. Its review opens on its date."))
            return redirect(draft.get_absolute_url())
    return render(
        request,
        "advisory_boards/staff/draft_form.html",
        {"board": board, "form": form, "formset": formset, "nav": "staff"},
    )


@staff_only
def version_create(request, pk: int):
    draft = get_object_or_404(PolicyDraft.objects.select_related("board"), pk=pk)
    latest = draft.versions.order_by("-number").first()
    initial = [
        {"key": s.key, "number": s.number, "heading": s.heading, "body": s.body}
        for s in latest.sections.all()
    ]
    form = VersionNoteForm(request.POST or None)
    formset = SectionFormSet(request.POST or None, initial=initial, prefix="sections")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            version = services.draft_new_version(
                draft=draft,
                sections=_sections_from(formset),
                note=form.cleaned_data["note"],
                created_by=request.user,
            )
        except services.DraftError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The new version is published."))
            return redirect("advisory_boards:changes", pk=draft.pk, number=version.number)
    return render(
        request,
        "advisory_boards/staff/draft_form.html",
        {"board": draft.board, "draft": draft, "form": form, "formset": formset, "nav": "staff"},
    )


@require_POST
@staff_only
def comment_respond(request, pk: int):
    comment = get_object_or_404(Comment.objects.select_related("section__version__draft"), pk=pk)
    draft = comment.section.version.draft
    form = ResponseForm(
        request.POST,
        later_sections=later_sections(
            draft_id=draft.pk, after_version=comment.section.version.number
        ),
        prefix=f"r{comment.pk}",
    )
    if form.is_valid():
        try:
            services.comment_respond(
                comment=comment,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
                changed_section=form.cleaned_data["changed_section"],
                responded_by=request.user,
            )
        except services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The answer is recorded and the commenter is told."))
    else:
        messages.error(request, _("Choose an outcome and give the reason."))
    number = comment.section.version.number
    return redirect(f"{draft.get_absolute_url()}?version={number}#comment-{comment.pk}")


@require_POST
@staff_only
def recommendation_create(request, pk: int):
    draft = get_object_or_404(PolicyDraft, pk=pk)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        services.recommendation_draft(
            draft=draft, text=form.cleaned_data["text"], created_by=request.user
        )
        messages.success(request, _("The recommendation is drafted for the board's vote."))
    else:
        messages.error(request, _("Write the recommendation first."))
    return redirect(f"{draft.get_absolute_url()}#recommendations")


@require_POST
@staff_only
def recommendation_vote(request, pk: int):
    recommendation = get_object_or_404(Recommendation.objects.select_related("draft"), pk=pk)
    form = VoteForm(request.POST)
    if form.is_valid():
        try:
            recommendation = services.recommendation_record_vote(
                recommendation=recommendation, recorded_by=request.user, **form.cleaned_data
            )
        except services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The vote is recorded."))
    else:
        messages.error(request, _("Enter the number of votes for, against and abstaining."))
    return redirect(f"{recommendation.draft.get_absolute_url()}#recommendations")


@require_POST
@staff_only
def recommendation_decide(request, pk: int):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("draft__engagement", "draft__board", "input"), pk=pk
    )
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.recommendation_decide(
                recommendation=recommendation,
                status=form.cleaned_data["status"],
                explanation=form.cleaned_data["explanation"],
                decided_by=request.user,
            )
        except (services.ReviewError, LoopError, ValidationError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The decision is recorded as an action in the loop."))
    else:
        messages.error(request, _("Choose a decision and explain it."))
    return redirect(f"{recommendation.draft.get_absolute_url()}#recommendations")


@staff_only
def attachment_upload(request, pk: int):
    draft = get_object_or_404(PolicyDraft.objects.select_related("board"), pk=pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.attachment_add(
            draft=draft,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            uploaded_by=request.user,
        )
        messages.success(request, _("The attachment is added."))
        return redirect(draft.get_absolute_url())
    return render(
        request,
        "advisory_boards/staff/attachment_form.html",
        {"draft": draft, "form": form, "nav": "staff"},
    )


@admin_only
def access_log(request, pk: int):
    board = get_object_or_404(Board, pk=pk)
    return render(
        request,
        "advisory_boards/staff/access_log.html",
        {"board": board, "entries": selectors.access_log_for(board=board)[:500], "nav": "staff"},
    )
