"""The sessions of a program, shown on its engagement's page (engagements.panels)."""

from .selectors import program_for_engagement, session_list_upcoming


def sessions_panel(request, engagement) -> dict | None:
    program = program_for_engagement(engagement=engagement)
    if program is None:
        return None
    return {
        "template": "programs/includes/sessions_panel.html",
        "program": program,
        "kind": program.kind,
        "sessions": list(session_list_upcoming(program=program)[:20]),
    }
