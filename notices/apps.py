from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Notices")
    role_permissions = {
        "outreach_staff": ["notices.view_notice", "notices.view_delivery"],
        "agency_admin": [
            "notices.view_notice",
            "notices.view_delivery",
            "notices.view_suppression",
            "notices.delete_suppression",
        ],
    }

    def ready(self) -> None:
        from accounts import personal_data

        from . import audiences  # noqa: F401  (registers the platform's audiences)
        from .personal_data import notices_data

        personal_data.register("notices", notices_data)
        from .retention import register_rules

        register_rules()
