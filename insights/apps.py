from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """Participation equity for staff and the public transparency page. Reads the platform and
    what spectrum apps register in `engagements.participation` and `engagements.panels`; imports
    no spectrum app."""

    name = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from engagements import panels

        panels.register_accountability_link(
            _("Transparency: activity by neighborhood, accountability and trust"),
            "insights:transparency",
        )
