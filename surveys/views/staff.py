"""Staff build surveys, preview them per language, invite, enter paper, read and export results."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403
from engagements.exports import csv_response
from engagements.models import Engagement
from engagements.participants import participants

from .. import selectors, services
from ..forms import AnswerForm, BreakdownForm, ChoiceFormSet, InviteForm, QuestionForm, SurveyForm
from ..models import Anonymity, Question, ResponseMode, Survey, SurveyStatus

staff_only = permission_required_or_403("surveys.manage_surveys")


@staff_only
def survey_list(request, engagement_pk: int):
    engagement = get_object_or_404(Engagement, pk=engagement_pk)
    form = SurveyForm(request.POST or None, initial={"languages": ["en"]})
    if request.method == "POST" and form.is_valid():
        survey = services.survey_save(
            engagement=engagement, values=form.cleaned_data, created_by=request.user
        )
        messages.success(request, _("The survey is created. Add its questions."))
        return redirect("staff:surveys:edit", pk=survey.pk)
    return render(
        request,
        "surveys/staff/survey_list.html",
        {
            "engagement": engagement,
            "surveys": selectors.survey_list_for_engagement(engagement=engagement),
            "form": form,
            "nav": "staff",
        },
    )


def _survey(pk: int) -> Survey:
    return get_object_or_404(Survey.objects.select_related("engagement"), pk=pk)


@staff_only
def survey_edit(request, pk: int):
    survey = _survey(pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_save(
                engagement=survey.engagement,
                survey=survey,
                values=form.cleaned_data,
                created_by=request.user,
            )
        except services.SurveyError as error:
            form.add_error("anonymity", str(error))
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("staff:surveys:edit", pk=survey.pk)
    return render(
        request,
        "surveys/staff/survey_edit.html",
        {
            "survey": survey,
            "form": form,
            "questions": selectors.survey_questions(survey=survey),
            "missing": services.survey_missing_translations(survey=survey),
            "nav": "staff",
        },
    )


@staff_only
def question_edit(request, pk: int, question_pk: int | None = None):
    survey = _survey(pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey) if question_pk else None
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    initial = [
        {
            "id": choice.pk,
            **{
                f"text_{code.replace('-', '_')}": getattr(choice, f"text_{code.replace('-', '_')}")
                or ""
                for code in survey.languages or ["en"]
            },
        }
        for choice in (question.choices.all() if question else [])
    ]
    formset = ChoiceFormSet(request.POST or None, initial=initial, prefix="choices")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.question_save(
                survey=survey,
                question=question,
                values=form.cleaned_data,
                choices=[choice.cleaned_data for choice in formset if choice.cleaned_data],
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The question is saved."))
            return redirect("staff:surveys:edit", pk=survey.pk)
    return render(
        request,
        "surveys/staff/question_form.html",
        {"survey": survey, "question": question, "form": form, "formset": formset, "nav": "staff"},
    )


@require_POST
@staff_only
def question_action(request, pk: int, question_pk: int):
    survey = _survey(pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey)
    action = request.POST.get("action")
    try:
        if action == "delete":
            services.question_delete(question=question)
        elif action in ("up", "down"):
            services.question_move(question=question, up=action == "up")
    except services.SurveyError as error:
        messages.error(request, str(error))
    return redirect("staff:surveys:edit", pk=survey.pk)


@require_POST
@staff_only
def survey_action(request, pk: int):
    survey = _survey(pk)
    action = request.POST.get("action")
    try:
        if action == "bank":
            added = services.survey_add_trust_bank(survey=survey)
            messages.success(
                request,
                ngettext(
                    "%(count)d trust question added.",
                    "%(count)d trust questions added.",
                    len(added),
                )
                % {"count": len(added)},
            )
        elif action == "open":
            services.survey_open(survey=survey, opened_by=request.user)
            messages.success(request, _("The survey is open."))
        elif action == "close":
            services.survey_close(survey=survey, closed_by=request.user)
            messages.success(
                request, _("The survey is closed and its results are inputs of the engagement.")
            )
    except services.SurveyError as error:
        messages.error(request, str(error))
    return redirect("staff:surveys:edit", pk=survey.pk)


@staff_only
def survey_preview(request, pk: int, language: str):
    survey = _survey(pk)
    # The page around it stays in the staff member's language; the survey itself is rendered in
    # the language being previewed.
    with translation.override(language):
        questions = selectors.survey_questions(survey=survey)
        form = AnswerForm(survey=survey, questions=questions)
        preview = render_to_string(
            "surveys/includes/answer_fields.html", {"survey": survey, "form": form}, request=request
        )
        title = survey.title
    return render(
        request,
        "surveys/staff/preview.html",
        {
            "survey": survey,
            "preview": preview,
            "preview_title": title,
            "preview_language": language,
            "nav": "staff",
        },
    )


@staff_only
def survey_invitations(request, pk: int):
    survey = _survey(pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = services.invitations_for_people(survey=survey, emails=form.cleaned_data["emails"])
        if form.cleaned_data["participants"]:
            created += services.invitations_create(
                survey=survey, recipients=participants(engagement_id=survey.engagement_id)
            )
        if survey.status == SurveyStatus.OPEN:
            services.invitations_send(survey=survey, created_by=request.user)
            messages.success(
                request,
                ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", created)
                % {"count": created},
            )
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d invitation ready; it is sent when the survey opens.",
                    "%(count)d invitations ready; they are sent when the survey opens.",
                    created,
                )
                % {"count": created},
            )
        return redirect("staff:surveys:invitations", pk=survey.pk)
    counts = {
        "total": survey.invitations.count(),
        "sent": survey.invitations.filter(sent=True).count(),
        "used": survey.invitations.filter(used=True).count(),
    }
    return render(
        request,
        "surveys/staff/invitations.html",
        {"survey": survey, "form": form, "counts": counts, "nav": "staff"},
    )


@staff_only
def paper_entry(request, pk: int):
    """Type in a paper response; it is marked as paper and never linked to anyone."""
    survey = _survey(pk)
    questions = selectors.survey_questions(survey=survey)
    form = AnswerForm(request.POST or None, survey=survey, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(
                survey=survey,
                answers=form.answers(),
                language=request.POST.get("paper_language") or "en",
                neighborhood=form.cleaned_data.get("neighborhood"),
                mode=ResponseMode.PAPER,
            )
        except services.ResponseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The paper response is saved. Enter the next one."))
            return redirect("staff:surveys:paper", pk=survey.pk)
    return render(
        request, "surveys/staff/paper.html", {"survey": survey, "form": form, "nav": "staff"}
    )


@staff_only
def survey_results(request, pk: int):
    survey = _survey(pk)
    breakdowns = dict(selectors.BREAKDOWNS)
    form = BreakdownForm(request.GET or None, survey=survey, breakdowns=breakdowns)
    table = None
    if form.is_valid():
        table = selectors.breakdown(
            question=form.cleaned_data["question"], by=form.cleaned_data["by"], public=False
        )
    return render(
        request,
        "surveys/staff/results.html",
        {
            "survey": survey,
            "results": selectors.survey_results(survey=survey, public=False),
            "form": form,
            "table": table,
            "nav": "staff",
        },
    )


@staff_only
def survey_export(request, pk: int):
    """Every response, one row each. Identity only for identified surveys; never for the others."""
    survey = _survey(pk)
    questions = selectors.survey_questions(survey=survey)
    show_identity = survey.anonymity == Anonymity.IDENTIFIED
    header = [_("Date"), _("Language"), _("Paper"), _("Neighborhood")]
    if show_identity:
        header.append(_("Email"))
    header += [question.text for question in questions]

    def rows():
        for response in selectors.responses_for_export(survey=survey).iterator(chunk_size=500):
            by_question: dict[int, list[str]] = {}
            for answer in response.answers.all():
                value = (
                    answer.choice.text
                    if answer.choice_id
                    else (answer.text or (str(answer.number) if answer.number is not None else ""))
                )
                by_question.setdefault(answer.question_id, []).append(value)
            row = [
                response.submitted_on.isoformat(),
                response.language,
                _("yes") if response.mode == ResponseMode.PAPER else "",
                response.neighborhood.name if response.neighborhood_id else "",
            ]
            if show_identity:
                row.append(response.user.email if response.user_id else "")
            row += ["; ".join(by_question.get(question.pk, [])) for question in questions]
            yield row

    return csv_response(f"survey-{survey.pk}.csv", header, rows())
