"""Staff: applications, meetings, cases (prepared write-only) and the composition report."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors_more, services
from ..forms import (
    CaseForm,
    MeetingDocumentForm,
    MeetingForm,
    MeetingRecordForm,
    SelectForm,
)
from ..models import Board, BoardApplication, Meeting
from .staff import staff_only


@staff_only
def applications(request, pk: int):
    board = get_object_or_404(Board, pk=pk)
    return render(
        request,
        "advisory_boards/staff/applications.html",
        {
            "board": board,
            "applications": selectors_more.applications_for(board=board),
            "select_form": SelectForm(),
            "nav": "staff",
        },
    )


@require_POST
@staff_only
def application_decide(request, pk: int):
    application = get_object_or_404(BoardApplication.objects.select_related("board"), pk=pk)
    form = SelectForm(request.POST)
    select = request.POST.get("decision") == "select"
    if not form.is_valid() and select:
        messages.error(request, _("Give the date the term starts."))
        return redirect("staff:boards:applications", pk=application.board_id)
    try:
        services.application_decide(
            application=application,
            select=select,
            decided_by=request.user,
            term_start=form.cleaned_data.get("term_start") if select else None,
            term_end=form.cleaned_data.get("term_end") if select else None,
        )
    except (services.ApplicationError, services.BoardError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The decision is recorded and the applicant is told."))
    return redirect("staff:boards:applications", pk=application.board_id)


@staff_only
def meeting_create(request, pk: int):
    board = get_object_or_404(Board, pk=pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_save(board=board, values=form.cleaned_data)
        messages.success(request, _("The meeting is scheduled."))
        return redirect("staff:boards:meeting", pk=meeting.pk)
    return render(
        request,
        "advisory_boards/staff/meeting_form.html",
        {"board": board, "form": form, "nav": "staff"},
    )


@staff_only
def meeting_manage(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=pk)
    record_form = MeetingRecordForm(
        request.POST if "record" in request.POST else None,
        meeting=meeting,
    )
    document_form = MeetingDocumentForm(
        request.POST if "document" in request.POST else None,
        request.FILES if "document" in request.POST else None,
    )
    if request.method == "POST":
        if "record" in request.POST and record_form.is_valid():
            try:
                services.meeting_record(meeting=meeting, **record_form.cleaned_data)
            except services.MeetingError as error:
                record_form.add_error(None, str(error))
            else:
                messages.success(request, _("Attendance and minutes are saved."))
                return redirect("staff:boards:meeting", pk=meeting.pk)
        if "document" in request.POST and document_form.is_valid():
            services.meeting_document_add(
                meeting=meeting,
                title=document_form.cleaned_data["title"],
                upload=document_form.cleaned_data["file"],
                uploaded_by=request.user,
            )
            messages.success(request, _("The document is added."))
            return redirect("staff:boards:meeting", pk=meeting.pk)
    return render(
        request,
        "advisory_boards/staff/meeting.html",
        {
            "meeting": meeting,
            "record_form": record_form,
            "document_form": document_form,
            "documents": list(meeting.documents.all()),
            "nav": "staff",
        },
    )


@staff_only
def case_create(request, pk: int):
    """Staff prepare a case and attach redacted files; afterwards only the board opens it."""
    board = get_object_or_404(Board, pk=pk)
    form = CaseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(
                board=board, values=form.cleaned_data, created_by=request.user
            )
        except services.CaseError as error:
            form.add_error(None, str(error))
        else:
            for upload in form.cleaned_data["files"]:
                services.case_file_add(
                    case=case, title=upload.name, upload=upload, uploaded_by=request.user
                )
            messages.success(
                request,
                _("Case %(reference)s is with the board. Only its members can open it now.")
                % {"reference": case.reference},
            )
            return redirect("staff:boards:board", pk=board.pk)
    return render(
        request,
        "advisory_boards/staff/case_form.html",
        {"board": board, "form": form, "nav": "staff"},
    )


@staff_only
def composition(request, pk: int):
    board = get_object_or_404(Board, pk=pk)
    return render(
        request,
        "advisory_boards/staff/composition.html",
        {
            "board": board,
            "report": selectors_more.board_composition(board=board),
            "nav": "staff",
        },
    )
