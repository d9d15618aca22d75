"""Staff build surveys: kinds of question, conditions, order, translations, the trust bank, paper
entry and closing into the loop."""

import pytest
from django.conf import settings
from django.urls import reverse

from engagements.models import Input, Source
from surveys.bank import TRUST_BANK
from surveys.models import Answer, Question, QuestionKind, Response, ResponseMode, SurveyStatus
from surveys.services import (
    ResponseError,
    SurveyError,
    question_delete,
    question_move,
    question_save,
    response_submit,
    survey_add_trust_bank,
    survey_close,
    survey_missing_translations,
    survey_open,
    survey_save,
)
from tests.factories import EngagementFactory
from tests.surveys.conftest import answers_for, make_survey

pytestmark = pytest.mark.django_db


def _questions(survey):
    return list(survey.questions.order_by("position"))


def test_a_conditional_question_is_asked_only_after_its_choice(client, survey):
    url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    _walk, safe, _text = _questions(survey)
    # "No" hides the required follow-up: not answering it is fine and nothing is stored for it.
    page = client.post(url, answers_for(survey, walk="No", safe=None))
    assert page.status_code == 302
    assert not Answer.objects.filter(question=safe).exists()

    # "Yes" makes the follow-up required.
    survey2 = make_survey()
    _walk2, _safe2, _ = _questions(survey2)
    page = client.post(
        reverse("surveys:answer", kwargs={"pk": survey2.pk}),
        answers_for(survey2, walk="Yes", safe=None),
    )
    assert page.status_code == 200
    assert "Please answer: I feel safe walking at night." in page.content.decode()
    assert not Response.objects.filter(survey=survey2).exists()


def test_an_answer_to_a_hidden_question_is_dropped(survey):
    walk, safe, _text = _questions(survey)
    answers = {
        walk.pk: str(walk.choices.get(text_en="No").pk),
        safe.pk: "5",  # sent anyway, e.g. by a stale form
    }
    response_submit(survey=survey, answers=answers, language="en")
    assert not Answer.objects.filter(question=safe).exists()
    assert Answer.objects.filter(question=walk).count() == 1


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (QuestionKind.AGREEMENT, "6"),
        (QuestionKind.RATING, "11"),
        (QuestionKind.RATING, "2.5"),
        (QuestionKind.NUMBER, "many"),
    ],
)
def test_out_of_range_answers_are_refused(kind, value):
    survey = make_survey(open_it=False)
    question = question_save(survey=survey, values={"kind": kind, "text_en": "How much?"})
    survey_open(survey=survey)
    walk = _questions(survey)[0]
    with pytest.raises(ResponseError):
        response_submit(
            survey=survey,
            answers={walk.pk: str(walk.choices.first().pk), question.pk: value},
            language="en",
        )
    assert not Response.objects.exists()


def test_every_kind_of_question_is_answered_through_the_form(client, staff):
    survey = make_survey(open_it=False, staff=staff)
    extra = {}
    for kind, text in [
        (QuestionKind.MULTIPLE, "Which apply?"),
        (QuestionKind.RATING, "Rate us"),
        (QuestionKind.NUMBER, "How many years here?"),
        (QuestionKind.SHORT_TEXT, "One word"),
    ]:
        choices = [{"text_en": "Parks"}, {"text_en": "Traffic"}] if kind == "multiple" else ()
        extra[kind] = question_save(
            survey=survey, values={"kind": kind, "text_en": text}, choices=choices
        )
    survey_open(survey=survey)
    multiple = extra[QuestionKind.MULTIPLE]
    data = {
        **answers_for(survey),
        f"q{multiple.pk}": [str(choice.pk) for choice in multiple.choices.all()],
        f"q{extra[QuestionKind.RATING].pk}": "9",
        f"q{extra[QuestionKind.NUMBER].pk}": "12",
        f"q{extra[QuestionKind.SHORT_TEXT].pk}": "Lights",
    }
    assert client.post(reverse("surveys:answer", kwargs={"pk": survey.pk}), data).status_code == 302
    assert Answer.objects.filter(question=multiple).count() == 2
    assert Answer.objects.get(question=extra[QuestionKind.NUMBER]).number == 12
    assert Answer.objects.get(question=extra[QuestionKind.SHORT_TEXT]).text == "Lights"


def test_a_survey_cannot_open_in_a_language_it_lacks_and_says_what_is_missing(client, staff):
    survey = make_survey(languages=("en", "vi", "es"), open_it=False, staff=staff)
    missing = survey_missing_translations(survey=survey)
    assert set(missing) == {"es"}
    assert "the survey title" in missing["es"]
    assert "question 1" in missing["es"]
    assert "a choice of question 1" in missing["es"]
    with pytest.raises(SurveyError, match="Spanish"):
        survey_open(survey=survey)

    client.force_login(staff)
    edit = client.get(reverse("staff:surveys:edit", kwargs={"pk": survey.pk})).content.decode()
    assert "a choice of question 1" in edit
    client.post(reverse("staff:surveys:action", kwargs={"pk": survey.pk}), {"action": "open"})
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT

    survey_save(
        engagement=survey.engagement,
        survey=survey,
        values={"languages": ["en", "vi"]},
        created_by=staff,
    )
    client.post(reverse("staff:surveys:action", kwargs={"pk": survey.pk}), {"action": "open"})
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


def test_staff_build_a_question_with_choices_through_the_pages(client, staff):
    survey = make_survey(open_it=False, staff=staff)
    client.force_login(staff)
    walk_yes = _questions(survey)[0].choices.get(text_en="Yes")
    page = client.post(
        reverse("staff:surveys:question_create", kwargs={"pk": survey.pk}),
        {
            "kind": QuestionKind.SINGLE,
            "text_en": "Where do you feel least safe?",
            "text_vi": "Quý vị cảm thấy kém an toàn nhất ở đâu?",
            "show_if_choice": walk_yes.pk,
            "publish_results": "on",
            "choices-TOTAL_FORMS": "3",
            "choices-INITIAL_FORMS": "0",
            "choices-0-text_en": "Parks",
            "choices-0-text_vi": "Công viên",
            "choices-1-text_en": "Bus stops",
            "choices-1-text_vi": "Trạm xe buýt",
            "choices-2-text_en": "",
        },
    )
    assert page.status_code == 302
    question = survey.questions.get(text_en="Where do you feel least safe?")
    assert [c.text_vi for c in question.choices.all()] == ["Công viên", "Trạm xe buýt"]
    assert question.show_if_choice == walk_yes

    preview = client.get(
        reverse("staff:surveys:preview", kwargs={"pk": survey.pk, "language": "vi"})
    ).content.decode()
    assert "Quý vị cảm thấy kém an toàn nhất ở đâu?" in preview
    assert "Trạm xe buýt" in preview


def test_questions_reorder_and_delete_and_conditions_stay_on_earlier_questions(staff):
    survey = make_survey(open_it=False, staff=staff)
    walk, safe, text = _questions(survey)
    question_move(question=text, up=True)
    assert _questions(survey) == [walk, text, safe]
    # Moving the condition's question below its dependant drops the condition.
    question_move(question=walk, up=False)
    question_move(question=walk, up=False)
    assert _questions(survey) == [text, safe, walk]
    safe.refresh_from_db()
    assert safe.show_if_choice is None
    question_delete(question=text)
    assert _questions(survey) == [safe, walk]


def test_a_question_cannot_depend_on_a_later_one(staff):
    survey = make_survey(open_it=False, staff=staff)
    walk, _safe, text = _questions(survey)
    with pytest.raises(SurveyError):
        question_save(
            survey=survey,
            question=walk,
            values={"show_if_choice": _questions(survey)[0].choices.first()},
        )
    other = make_survey(open_it=False, staff=staff)
    with pytest.raises(SurveyError):
        question_save(
            survey=survey,
            question=text,
            values={"show_if_choice": _questions(other)[0].choices.first()},
        )


def test_questions_are_frozen_once_open_and_the_promise_cannot_change(staff):
    survey = make_survey(staff=staff)
    with pytest.raises(SurveyError):
        question_save(survey=survey, values={"kind": "short_text", "text_en": "Late addition"})
    with pytest.raises(SurveyError):
        question_delete(question=_questions(survey)[0])
    with pytest.raises(SurveyError, match="anonymity"):
        survey_save(
            engagement=survey.engagement,
            survey=survey,
            values={"anonymity": "identified"},
            created_by=staff,
        )


def test_the_trust_bank_arrives_translated_into_every_language(staff):
    survey = survey_save(
        engagement=EngagementFactory(),
        values={
            "title_en": "Trust 2027",
            "title_es": "Confianza 2027",
            "title_vi": "Niềm tin 2027",
            "title_zh_hans": "信任 2027",
            "title_ar": "الثقة 2027",
            "languages": [code for code, _name in settings.LANGUAGES],
            "trust_wave": "2027 spring",
        },
        created_by=staff,
    )
    added = survey_add_trust_bank(survey=survey)
    assert len(added) == len(TRUST_BANK) == 7
    keys = set(survey.questions.values_list("bank_key", flat=True))
    assert {"pj_respect", "pj_voice", "pj_neutrality", "pj_motives", "safety"} <= keys
    for question in survey.questions.all():
        assert question.kind == QuestionKind.AGREEMENT
        texts = {question.text_en, question.text_es, question.text_vi, question.text_zh_hans}
        assert len(texts | {question.text_ar}) == 5, question.text_en
    assert survey_add_trust_bank(survey=survey) == []  # not twice
    assert survey_missing_translations(survey=survey) == {}
    survey_open(survey=survey)


def test_paper_responses_are_entered_by_staff_and_marked_paper(client, staff, survey):
    client.force_login(staff)
    data = {**answers_for(survey), "paper_language": "vi"}
    page = client.post(reverse("staff:surveys:paper", kwargs={"pk": survey.pk}), data)
    assert page.status_code == 302
    response = Response.objects.get()
    assert response.mode == ResponseMode.PAPER
    assert response.user is None
    assert response.language == "vi"
    # Staff may enter several paper forms; each is its own response.
    client.post(reverse("staff:surveys:paper", kwargs={"pk": survey.pk}), data)
    assert Response.objects.filter(mode=ResponseMode.PAPER).count() == 2


def test_the_printable_version_lists_every_question_and_choice(client, survey):
    page = client.get(reverse("surveys:print", kwargs={"pk": survey.pk})).content.decode()
    for question in survey.questions.all():
        assert question.text_en in page
    assert "Strongly agree" in page
    assert "Yes" in page


def test_closing_a_survey_puts_its_results_into_the_loop(staff):
    survey = make_survey(staff=staff)
    for _number in range(12):
        response_submit(
            survey=survey,
            answers={int(key[1:]): value for key, value in answers_for(survey, safe=4).items()},
            language="en",
        )
    survey_close(survey=survey, closed_by=staff)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    inputs = Input.objects.filter(engagement=survey.engagement, source=Source.SURVEY_SUMMARY)
    # One per published non-text question; free text stays with staff.
    assert inputs.count() == 2
    texts = " ".join(inputs.values_list("text", flat=True))
    assert "Yes: 100%" in texts
    assert "Agree: 100%" in texts
    assert "More lights" not in texts
    with pytest.raises(SurveyError):
        survey_close(survey=survey, closed_by=staff)
    with pytest.raises(SurveyError):
        survey_open(survey=survey)


def test_closing_with_few_answers_hides_them_in_the_inputs(staff):
    survey = make_survey(staff=staff)
    response_submit(
        survey=survey,
        answers={int(key[1:]): value for key, value in answers_for(survey).items()},
        language="en",
    )
    survey_close(survey=survey, closed_by=staff)
    text = Input.objects.filter(source=Source.SURVEY_SUMMARY).first().text
    assert "fewer than 11" in text
    assert "100%" not in text


def test_question_kinds_without_choices_lose_stale_choices(staff):
    survey = make_survey(open_it=False, staff=staff)
    walk = _questions(survey)[0]
    question_save(survey=survey, question=walk, values={"kind": QuestionKind.SHORT_TEXT})
    assert not Question.objects.get(pk=walk.pk).choices.exists()
