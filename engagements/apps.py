from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "engagements"
    verbose_name = _("Engagements")
    role_permissions = {
        "outreach_staff": [
            "engagements.view_engagement",
            "engagements.add_engagement",
            "engagements.change_engagement",
            "engagements.view_neighborhood",
            "engagements.view_topic",
            "engagements.view_language",
        ],
        "agency_admin": [
            f"engagements.{action}_{model}"
            for model in ("engagement", "neighborhood", "topic", "language", "communityfigures")
            for action in ("view", "add", "change", "delete")
        ]
        + [
            "engagements.view_retentionpolicy",
            "engagements.change_retentionpolicy",
            "engagements.view_retentionrun",
        ],
    }

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy checks)
        from .retention import register_platform_rules

        register_platform_rules()
