from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = _("Announcements")
    role_permissions = {
        "outreach_staff": [
            "announcements.view_announcement",
            "announcements.add_announcement",
            "announcements.change_announcement",
            "announcements.view_questionreview",
            "announcements.change_questionreview",
        ],
        "agency_admin": [
            f"announcements.{action}_{model}"
            for model in ("announcement", "questionreview")
            for action in ("view", "add", "change", "delete")
        ],
    }
