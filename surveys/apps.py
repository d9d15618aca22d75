from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")
    role_permissions = {
        "outreach_staff": [
            f"surveys.{action}_{model}"
            for model in ("survey", "question", "choice")
            for action in ("view", "add", "change")
        ],
        "agency_admin": [
            f"surveys.{action}_{model}"
            for model in ("survey", "question", "choice")
            for action in ("view", "add", "change", "delete")
        ],
    }

    def ready(self) -> None:
        from engagements import panels
        from engagements.signals import participation_ended
        from notices.audiences import register

        from .audiences import InvitationAudience
        from .receivers import invite_attendees

        register(InvitationAudience())
        from engagements import participation

        from .participation import survey_takings

        participation.register(survey_takings)
        from .panels import trust_trend_section

        panels.register_transparency_section(trust_trend_section)
        participation_ended.connect(invite_attendees, dispatch_uid="surveys.invite_attendees")
        from .panels import surveys_panel

        panels.register(surveys_panel)
        panels.register_staff_link(_("Surveys"), "staff:surveys:list")
        panels.register_accountability_link(
            _("Trust in the police, survey by survey"), "surveys:trust"
        )
        from .retention import register_rules

        register_rules()
