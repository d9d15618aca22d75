"""Survey reads: the form, results aggregated in the database, breakdowns, the trust trend.

Anything shown publicly goes through `suppress`: counts of 1 to 10 are hidden, and when a hidden
count could be worked out from a total and the other counts, the next smallest count is hidden too.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from accounts.models import AgeBand, Disability, Gender, IncomeBand
from engagements.models import Engagement
from engagements.suppression import SMALL_CELL, suppress, suppress_lines, suppress_table

from .bank import BANK_LABELS
from .models import (
    AGREEMENT_LABELS,
    SCALE_KINDS,
    TEXT_KINDS,
    Anonymity,
    Answer,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyStatus,
)


def survey_get_public(*, pk: int) -> Survey:
    survey = (
        Survey.objects.select_related("engagement")
        .filter(pk=pk)
        .exclude(status=SurveyStatus.DRAFT)
        .first()
    )
    if survey is None or survey.engagement.status == "draft":
        raise Http404
    return survey


def survey_list_results_published(*, engagement_id: int | None = None) -> QuerySet[Survey]:
    """Surveys whose results page is public: not a draft, results published, engagement public;
    with the number of responses (suppress it before showing it)."""
    qs = (
        Survey.objects.filter(results_published=True)
        .exclude(status=SurveyStatus.DRAFT)
        .exclude(engagement__status="draft")
        .select_related("engagement")
        .annotate(response_count=Count("responses"))
    )
    if engagement_id is not None:
        qs = qs.filter(engagement_id=engagement_id)
    return qs.order_by(F("opened_at").desc(nulls_last=True), "-pk")


def survey_questions(*, survey: Survey) -> list[Question]:
    return list(survey.questions.select_related("show_if_choice").prefetch_related("choices"))


def survey_list_for_engagement(*, engagement: Engagement) -> QuerySet[Survey]:
    return engagement.surveys.annotate(response_count=Count("responses")).order_by("-created_at")


@dataclass
class QuestionResult:
    question: Question
    total: int | None
    rows: list[dict] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: Survey
    responses: int | None
    questions: list[QuestionResult]


def public_agreement_counts(raw: list[int], total: int) -> list[int | None]:
    """Agreement answers (1-5) of a trust question as published. The trust trend also publishes
    how many agree (4 or 5), so that sum is a line too: no hidden count follows from the two."""
    if total < SMALL_CELL:
        return [None] * len(raw)
    agree = [index for index, value in enumerate(AGREEMENT_LABELS) if value >= 4]
    return suppress_lines(raw, [list(range(len(raw))), agree])


def _rows(
    labels: list[tuple], counts: dict, total: int | None, public: bool, trust: bool = False
) -> list[dict]:
    raw = [counts.get(key, 0) for key, _label in labels]
    if public and trust:
        shown = public_agreement_counts(raw, total or 0)
        total = None if not total or total < SMALL_CELL else total
    else:
        shown, total = suppress(raw, total) if public else (raw, total)
    return [
        {
            "label": label,
            "count": count,
            "percent": round(100 * count / total) if count is not None and total else None,
        }
        for (_key, label), count in zip(labels, shown, strict=True)
    ]


AGGREGATES_CACHE_SECONDS = 600


def _aggregates(*, survey: Survey, questions: list[Question]) -> dict:
    """Answer counts per question, per choice and per scale value, and averages: one pass over the
    answers, grouped by (question, choice, number), plus a distinct count of respondents for
    multiple-choice questions only (every other kind stores at most one answer per response).

    Kept in the cache under the number of responses: a new response (online or paper) changes the
    key, so cached figures are never stale, and a page shown to many people is computed once."""
    ids = sorted(question.pk for question in questions)
    responses = survey.responses.count()
    key = f"surveys:aggregates:{survey.pk}:{responses}:{','.join(map(str, ids))}"
    if (cached := cache.get(key)) is not None:
        return cached
    answers = Answer.objects.filter(question_id__in=ids)
    answered: dict[int, int] = defaultdict(int)
    choices: dict[tuple[int, int], int] = {}
    scales: dict[tuple[int, int], int] = {}
    sums: dict[int, Decimal] = defaultdict(Decimal)
    counted: dict[int, int] = defaultdict(int)
    kinds = {question.pk: question.kind for question in questions}
    for question_id, choice_id, number, n in (
        answers.values_list("question_id", "choice_id", "number").annotate(n=Count("pk")).order_by()
    ):
        answered[question_id] += n
        if choice_id is not None:
            choices[(question_id, choice_id)] = n
        if number is not None:
            sums[question_id] += number * n
            counted[question_id] += n
            if kinds[question_id] in SCALE_KINDS:
                scales[(question_id, int(number))] = n
    multiple = [pk for pk, kind in kinds.items() if kind == QuestionKind.MULTIPLE]
    if multiple:
        answered.update(
            answers.filter(question_id__in=multiple)
            .values_list("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .order_by()
        )
    result = {
        "responses": responses,
        "answered": dict(answered),
        "choices": choices,
        "scales": scales,
        "means": {pk: sums[pk] / counted[pk] for pk in counted},
    }
    cache.set(key, result, AGGREGATES_CACHE_SECONDS)
    return result


def survey_results(*, survey: Survey, public: bool, text_limit: int = 50) -> SurveyResults:
    """Counts and percentages per question, computed by the database in a fixed number of queries
    whatever the number of responses. Public results leave out free text and unpublished
    questions and suppress small cells."""
    questions = survey_questions(survey=survey)
    if public:
        questions = [q for q in questions if q.publish_results and q.kind not in TEXT_KINDS]
    aggregates = _aggregates(survey=survey, questions=questions)
    answered = aggregates["answered"]
    choice_counts = aggregates["choices"]
    scale_counts = aggregates["scales"]
    means = aggregates["means"]
    texts: dict[int, list[str]] = defaultdict(list)
    if not public:
        for question in questions:
            if question.kind in TEXT_KINDS:
                texts[question.pk] = list(
                    Answer.objects.filter(question=question)
                    .exclude(text="")
                    .order_by("-pk")
                    .values_list("text", flat=True)[:text_limit]
                )
    results = []
    for question in questions:
        total = answered.get(question.pk, 0)
        item = QuestionResult(question=question, total=total)
        if question.has_choices:
            labels = [(choice.pk, choice.text) for choice in question.choices.all()]
            item.rows = _rows(
                labels,
                {c: n for (q, c), n in choice_counts.items() if q == question.pk},
                total,
                public,
            )
        elif question.kind in SCALE_KINDS:
            if question.kind == QuestionKind.AGREEMENT:
                labels = list(AGREEMENT_LABELS.items())
            else:
                labels = [(value, str(value)) for value in range(11)]
            item.rows = _rows(
                labels,
                {v: n for (q, v), n in scale_counts.items() if q == question.pk},
                total,
                public,
                trust=bool(question.bank_key) and question.kind == QuestionKind.AGREEMENT,
            )
        # With the total shown, the mean is one more equation over the counts: with two cells
        # hidden it gives both back. Publish it only when no count of the question is hidden.
        hides_a_count = public and any(row["count"] is None for row in item.rows)
        if (
            question.kind not in TEXT_KINDS
            and question.pk in means
            and (not public or total >= SMALL_CELL)
            and not hides_a_count
        ):
            item.mean = round(float(means[question.pk]), 2)
        if public and total < SMALL_CELL:
            item.total = None
        item.texts = texts.get(question.pk, [])
        results.append(item)
    responses = aggregates["responses"]
    return SurveyResults(
        survey=survey,
        responses=None if public and responses < SMALL_CELL else responses,
        questions=results,
    )


BREAKDOWNS = {
    "language": ("response__language", _("Language")),
    "neighborhood": ("response__neighborhood__name", _("Neighborhood")),
    "age_band": ("response__user__demographics__age_band", _("Age")),
    "gender": ("response__user__demographics__gender", _("Gender")),
    "income_band": ("response__user__demographics__income_band", _("Household income")),
    "disability": ("response__user__demographics__disability", _("Disability")),
}
DEMOGRAPHIC_BREAKDOWNS = {"age_band", "gender", "income_band", "disability"}


def _group_names(by: str) -> dict:
    """Readable names for stored codes: languages and self-described answers."""
    if by == "language":
        return dict(settings.LANGUAGES)
    choices = {
        "age_band": AgeBand,
        "gender": Gender,
        "income_band": IncomeBand,
        "disability": Disability,
    }.get(by)
    return dict(choices.choices) if choices else {}


def breakdown(*, question: Question, by: str, public: bool) -> dict:
    """Answers to one choice or scale question by a group; demographics only from people who
    answered a linked (not anonymous) survey and consented to describe themselves."""
    path, label = BREAKDOWNS[by]
    if by in DEMOGRAPHIC_BREAKDOWNS and question.survey.anonymity == Anonymity.ANONYMOUS:
        return {"label": label, "rows": [], "columns": [], "lines": [], "unavailable": True}
    key = "choice_id" if question.has_choices else "number"
    answers = Answer.objects.filter(question=question).exclude(**{f"{key}__isnull": True})
    if by in DEMOGRAPHIC_BREAKDOWNS:
        answers = answers.filter(response__user__demographics__isnull=False).exclude(**{path: ""})
    table = {
        (group or "—", value if key == "choice_id" else int(value)): n
        for group, value, n in answers.values_list(path, key).annotate(n=Count("pk")).order_by()
    }
    if question.has_choices:
        columns = [(choice.pk, choice.text) for choice in question.choices.all()]
    elif question.kind == QuestionKind.AGREEMENT:
        columns = list(AGREEMENT_LABELS.items())
    else:
        columns = [(value, str(value)) for value in range(11)]
    rows = sorted({group for group, _value in table})
    names = _group_names(by)
    cells = (
        suppress_table(table, rows, [c for c, _l in columns])
        if public
        else {(row, column): table.get((row, column), 0) for row in rows for column, _l in columns}
    )
    return {
        "label": label,
        "rows": rows,
        "columns": columns,
        "lines": [
            (names.get(row, row), [cells[(row, column)] for column, _l in columns]) for row in rows
        ],
        "unavailable": False,
    }


def trust_trend(*, public: bool = True) -> dict:
    """Average agreement (1-5) and share agreeing per trust question across survey waves.

    Public figures give nothing a reader could combine into a hidden count: where the wave's
    results page shows the answer counts, the mean and share appear only when that page hides none
    of them (with two hidden, the mean or the share is the equation that gives both back). Where
    it does not, only the share appears, and only when those agreeing and the others are each 0 or
    at least SMALL_CELL; the mean, with the share and the total, could pin a handful down.
    """
    rows = (
        Answer.objects.filter(
            question__bank_key__gt="", question__survey__trust_wave__gt="", number__isnull=False
        )
        .exclude(question__survey__status=SurveyStatus.DRAFT)
        .values_list(
            "question__survey__trust_wave",
            "question__survey__opened_at",
            "question__bank_key",
            "question__survey__results_published",
            "question__publish_results",
            "number",
        )
        .annotate(n=Count("pk"))
        .order_by("question__survey__opened_at")
    )
    waves: list[str] = []
    counts: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    on_results_page: dict[tuple[str, str], bool] = {}
    for wave, _opened, key, results_published, publish_results, number, n in rows:
        if wave not in waves:
            waves.append(wave)
        counts[(key, wave)][int(number)] = counts[(key, wave)].get(int(number), 0) + n
        on_results_page[(key, wave)] = results_published and publish_results
    series: dict[str, dict[str, dict]] = defaultdict(dict)
    for (key, wave), by_value in counts.items():
        series[key][wave] = _trend_cell(by_value, public, on_results_page[(key, wave)])
    return {
        "waves": waves,
        "rows": [
            {
                "key": key,
                "label": BANK_LABELS.get(key, key),
                "values": [series[key].get(wave) for wave in waves],
            }
            for key in BANK_LABELS
            if key in series
        ],
    }


def _trend_cell(by_value: dict[int, int], public: bool, on_results_page: bool) -> dict:
    n = sum(by_value.values())
    agree = sum(count for value, count in by_value.items() if value >= 4)
    mean = round(sum(value * count for value, count in by_value.items()) / n, 2)
    share = round(100 * agree / n)
    if not public:
        return {"n": n, "mean": mean, "agree": share}
    if n < SMALL_CELL:
        return {"n": None, "mean": None, "agree": None}
    # How many agree and how many do not: a pair of counts like any other.
    if any(0 < part < SMALL_CELL for part in (agree, n - agree)):
        return {"n": n, "mean": None, "agree": None}
    if on_results_page:
        # The results page suppressed its counts with the agreeing sum as a line of its own,
        # so the share adds nothing; the mean (a weighted sum) only when nothing is hidden.
        shown = public_agreement_counts([by_value.get(value, 0) for value in range(1, 6)], n)
        return {"n": n, "mean": None if None in shown else mean, "agree": share}
    return {"n": n, "mean": None, "agree": share}


def responses_for_export(*, survey: Survey) -> QuerySet[Response]:
    return (
        survey.responses.select_related("neighborhood", "user")
        .prefetch_related("answers__choice")
        .order_by("submitted_on")
    )
