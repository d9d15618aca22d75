"""Staff review of ride-out requests, applications and volunteer hours."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403

from .. import selectors, services
from ..forms_people import (
    ApplicationDecisionForm,
    BackgroundCheckForm,
    CohortForm,
    RideOutApproveForm,
    RideOutDeclineForm,
)
from ..models import Application, Program, RideOutRequest, VolunteerHours

staff_only = permission_required_or_403("programs.manage_programs")


def _program(engagement_pk: int) -> Program:
    return get_object_or_404(
        Program.objects.select_related("engagement"), engagement_id=engagement_pk
    )


@staff_only
def rideout_list(request, engagement_pk: int):
    program = _program(engagement_pk)
    return render(
        request,
        "programs/staff/rideout_list.html",
        {
            "program": program,
            "requests": selectors.rideout_list_for_program(program=program),
            "nav": "staff",
        },
    )


@staff_only
def rideout_review(request, pk: int):
    ride = get_object_or_404(
        RideOutRequest.objects.select_related("program__engagement", "user", "waiver", "officer"),
        pk=pk,
    )
    action = request.POST.get("action") if request.method == "POST" else None
    check_form = BackgroundCheckForm(
        request.POST if action == "check" else None,
        initial={"background_check": ride.background_check},
    )
    approve_form = RideOutApproveForm(
        request.POST if action == "approve" else None, initial={"unit": ride.unit}
    )
    decline_form = RideOutDeclineForm(request.POST if action == "decline" else None)
    try:
        if action == "check" and check_form.is_valid():
            services.rideout_set_background_check(
                request=ride, status=check_form.cleaned_data["background_check"], by=request.user
            )
            messages.success(request, _("The background check status is saved."))
            return redirect("staff:programs:rideout", pk=ride.pk)
        if action == "approve" and approve_form.is_valid():
            data = approve_form.cleaned_data
            services.rideout_approve(
                request=ride,
                scheduled_at=data["scheduled_at"],
                unit=data["unit"],
                officer=data.get("officer"),
                by=request.user,
            )
            messages.success(request, _("The ride-out is approved and the resident is told."))
            return redirect("staff:programs:rideout", pk=ride.pk)
        if action == "decline" and decline_form.is_valid():
            services.rideout_decline(
                request=ride, reason=decline_form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, _("The request is declined and the resident is told why."))
            return redirect("staff:programs:rideout", pk=ride.pk)
    except services.RideOutError as error:
        messages.error(request, str(error))
    return render(
        request,
        "programs/staff/rideout_review.html",
        {
            "ride": ride,
            "check_form": check_form,
            "approve_form": approve_form,
            "decline_form": decline_form,
            "nav": "staff",
        },
    )


@staff_only
def application_list(request, engagement_pk: int):
    program = _program(engagement_pk)
    cohort_form = CohortForm(request.POST or None)
    if request.method == "POST" and cohort_form.is_valid():
        services.cohort_create(program=program, name=cohort_form.cleaned_data["name"])
        messages.success(
            request,
            _("The cohort is created. Give its sessions this cohort on each session's page."),
        )
        return redirect("staff:programs:applications", engagement_pk=engagement_pk)
    return render(
        request,
        "programs/staff/application_list.html",
        {
            "program": program,
            "applications": selectors.application_list_for_program(program=program),
            "cohorts": program.cohorts.all(),
            "cohort_form": cohort_form,
            "can_see_minors": request.user.has_perm("programs.view_minor_details", program),
            "nav": "staff",
        },
    )


@staff_only
def application_review(request, pk: int):
    application = get_object_or_404(
        Application.objects.select_related("program__engagement", "user", "cohort"), pk=pk
    )
    form = ApplicationDecisionForm(
        request.POST or None, program=application.program, initial={"cohort": application.cohort_id}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(
                application=application,
                status=form.cleaned_data["status"],
                cohort=form.cleaned_data.get("cohort"),
                by=request.user,
            )
        except services.ApplicationError as error:
            form.add_error("cohort", str(error))
        else:
            messages.success(request, _("The decision is saved and the applicant is told."))
            return redirect("staff:programs:application", pk=application.pk)
    can_see_minor = request.user.has_perm("programs.view_minor_details", application.program)
    return render(
        request,
        "programs/staff/application_review.html",
        {
            "application": application,
            "minor": getattr(application, "minor", None) if can_see_minor else None,
            "is_for_minor": application.is_for_minor,
            "form": form,
            "progress": services.application_progress(application=application),
            "nav": "staff",
        },
    )


@staff_only
def hours_list(request, engagement_pk: int):
    program = _program(engagement_pk)
    return render(
        request,
        "programs/staff/hours_list.html",
        {
            "program": program,
            "pending": selectors.hours_pending_for_program(program=program),
            "totals": selectors.hours_totals_for_program(program=program),
            "nav": "staff",
        },
    )


@require_POST
@staff_only
def hours_decide(request, pk: int):
    entry = get_object_or_404(VolunteerHours.objects.select_related("program"), pk=pk)
    services.hours_review(
        entry=entry, approve=request.POST.get("decision") == "approve", by=request.user
    )
    return redirect("staff:programs:hours", engagement_pk=entry.program.engagement_id)
