"""A survey's responses for a public-records request: nothing that identifies who answered, and
every free-text answer marked for a records officer to review before release.

Left out for every anonymity mode: the respondent (user, email, name), the response's id, any
participation key or invitation token, and any time finer than the date. Rows come in date order
and, within a day, in the random order of the response ids, so order reveals nothing either. A
neighborhood or language that fewer than SMALL_CELL responses share is withheld (with the next
smallest when it is the only one), and so is the paper flag when few answered on paper or online:
in a small group it points at the person as surely as a name.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from engagements.suppression import SMALL_CELL

from .models import Question, Response, ResponseMode, Survey
from .selectors import survey_questions


@dataclass
class RecordsExport:
    preamble: list[list[str]]
    header: list[str]
    rows: Iterator[list[str]]
    response_count: int


def review_marker() -> str:
    return _("[REVIEW BEFORE RELEASE]")


def _responses(survey: Survey) -> QuerySet[Response]:
    # No select_related("user"): the respondent is never read.
    return (
        survey.responses.select_related("neighborhood")
        .prefetch_related("answers__choice")
        .only("id", "survey_id", "submitted_on", "language", "mode", "neighborhood__name")
        .order_by("submitted_on", "id")
    )


def _cell(question: Question, values: list[str]) -> str:
    text = "; ".join(value for value in values if value)
    if question.is_text and text:
        return f"{review_marker()} {text}"
    return text


def _withheld_groups(survey: Survey, field: str) -> set:
    """Values fewer than SMALL_CELL responses share; when that is a single value, the next
    smallest too, or the one missing from a known list (the survey's languages) would name it."""
    sizes = {
        row[field]: row["n"]
        for row in survey.responses.values(field).annotate(n=Count("pk")).order_by()
        if row[field] is not None
    }
    withheld = {value for value, n in sizes.items() if n < SMALL_CELL}
    if len(withheld) == 1 and len(sizes) > 1:
        withheld.add(
            min((n, str(value), value) for value, n in sizes.items() if value not in withheld)[2]
        )
    return withheld


def _paper_withheld(survey: Survey) -> bool:
    paper = survey.responses.filter(mode=ResponseMode.PAPER).count()
    online = survey.responses.count() - paper
    return any(0 < part < SMALL_CELL for part in (paper, online))


def survey_public_records(*, survey: Survey, today: date) -> RecordsExport:
    questions = survey_questions(survey=survey)
    responses = _responses(survey)
    few_neighborhood = _withheld_groups(survey, "neighborhood_id")
    few_language = _withheld_groups(survey, "language")
    paper_withheld = _paper_withheld(survey)
    withheld = _("withheld: fewer than %(count)s") % {"count": SMALL_CELL}
    preamble = [
        [_("Public records export"), survey.title],
        [_("Exported on"), today.isoformat()],
        [
            _("Warning"),
            _(
                "Identity fields are removed, but free-text answers may contain personal "
                "information. Every free-text answer is marked %(marker)s: review and redact it "
                "before release."
            )
            % {"marker": review_marker()},
        ],
        [],
    ]
    header = [
        _("Response"),
        _("Date"),
        _("Language"),
        _("Paper"),
        _("Neighborhood"),
        *(question.text for question in questions),
        _("Review before release"),
    ]

    def rows() -> Iterator[list[str]]:
        for number, response in enumerate(responses.iterator(chunk_size=500), start=1):
            by_question: dict[int, list[str]] = {}
            for answer in response.answers.all():
                if answer.choice_id:
                    value = answer.choice.text
                elif answer.number is not None:
                    value = str(answer.number)
                else:
                    value = answer.text
                by_question.setdefault(answer.question_id, []).append(value)
            cells = [_cell(question, by_question.get(question.pk, [])) for question in questions]
            has_free_text = any(
                question.is_text and cell for question, cell in zip(questions, cells, strict=True)
            )
            yield [
                str(number),
                response.submitted_on.isoformat(),
                withheld if response.language in few_language else response.language,
                withheld
                if paper_withheld
                else _("yes")
                if response.mode == ResponseMode.PAPER
                else "",
                ""
                if not response.neighborhood_id
                else withheld
                if response.neighborhood_id in few_neighborhood
                else response.neighborhood.name,
                *cells,
                _("yes") if has_free_text else _("no"),
            ]

    return RecordsExport(
        preamble=preamble, header=header, rows=rows(), response_count=responses.count()
    )
