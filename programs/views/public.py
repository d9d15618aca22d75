"""Residents: sessions, sign-up, their registration page, calendars, partners, my engagements."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from allauth.core.ratelimit import consume_or_429
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..calendars import session_ics, sessions_ics
from ..forms import ConfirmCodeForm, SignUpForm
from ..models import RegistrationStatus


def session_detail(request, pk: int):
    session = selectors.session_get_for_user(pk=pk, user=request.user)
    registration = selectors.registration_for_user(session=session, user=request.user)
    form = SignUpForm(user=request.user, session=session)
    return render(
        request,
        "programs/session_detail.html",
        {"session": session, "registration": registration, "form": form, "nav": "catalogue"},
    )


@require_POST
def session_sign_up(request, pk: int):
    session = selectors.session_get_for_user(pk=pk, user=request.user)
    if limited := consume_or_429(request, action="portal_input"):
        return limited
    form = SignUpForm(request.POST, user=request.user, session=session)
    if not form.is_valid():
        return render(
            request,
            "programs/session_detail.html",
            {"session": session, "registration": None, "form": form, "nav": "catalogue"},
            status=200,
        )
    data = form.cleaned_data
    signed_in = request.user.is_authenticated
    try:
        registration = services.registration_create(
            session=session,
            language=get_language(),
            user=request.user if signed_in else None,
            guest=None
            if signed_in
            else services.Guest(
                name=data["name"], email=data.get("email") or "", phone=data.get("phone") or ""
            ),
            needs=services.Accommodations(
                interpreter_language=data.get("interpreter_language"),
                asl=data.get("needs_asl", False),
                step_free=data.get("needs_step_free", False),
                childcare=data.get("needs_childcare", False),
                other=data.get("needs_other", ""),
            ),
            confidentiality_acknowledged=bool(data.get("confidentiality")),
        )
    except services.RegistrationError as error:
        messages.error(request, str(error))
        return redirect(session.get_absolute_url())
    return redirect(registration.get_absolute_url())


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def registration_detail(request, token: str):
    """A registration's own page, reached from its messages: status, place in line, QR, cancel."""
    registration = selectors.registration_get_by_token(token=token)
    check_in_url = request.build_absolute_uri(
        reverse("staff:programs:check_in_code", kwargs={"code": registration.code})
    )
    return render(
        request,
        "programs/registration_detail.html",
        {
            "registration": registration,
            "session": registration.session,
            "position": services.waitlist_position(registration),
            "qr": _qr_svg(check_in_url)
            if registration.status == RegistrationStatus.CONFIRMED
            else "",
            "confirm_form": ConfirmCodeForm(),
        },
    )


@require_POST
def registration_confirm(request, token: str):
    registration = selectors.registration_get_by_token(token=token)
    form = ConfirmCodeForm(request.POST)
    # The link itself proves the address; the typed code proves a phone that got only the code.
    code_ok = (
        form.is_valid()
        and form.cleaned_data["code"].strip().upper().replace("-", "") == registration.code
    )
    if not (code_ok or request.POST.get("via") == "link"):
        messages.error(request, _("That code does not match. Check the message we sent you."))
        return redirect(registration.get_absolute_url())
    try:
        services.registration_confirm_guest(registration=registration)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    return redirect(registration.get_absolute_url())


@require_POST
def registration_cancel(request, token: str):
    registration = selectors.registration_get_by_token(token=token)
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your sign-up is cancelled. Thank you for letting us know."))
    return redirect(registration.get_absolute_url())


@login_required
def my_engagements(request):
    return render(
        request,
        "programs/my_engagements.html",
        {
            "registrations": selectors.my_registrations(user=request.user),
            "rideouts": selectors.my_rideouts(user=request.user),
            "applications": selectors.my_applications(user=request.user),
            "hours": selectors.my_hours(user=request.user),
            "nav": "mine",
        },
    )


def partner_list(request):
    return render(
        request,
        "programs/partner_list.html",
        {"partners": selectors.partner_list_public(), "nav": "catalogue"},
    )


def _ics_response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def session_calendar(request, pk: int):
    session = selectors.session_get_for_user(pk=pk, user=request.user)
    return _ics_response(session_ics(session), f"session-{session.pk}.ics")


def program_calendar(request, pk: int):
    program = selectors.program_get_public(pk=pk, user=request.user)
    return _ics_response(
        sessions_ics(
            selectors.session_list_for_calendar(program=program), name=program.engagement.title
        ),
        f"program-{program.pk}.ics",
    )


def agency_calendar(request):
    return _ics_response(
        sessions_ics(selectors.session_list_for_calendar(), name=settings.PORTAL_AGENCY_NAME),
        "agency.ics",
    )
