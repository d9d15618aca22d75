from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs")
    role_permissions = {
        "outreach_staff": [
            f"programs.{action}_{model}"
            for model in (
                "program",
                "session",
                "series",
                "registration",
                "venue",
                "partner",
                "cohort",
            )
            for action in ("view", "add", "change")
        ],
        "agency_admin": [
            f"programs.{action}_{model}"
            for model in (
                "program",
                "session",
                "series",
                "registration",
                "venue",
                "partner",
                "cohort",
            )
            for action in ("view", "add", "change", "delete")
        ],
    }

    def ready(self) -> None:
        from accounts import personal_data
        from engagements import panels, participants
        from notices.audiences import register

        from .audiences import RegistrationAudience, SessionAudience, attendees_of_engagement
        from .personal_data import programs_data

        register(SessionAudience())
        register(RegistrationAudience())
        participants.register(attendees_of_engagement)
        from engagements import participation

        from .participation import program_takings

        participation.register(program_takings)
        personal_data.register("programs", programs_data)
        from .panels import sessions_panel

        panels.register(sessions_panel)
        from .home import upcoming_sessions_section

        panels.register_staff_home(upcoming_sessions_section)
        panels.register_staff_link(_("Program and sessions"), "staff:programs:program")
        from .retention import register_rules

        register_rules()
