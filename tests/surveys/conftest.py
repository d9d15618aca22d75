import pytest

from surveys.models import Access, Anonymity, QuestionKind
from surveys.services import question_save, survey_open, survey_save
from tests.factories import EngagementFactory


def make_survey(
    *,
    anonymity=Anonymity.ANONYMOUS,
    access=Access.LINK,
    languages=("en",),
    open_it=True,
    staff=None,
    **extra,
):
    from tests.factories import staff_user

    staff = staff or staff_user()
    survey = survey_save(
        engagement=EngagementFactory(),
        values={
            "title_en": "Neighborhood safety",
            "title_vi": "An ninh khu phố",
            "anonymity": anonymity,
            "access": access,
            "languages": list(languages),
            **extra,
        },
        created_by=staff,
    )
    walk = question_save(
        survey=survey,
        values={
            "kind": QuestionKind.SINGLE,
            "text_en": "Do you walk at night?",
            "text_vi": "Quý vị có đi bộ ban đêm không?",
            "required": True,
        },
        choices=[{"text_en": "Yes", "text_vi": "Có"}, {"text_en": "No", "text_vi": "Không"}],
    )
    yes = walk.choices.get(text_en="Yes")
    question_save(
        survey=survey,
        values={
            "kind": QuestionKind.AGREEMENT,
            "text_en": "I feel safe walking at night.",
            "text_vi": "Tôi thấy an toàn khi đi bộ ban đêm.",
            "required": True,
            "show_if_choice": yes,
        },
    )
    question_save(
        survey=survey,
        values={
            "kind": QuestionKind.LONG_TEXT,
            "text_en": "What would help?",
            "text_vi": "Điều gì sẽ giúp ích?",
        },
    )
    if open_it:
        survey_open(survey=survey)
    survey.refresh_from_db()
    return survey


@pytest.fixture
def survey(db):
    return make_survey()


def answers_for(survey, *, walk="Yes", safe=4, text="More lights"):
    walk_q, safe_q, text_q = list(survey.questions.order_by("position"))[:3]
    return {
        f"q{walk_q.pk}": str(walk_q.choices.get(text_en=walk).pk),
        f"q{safe_q.pk}": str(safe) if safe is not None else "",
        f"q{text_q.pk}": text,
    }
