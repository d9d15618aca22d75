from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisoryBoardsConfig(AppConfig):
    name = "advisory_boards"
    verbose_name = _("Advisory boards")
    role_permissions = {
        "outreach_staff": [
            f"advisory_boards.{action}_{model}"
            for model in ("board", "membership", "policydraft")
            for action in ("view", "add", "change")
        ],
        "agency_admin": [
            f"advisory_boards.{action}_{model}"
            for model in ("board", "membership", "policydraft", "agreement")
            for action in ("view", "add", "change", "delete")
        ],
    }

    def ready(self) -> None:
        from engagements import panels, participation

        from .participation import board_takings

        participation.register(board_takings)
        panels.register_accountability_link(_("Advisory boards"), "advisory_boards:list")
        from .home import comments_waiting_section

        panels.register_staff_home(comments_waiting_section)
        from .retention import register_rules

        register_rules()
