"""Residents: request a ride-out, apply to an academy, log volunteer hours."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms_people import ApplicationForm, HoursForm, RideOutRequestForm
from ..models import ProgramKind


def _program_of_kind(pk: int, user, kind: str):
    program = selectors.program_get_public(pk=pk, user=user)
    if program.kind != kind:
        raise Http404
    return program


@login_required
def rideout_request(request, pk: int):
    program = _program_of_kind(pk, request.user, ProgramKind.RIDE_OUT)
    form = RideOutRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ride = services.rideout_request_create(
                program=program,
                user=request.user,
                unit=data["unit"],
                preferred_dates=form.preferred_dates(),
                date_of_birth=data["date_of_birth"],
                lives_in_city=data["lives_in_city"],
                signature=data["signature"],
                waiver_accepted=data["waiver_accepted"],
                guardian_name=data.get("guardian_name", ""),
                guardian_email=data.get("guardian_email", ""),
                guardian_consent=data.get("guardian_consent", False),
            )
        except services.RideOutError as error:
            for reason in error.reasons:
                form.add_error(None, reason)
        else:
            return redirect("programs:rideout", pk=ride.pk)
    return render(
        request,
        "programs/rideout_form.html",
        {
            "program": program,
            "form": form,
            "waiver": services.waiver_current(program=program),
            "nav": "catalogue",
        },
    )


@login_required
def rideout_detail(request, pk: int):
    ride = selectors.rideout_get_for_user(pk=pk, user=request.user)
    return render(request, "programs/rideout_detail.html", {"ride": ride, "nav": "mine"})


@require_POST
@login_required
def rideout_cancel(request, pk: int):
    ride = selectors.rideout_get_for_user(pk=pk, user=request.user)
    if ride.user_id != request.user.pk:
        raise Http404
    services.rideout_cancel(request=ride)
    return redirect("programs:rideout", pk=ride.pk)


@login_required
def application_create(request, pk: int):
    program = _program_of_kind(pk, request.user, ProgramKind.ACADEMY)
    form = ApplicationForm(request.POST or None, questions=program.questions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        minor = None
        if data["applying_for"] == "child":
            minor = services.Minor(
                child_name=data["child_name"],
                date_of_birth=data["child_date_of_birth"],
                school=data.get("school", ""),
                guardian_name=data["guardian_name"],
                guardian_phone=data.get("guardian_phone", ""),
                guardian_consent=data["guardian_consent"],
            )
        try:
            application = services.application_submit(
                program=program,
                user=request.user,
                answers=form.answers(),
                minor=minor,
                applicant_date_of_birth=data.get("date_of_birth") if minor is None else None,
            )
        except services.ApplicationError as error:
            form.add_error(None, str(error))
        else:
            return redirect("programs:application", pk=application.pk)
    return render(
        request,
        "programs/application_form.html",
        {"program": program, "form": form, "nav": "catalogue"},
    )


@login_required
def application_detail(request, pk: int):
    application = selectors.application_get_for_user(pk=pk, user=request.user)
    return render(
        request,
        "programs/application_detail.html",
        {
            "application": application,
            "progress": services.application_progress(application=application),
            "nav": "mine",
        },
    )


@login_required
def certificate(request, pk: int):
    application = selectors.application_get_for_user(pk=pk, user=request.user)
    progress = services.application_progress(application=application)
    if progress is None or not progress.completed:
        raise Http404
    return render(
        request, "programs/certificate.html", {"application": application, "progress": progress}
    )


@login_required
def hours_log(request, pk: int):
    program = _program_of_kind(pk, request.user, ProgramKind.VOLUNTEER)
    form = HoursForm(request.POST or None, program=program)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.hours_log(
                program=program,
                user=request.user,
                worked_on=data["worked_on"],
                hours=data["hours"],
                description=data["description"],
                session=data.get("session"),
            )
        except services.HoursError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you. Your hours are saved and wait for approval."))
            return redirect("programs:hours", pk=program.pk)
    return render(
        request,
        "programs/hours_form.html",
        {
            "program": program,
            "form": form,
            "entries": program.volunteer_hours.filter(user=request.user).order_by(
                "-worked_on", "-pk"
            )[:50],
            "nav": "mine",
        },
    )
