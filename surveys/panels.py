"""An engagement's surveys, on its page (engagements.panels)."""

from .models import SurveyStatus


def surveys_panel(request, engagement) -> dict | None:
    surveys = [
        survey
        for survey in engagement.surveys.exclude(status=SurveyStatus.DRAFT).order_by("-created_at")
        if survey.status == SurveyStatus.OPEN or survey.results_published
    ]
    if not surveys:
        return None
    return {"template": "surveys/includes/surveys_panel.html", "surveys": surveys}
