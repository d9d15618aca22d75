"""A person's own data, for the download on their account page.

Each app registers a function that returns what it holds about a person; the platform never imports
the spectrum apps, they register themselves in their AppConfig.ready().
"""

from collections.abc import Callable
from typing import Any

from .models import User

_exporters: dict[str, Callable[[User], Any]] = {}


def register(section: str, exporter: Callable[[User], Any]) -> None:
    _exporters[section] = exporter


def personal_data_export(*, user: User) -> dict[str, Any]:
    return {section: exporter(user) for section, exporter in sorted(_exporters.items())}


def account_data(user: User) -> dict[str, Any]:
    from allauth.account.models import EmailAddress

    demographics = getattr(user, "demographics", None)
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "display_name": user.display_name,
        "language": user.language,
        "phone": str(user.phone) if user.phone else "",
        "sms_consent_at": user.sms_consent_at.isoformat() if user.sms_consent_at else None,
        "channels": {
            "email": user.notify_by_email,
            "sms": user.notify_by_sms,
            "in_app": user.notify_in_app,
        },
        "neighborhood": user.neighborhood.name if user.neighborhood_id else None,
        "topics_followed": [topic.name for topic in user.topics_followed.all()],
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "demographics": None
        if demographics is None
        else {
            "consented_at": demographics.consented_at.isoformat(),
            "age_band": demographics.age_band,
            "gender": demographics.gender,
            "race_ethnicity": demographics.race_ethnicity,
            "languages_spoken": [lang.code for lang in demographics.languages_spoken.all()],
            "disability": demographics.disability,
            "income_band": demographics.income_band,
        },
        "two_step_verification": _mfa_types(user),
    }


def _mfa_types(user: User) -> list[str]:
    from allauth.mfa.models import Authenticator

    return sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True))
