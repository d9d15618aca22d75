"""Staff: set a program up, schedule sessions and series, run the door, export the roster."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403
from engagements.exports import csv_response
from engagements.models import Engagement

from .. import selectors, services
from ..forms import CheckInSearchForm, ProgramForm, SeriesForm, SessionForm
from ..models import Program, Registration, Session
from ..services.recurrence import SeriesPattern

staff_only = permission_required_or_403("programs.manage_programs")


@staff_only
def program_edit(request, engagement_pk: int):
    """A program's settings and its sessions; creating the program if the engagement has none."""
    engagement = get_object_or_404(Engagement, pk=engagement_pk)
    program = Program.objects.filter(engagement=engagement).first()
    form = ProgramForm(request.POST or None, instance=program)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            program = form.save(commit=False)
            program.engagement = engagement
            program.save()
            form.save_m2m()
        messages.success(request, _("The program is saved."))
        return redirect("staff:programs:program", engagement_pk=engagement.pk)
    sessions = selectors.session_list_for_program(program=program) if program else []
    return render(
        request,
        "programs/staff/program_form.html",
        {
            "engagement": engagement,
            "program": program,
            "form": form,
            "sessions": sessions,
            "nav": "staff",
        },
    )


def _program(engagement_pk: int) -> Program:
    return get_object_or_404(
        Program.objects.select_related("engagement"), engagement_id=engagement_pk
    )


@staff_only
def session_create(request, engagement_pk: int):
    program = _program(engagement_pk)
    form = SessionForm(request.POST or None, program=program)
    if request.method == "POST" and form.is_valid():
        session = services.session_create(
            program=program, values=form.cleaned_data, created_by=request.user
        )
        messages.success(request, _("The session is saved."))
        return redirect("staff:programs:session", pk=session.pk)
    return render(
        request,
        "programs/staff/session_form.html",
        {"program": program, "form": form, "nav": "staff"},
    )


@staff_only
def series_create(request, engagement_pk: int):
    program = _program(engagement_pk)
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        frequency = data["frequency"]
        monthly = frequency.startswith("month_")
        pattern = SeriesPattern(
            first_date=data["first_date"],
            until=data["until"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            alt_start_time=data.get("alt_start_time"),
            alt_end_time=data.get("alt_end_time"),
            every_weeks=None if monthly else int(frequency),
            nth_weekday_of_month=int(frequency.removeprefix("month_")) if monthly else None,
        )
        try:
            series = services.series_create(
                program=program,
                pattern=pattern,
                venues=form.venues(),
                values={
                    key: data[key]
                    for key in (
                        "virtual_link",
                        "capacity",
                        "waitlist_enabled",
                        "asl",
                        "languages",
                        "interpretation",
                        "partner_hosts",
                    )
                },
                description=str(dict(form.FREQUENCIES)[frequency]),
                created_by=request.user,
            )
        except services.ScheduleError as error:
            form.add_error(None, str(error))
        else:
            count = series.sessions.count()
            messages.success(
                request,
                ngettext("%(count)d session created.", "%(count)d sessions created.", count)
                % {"count": count},
            )
            return redirect("staff:programs:program", engagement_pk=engagement_pk)
    return render(
        request,
        "programs/staff/series_form.html",
        {"program": program, "form": form, "nav": "staff"},
    )


def _session(pk: int) -> Session:
    return get_object_or_404(Session.objects.select_related("program__engagement", "venue"), pk=pk)


@staff_only
def session_edit(request, pk: int):
    session = _session(pk)
    form = SessionForm(request.POST or None, instance=session, program=session.program)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("apply_to_rest"):
            services.series_update_rest(
                session=session, values=form.cleaned_data, updated_by=request.user
            )
        else:
            services.session_update(
                session=session, values=form.cleaned_data, updated_by=request.user
            )
        messages.success(
            request,
            _("Your changes are saved. People signed up are told of any change of time or place."),
        )
        return redirect("staff:programs:session", pk=session.pk)
    return render(
        request,
        "programs/staff/session_edit.html",
        {
            "session": session,
            "form": form,
            "roster": selectors.roster(session=session),
            "figures": selectors.attendance_figures(session=session),
            "nav": "staff",
        },
    )


@require_POST
@staff_only
def session_cancel(request, pk: int):
    session = _session(pk)
    cancelled = services.session_cancel(
        session=session,
        cancelled_by=request.user,
        rest_of_series=request.POST.get("scope") == "rest",
    )
    messages.success(
        request,
        ngettext(
            "%(count)d session cancelled; everyone signed up is told.",
            "%(count)d sessions cancelled; everyone signed up is told.",
            len(cancelled),
        )
        % {"count": len(cancelled)},
    )
    return redirect("staff:programs:session", pk=session.pk)


@staff_only
def check_in(request, pk: int):
    """The door, on a phone: search by name or code, one tap to check in."""
    session = _session(pk)
    form = CheckInSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    return render(
        request,
        "programs/staff/check_in.html",
        {
            "session": session,
            "form": form,
            "results": selectors.roster_search(session=session, query=query)[:25],
            "figures": selectors.attendance_figures(session=session),
            "nav": "staff",
        },
    )


@require_POST
@staff_only
def check_in_registration(request, pk: int, registration_pk: int):
    registration = get_object_or_404(Registration, pk=registration_pk, session_id=pk)
    try:
        services.registration_check_in(registration=registration)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    return redirect("staff:programs:check_in", pk=pk)


@staff_only
def check_in_code(request, code: str):
    """Where the QR code on a confirmation points: staff scan it and confirm the check-in."""
    registration = get_object_or_404(
        Registration.objects.select_related("session__program__engagement", "user"),
        code=code.upper(),
    )
    if request.method == "POST":
        try:
            services.registration_check_in(registration=registration)
        except services.RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
        return redirect("staff:programs:check_in", pk=registration.session_id)
    return render(
        request, "programs/staff/check_in_code.html", {"registration": registration, "nav": "staff"}
    )


@require_POST
@staff_only
def mark_no_shows(request, pk: int):
    session = _session(pk)
    if session.ends_at > timezone.now():
        messages.error(request, _("No-shows can be marked once the session is over."))
    else:
        count = services.session_mark_no_shows(session=session)
        messages.success(
            request,
            ngettext("%(count)d no-show recorded.", "%(count)d no-shows recorded.", count)
            % {"count": count},
        )
    return redirect("staff:programs:session", pk=pk)


@staff_only
def roster_csv(request, pk: int):
    session = _session(pk)
    header = [
        _("Name"),
        _("Email"),
        _("Phone"),
        _("Status"),
        _("Code"),
        _("Needs"),
        _("Checked in"),
        _("Did not come"),
    ]
    rows = (
        (
            registration.name,
            registration.user.email if registration.user_id else registration.guest_email,
            registration.guest_phone or (registration.user.phone if registration.user_id else ""),
            registration.get_status_display(),
            registration.code,
            "; ".join(registration.needs),
            timezone.localtime(registration.checked_in_at).strftime("%Y-%m-%d %H:%M")
            if registration.checked_in_at
            else "",
            _("yes") if registration.no_show else "",
        )
        for registration in selectors.roster(session=session)
    )
    return csv_response(f"roster-session-{session.pk}.csv", header, rows)
