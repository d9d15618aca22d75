"""Members' pages for meetings and confidential cases, and the public application to join."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, selectors_more, services
from ..forms import ApplicationForm, DecisionTextForm, DeclarationForm, FindingsForm
from ..models import AccessAction, MemberRole
from ..predicates import current_membership
from .public import logged_download, no_store


@login_required
def board_apply(request, slug: str):
    board = selectors.board_get_public(slug=slug)
    if not board.accepts_applications:
        raise Http404
    form = ApplicationForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_submit(
                board=board,
                user=request.user,
                motivation=form.cleaned_data["motivation"],
                answers=form.answers(),
            )
        except services.ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Thank you. Your application is received; we will write to you.")
            )
            return redirect(board.get_absolute_url())
    return render(
        request, "advisory_boards/apply.html", {"board": board, "form": form, "nav": "catalogue"}
    )


def meeting_page(request, pk: int):
    meeting = selectors_more.meeting_get_for(user=request.user, pk=pk)
    return no_store(
        render(
            request,
            "advisory_boards/meeting.html",
            {
                "meeting": meeting,
                "documents": list(meeting.documents.all()),
                "attendees": list(meeting.attendees.select_related("user")),
                "nav": "mine",
            },
        )
    )


def meeting_document(request, pk: int):
    document = selectors_more.meeting_document_get_for(user=request.user, pk=pk)
    return logged_download(
        request,
        stored=document.file,
        board=document.meeting.board,
        what=f"meeting document {document.pk}",
    )


def case_page(request, pk: int):
    case = selectors_more.case_get_for(user=request.user, pk=pk)
    membership = current_membership(request.user, case.board)
    services.access_record(
        user=request.user,
        board=case.board,
        case=case,
        action=AccessAction.VIEW,
        what=f"case {case.reference}",
        path=request.path,
    )
    conflicted = services.has_declared_conflict(membership=membership, case=case)
    return no_store(
        render(
            request,
            "advisory_boards/case.html",
            {
                "case": case,
                "files": list(case.files.all()),
                "membership": membership,
                "conflicted": conflicted,
                "declaration_form": DeclarationForm(),
                "findings_form": FindingsForm(
                    initial={"findings": case.findings, "recommendation": case.recommendation}
                ),
                "decision_form": DecisionTextForm(),
                "is_liaison": membership is not None and membership.role == MemberRole.LIAISON,
                "nav": "mine",
            },
        )
    )


def case_file(request, pk: int):
    case_file = selectors_more.case_file_get_for(user=request.user, pk=pk)
    return logged_download(
        request,
        stored=case_file.file,
        board=case_file.case.board,
        case=case_file.case,
        what=f"file {case_file.pk} of case {case_file.case.reference}",
    )


@require_POST
def case_findings(request, pk: int):
    case = selectors_more.case_get_for(user=request.user, pk=pk)
    membership = current_membership(request.user, case.board)
    if services.has_declared_conflict(membership=membership, case=case):
        messages.error(request, _("You declared a conflict of interest on this case."))
        return redirect("advisory_boards:case", pk=case.pk)
    form = FindingsForm(request.POST)
    if form.is_valid():
        try:
            services.case_record_findings(case=case, **form.cleaned_data)
        except services.CaseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The board's findings are recorded."))
    return redirect("advisory_boards:case", pk=case.pk)


@require_POST
def case_decision(request, pk: int):
    case = selectors_more.case_get_for(user=request.user, pk=pk)
    membership = current_membership(request.user, case.board)
    if membership is None or membership.role != MemberRole.LIAISON:
        raise Http404
    form = DecisionTextForm(request.POST)
    if form.is_valid():
        try:
            services.case_record_decision(case=case, decision=form.cleaned_data["decision"])
        except services.CaseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The agency's decision is recorded."))
    return redirect("advisory_boards:case", pk=case.pk)


@require_POST
def declare(request, kind: str, pk: int):
    if kind not in ("case", "draft"):
        raise Http404
    if kind == "case":
        item = selectors_more.case_get_for(user=request.user, pk=pk)
        target = {"case": item}
    else:
        item = selectors.draft_get_for(user=request.user, pk=pk)
        target = {"draft": item}
    membership = current_membership(request.user, item.board)
    if membership is None:
        raise Http404
    form = DeclarationForm(request.POST)
    if form.is_valid():
        try:
            services.conflict_declare(membership=membership, **form.cleaned_data, **target)
        except services.ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your declaration is recorded."))
    else:
        messages.error(request, _("Say whether you have a conflict of interest."))
    if kind == "case":
        return redirect("advisory_boards:case", pk=item.pk)
    return redirect(item.get_absolute_url())
