"""Second factor before the staff area and the Django admin.

When PORTAL_STAFF_MFA_REQUIRED is on (the default whenever DEBUG is off), a signed-in person who
reaches a staff or admin page without an authenticator app set up is sent to set one up first. Once
set up, allauth asks for the code at every login, so every session that reaches these pages has
passed the second factor.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .selectors import user_has_totp


def _is_protected(request) -> bool:
    match = request.resolver_match
    return bool(match and ("staff" in match.namespaces or match.app_name == "admin"))


class StaffMFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.PORTAL_STAFF_MFA_REQUIRED:
            return None
        user = request.user
        if not user.is_authenticated or not _is_protected(request):
            return None
        if user_has_totp(user=user):
            return None
        messages.warning(
            request,
            _("Staff pages need two-step verification. Set up an authenticator app to continue."),
        )
        setup_url = reverse("mfa_activate_totp")
        return redirect(f"{setup_url}?{urlencode({'next': request.get_full_path()})}")
