"""Survey results through the API are exactly the public results page's: small cells hidden, a cell
that the total would give away hidden too, free text never."""

import pytest

from surveys.selectors import survey_results
from tests.api.conftest import SECRETS, submit
from tests.surveys.conftest import make_survey

pytestmark = pytest.mark.django_db


def results(client, survey):
    response = client.get(f"/api/v1/survey-results/{survey.pk}/")
    assert response.status_code == 200
    return response.json()


def test_a_small_cell_and_the_cell_that_would_reveal_it_are_both_hidden(client, staff):
    survey = make_survey(staff=staff, results_published=True)
    submit(survey, 40, walk="Yes", safe=4)
    submit(survey, 3, walk="No", safe=None)

    data = results(client, survey)

    walk, safe = data["questions"]
    assert walk["question"] == "Do you walk at night?"
    # 3 "No" is hidden; with the total of 43 shown, 40 "Yes" would give it away: hidden too.
    assert walk["answered"] == 43
    assert [(row["label"], row["count"], row["percent"]) for row in walk["rows"]] == [
        ("Yes", None, None),
        ("No", None, None),
    ]
    # Zero reveals no one and is shown; 40 people agreeing is not small.
    assert [row["count"] for row in safe["rows"]] == [0, 0, 0, 40, 0]
    assert safe["mean"] == 4.0
    assert data["respondents"] == 43


def test_the_api_shows_what_the_public_page_shows(client, staff):
    survey = make_survey(staff=staff, results_published=True)
    submit(survey, 30, walk="Yes", safe=5)
    submit(survey, 12, walk="No", safe=None)
    page = survey_results(survey=survey, public=True)

    data = results(client, survey)

    assert [[row["count"] for row in q["rows"]] for q in data["questions"]] == [
        [row["count"] for row in q.rows] for q in page.questions
    ]
    assert [row["count"] for row in data["questions"][0]["rows"]] == [30, 12]


def test_fewer_than_eleven_people_hides_every_figure(client, staff):
    survey = make_survey(staff=staff, results_published=True)
    submit(survey, 7, walk="Yes", safe=2)

    data = results(client, survey)

    assert data["respondents"] is None
    for question in data["questions"]:
        assert question["answered"] is None
        assert question["mean"] is None
        assert all(row["count"] is None and row["percent"] is None for row in question["rows"])
    listed = client.get("/api/v1/survey-results/").json()["results"]
    assert [item["respondents"] for item in listed if item["id"] == survey.pk] == [None]


def test_free_text_answers_are_never_published(client, staff):
    survey = make_survey(staff=staff, results_published=True)
    submit(survey, 15, walk="Yes", safe=3, text=SECRETS["free_text"])

    response = client.get(f"/api/v1/survey-results/{survey.pk}/")

    assert SECRETS["free_text"] not in response.content.decode()
    kinds = [question["kind"] for question in response.json()["questions"]]
    assert kinds == ["single", "agreement"]  # the long-text question is left out


def test_a_question_kept_unpublished_is_left_out(client, staff):
    survey = make_survey(staff=staff, results_published=True)
    submit(survey, 15)
    survey.questions.filter(kind="agreement").update(publish_results=False)

    questions = results(client, survey)["questions"]

    assert [question["kind"] for question in questions] == ["single"]
