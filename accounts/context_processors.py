from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info


def _languages() -> list[dict]:
    return [get_language_info(code) | {"code": code} for code, _name in settings.LANGUAGES]


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "portal": {
            "agency_name": settings.PORTAL_AGENCY_NAME,
            "contact_email": settings.PORTAL_CONTACT_EMAIL,
            "languages": _languages(),
            "is_staff_member": SimpleLazyObject(
                lambda: bool(user and user.has_perm("accounts.access_staff_area"))
            ),
        }
    }
