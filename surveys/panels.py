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


def trust_trend_section() -> dict:
    """The trust trend on the public transparency page; suppressed like its own page."""
    from .selectors import trust_trend

    return {"template": "surveys/includes/trust_section.html", "trend": trust_trend(public=True)}
