"""Residents answer surveys; everyone sees published results and the trust trend."""

from allauth.core.ratelimit import consume_or_429
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from .. import selectors, services
from ..forms import AnswerForm
from ..models import Access, Invitation, SurveyStatus

ANSWERED_SESSION_KEY = "surveys_answered"


def _language_offered(survey) -> bool:
    return get_language() in survey.languages


def _answer(request, survey, *, token: str = ""):
    """Show the promise and the questions; take the answers. The thank-you page keeps nothing that
    points at the response."""
    questions = selectors.survey_questions(survey=survey)
    already = services.has_answered(survey=survey, user=request.user, token=token) or (
        survey.pk in request.session.get(ANSWERED_SESSION_KEY, [])
    )
    form = AnswerForm(request.POST or None, survey=survey, questions=questions)
    error = ""
    if request.method == "POST" and not already:
        if limited := consume_or_429(request, action="portal_survey"):
            return limited
        if form.is_valid():
            try:
                services.response_submit(
                    survey=survey,
                    answers=form.answers(),
                    language=get_language(),
                    user=request.user,
                    token=token,
                    neighborhood=form.cleaned_data.get("neighborhood"),
                )
            except services.AlreadyAnswered:
                already = True
            except services.ResponseError as problem:
                error = str(problem)
            else:
                # Only "this browser answered survey N": no response id, no time.
                answered = request.session.get(ANSWERED_SESSION_KEY, [])
                request.session[ANSWERED_SESSION_KEY] = [*answered, survey.pk]
                return redirect("surveys:thanks", pk=survey.pk)
    names = dict(settings.LANGUAGES)
    return render(
        request,
        "surveys/answer.html",
        {
            "survey": survey,
            "form": form,
            "already": already,
            "error": error,
            "is_open": survey.status == SurveyStatus.OPEN,
            "language_offered": _language_offered(survey),
            "offered": [(code, names.get(code, code)) for code in survey.languages],
            "nav": "catalogue",
        },
    )


def survey_answer(request, pk: int):
    survey = selectors.survey_get_public(pk=pk)
    if survey.access != Access.LINK:
        return render(request, "surveys/by_invitation.html", {"survey": survey}, status=403)
    return _answer(request, survey)


def survey_invited(request, token: str):
    invitation = get_object_or_404(
        Invitation.objects.select_related("survey__engagement"), token=token
    )
    return _answer(request, invitation.survey, token=token)


def survey_thanks(request, pk: int):
    survey = selectors.survey_get_public(pk=pk)
    return render(request, "surveys/thanks.html", {"survey": survey})


def survey_print(request, pk: int):
    survey = selectors.survey_get_public(pk=pk)
    return render(
        request,
        "surveys/print.html",
        {"survey": survey, "questions": selectors.survey_questions(survey=survey)},
    )


def survey_results_public(request, pk: int):
    survey = selectors.survey_get_public(pk=pk)
    if not survey.results_published:
        return render(request, "surveys/results_not_published.html", {"survey": survey}, status=404)
    return render(
        request,
        "surveys/results_public.html",
        {
            "survey": survey,
            "results": selectors.survey_results(survey=survey, public=True),
            "nav": "accountability",
        },
    )


def trust_trend(request):
    return render(
        request,
        "surveys/trust_trend.html",
        {"trend": selectors.trust_trend(public=True), "nav": "accountability"},
    )
