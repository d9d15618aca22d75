"""Building a survey: questions, choices, the trust bank, opening and closing."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from engagements.models import Engagement, Source
from engagements.services import input_create
from engagements.translated import portal_languages, set_translated

from ..bank import TRUST_BANK
from ..models import Choice, Question, QuestionKind, Survey, SurveyStatus


class SurveyError(Exception):
    pass


@transaction.atomic
def survey_save(
    *,
    engagement: Engagement,
    values: Mapping[str, Any],
    created_by: User,
    survey: Survey | None = None,
) -> Survey:
    if survey is None:
        survey = Survey(engagement=engagement, created_by=created_by)
    else:
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if (
            survey.status != SurveyStatus.DRAFT
            and "anonymity" in values
            and values["anonymity"] != survey.anonymity
        ):
            # People answered under a promise; it cannot change afterwards.
            raise SurveyError(_("The anonymity promise cannot change once the survey has opened."))
    for field in (
        "anonymity",
        "access",
        "languages",
        "trust_wave",
        "ask_neighborhood",
        "results_published",
    ):
        if field in values:
            setattr(survey, field, values[field])
    set_translated(survey, values, ("title", "intro"))
    survey.full_clean()
    survey.save()
    return survey


def _require_draft(survey: Survey) -> None:
    if survey.status != SurveyStatus.DRAFT:
        raise SurveyError(_("Questions can only change while the survey is a draft."))


@transaction.atomic
def question_save(
    *,
    survey: Survey,
    values: Mapping[str, Any],
    choices: Sequence[Mapping[str, str]] = (),
    question: Question | None = None,
) -> Question:
    """Add or edit a question; for choice questions `choices` lists each choice's texts by field."""
    _require_draft(survey)
    if question is None:
        last = survey.questions.aggregate(last=Max("position"))["last"]
        question = Question(survey=survey, position=(last or 0) + 1)
    for field in ("kind", "required", "publish_results", "show_if_choice"):
        if field in values:
            setattr(question, field, values[field])
    condition = question.show_if_choice
    if condition is not None and (
        condition.question.survey_id != survey.pk
        or condition.question.position >= question.position
    ):
        raise SurveyError(
            _("A question can only depend on an earlier question of the same survey.")
        )
    set_translated(question, values, ("text", "help_text"))
    question.full_clean()
    question.save()
    if question.has_choices:
        kept = []
        for position, texts in enumerate(choices, start=1):
            if not (texts.get("text_en") or "").strip():
                continue
            choice = Choice.objects.filter(pk=texts.get("id")).first() if texts.get("id") else None
            choice = (
                choice
                if choice and choice.question_id == question.pk
                else Choice(question=question)
            )
            choice.position = position
            set_translated(choice, texts, ("text",))
            choice.save()
            kept.append(choice.pk)
        question.choices.exclude(pk__in=kept).delete()
    else:
        question.choices.all().delete()
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    _require_draft(question.survey)
    question.delete()


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    """Swap a question with its neighbour; conditions keep pointing at earlier questions only."""
    _require_draft(question.survey)
    questions = list(question.survey.questions.order_by("position", "pk"))
    index = questions.index(question)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(questions):
        return
    questions[index], questions[other] = questions[other], questions[index]
    for position, item in enumerate(questions, start=1):
        if item.position != position:
            Question.objects.filter(pk=item.pk).update(position=position)
    for item in questions:
        condition = item.show_if_choice
        if condition and questions.index(condition.question) >= questions.index(item):
            Question.objects.filter(pk=item.pk).update(show_if_choice=None)


@transaction.atomic
def survey_add_trust_bank(*, survey: Survey) -> list[Question]:
    """Add the trust questions, translated into every portal language, on the agreement scale."""
    _require_draft(survey)
    present = set(survey.questions.exclude(bank_key="").values_list("bank_key", flat=True))
    added = []
    for key, _label, text in TRUST_BANK:
        if key in present:
            continue
        values = {}
        for code in portal_languages():
            with translation.override(code):
                values[build_localized_fieldname("text", code)] = str(text)
        question = question_save(
            survey=survey, values={**values, "kind": QuestionKind.AGREEMENT, "required": False}
        )
        Question.objects.filter(pk=question.pk).update(bank_key=key)
        added.append(question)
    return added


def survey_missing_translations(*, survey: Survey) -> dict[str, list[str]]:
    """For each offered language, what still lacks text there (titles of the missing items)."""
    missing: dict[str, list[str]] = {}
    questions = list(survey.questions.prefetch_related("choices"))
    for code in survey.languages:
        field = build_localized_fieldname("text", code)
        gaps = []
        if not getattr(survey, build_localized_fieldname("title", code)):
            gaps.append(str(_("the survey title")))
        for question in questions:
            if not getattr(question, field):
                gaps.append(_("question %(number)d") % {"number": question.position})
            for choice in question.choices.all():
                if not getattr(choice, field):
                    gaps.append(
                        _("a choice of question %(number)d") % {"number": question.position}
                    )
        if gaps:
            missing[code] = gaps
    return missing


@transaction.atomic
def survey_open(*, survey: Survey, opened_by: User | None = None) -> Survey:
    """Open the survey, then send the invitations prepared while it was a draft."""
    from .invitations import invitations_send

    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status == SurveyStatus.OPEN:
        return survey
    if survey.status == SurveyStatus.CLOSED:
        raise SurveyError(_("A closed survey cannot open again."))
    if not survey.questions.exists():
        raise SurveyError(_("Add at least one question first."))
    if not survey.languages:
        raise SurveyError(_("Choose the languages the survey is offered in."))
    if missing := survey_missing_translations(survey=survey):
        names = dict(settings.LANGUAGES)
        raise SurveyError(
            _("The survey cannot open while translations are missing: %(missing)s")
            % {
                "missing": "; ".join(
                    f"{names.get(code, code)}: {', '.join(gaps[:5])}"
                    for code, gaps in missing.items()
                )
            }
        )
    survey.status = SurveyStatus.OPEN
    survey.opened_at = timezone.now()
    survey.save(update_fields=["status", "opened_at"])
    if survey.invitations.filter(sent=False).exists():
        invitations_send(survey=survey, created_by=opened_by)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, closed_by: User) -> Survey:
    """Close the survey and put its results into the loop: one summary input per published,
    non-text question on the survey's engagement, so actions and the report-back follow."""
    from ..selectors import survey_results

    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise SurveyError(_("Only an open survey can be closed."))
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = timezone.now()
    survey.save(update_fields=["status", "closed_at"])
    with translation.override(settings.LANGUAGE_CODE):
        for item in survey_results(survey=survey, public=True).questions:
            parts = [
                f"{row['label']}: {row['percent']}%"
                if row["count"] is not None
                else f"{row['label']}: —"
                for row in item.rows
            ]
            text = _(
                "Survey “%(survey)s”, question “%(question)s” (%(count)s answers): %(results)s"
            ) % {
                "survey": survey.title,
                "question": item.question.text,
                "count": item.total if item.total is not None else _("fewer than 11"),
                "results": "; ".join(parts),
            }
            input_create(
                engagement=survey.engagement,
                text=text,
                language=settings.LANGUAGE_CODE,
                source=Source.SURVEY_SUMMARY,
                entered_by=closed_by,
            )
    return survey
