"""Results: counts and percentages, small cells suppressed (derivable ones too), breakdowns,
exports safe in spreadsheets, who may see what, the trust trend, and a fixed query count."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Demographics
from engagements.suppression import suppress, suppress_table
from surveys.models import Anonymity, Response, Survey, SurveyStatus
from surveys.selectors import breakdown, survey_results, trust_trend
from surveys.services import (
    response_submit,
    survey_add_trust_bank,
    survey_close,
    survey_open,
    survey_save,
)
from tests.factories import EngagementFactory, NeighborhoodFactory, UserFactory
from tests.surveys.conftest import answers_for, make_survey

pytestmark = pytest.mark.django_db


def _submit(survey, count, *, language="en", neighborhood=None, user=None, **answers):
    for _number in range(count):
        response_submit(
            survey=survey,
            answers={int(key[1:]): value for key, value in answers_for(survey, **answers).items()},
            language=language,
            neighborhood=neighborhood,
            user=user,
        )


# --- suppression ---------------------------------------------------------------------------------


def test_small_counts_are_hidden_and_zero_is_shown():
    assert suppress([40, 20, 0], 60) == ([40, 20, 0], 60)
    assert suppress([40, 5, 3], 48) == ([40, None, None], 48)


def test_a_hidden_count_that_the_total_would_reveal_hides_the_next_smallest():
    # 5 alone hidden: 65 - 40 - 20 would give it away, so the smaller of the others goes too.
    assert suppress([40, 20, 5], 65) == ([40, None, None], 65)
    assert suppress([40, 5, 0], 45) == ([None, None, 0], 45)


def test_a_small_total_hides_everything():
    assert suppress([6, 4], 10) == ([None, None], None)
    assert suppress([11, 0], 11) == ([11, 0], 11)


def test_two_way_tables_hide_derivable_cells_in_rows_and_columns():
    table = {("A", 1): 30, ("A", 2): 4, ("B", 1): 25, ("B", 2): 40}
    cells = suppress_table(table, ["A", "B"], [1, 2])
    # (A,2)=4 is small; row A would reveal it, so (A,1) goes; then column 1 has one hidden cell,
    # so (B,1) goes; then row B has one hidden, so (B,2) goes too.
    assert cells[("A", 2)] is None
    assert cells[("A", 1)] is None
    for row in ("A", "B"):
        assert sum(cells[(row, column)] is None for column in (1, 2)) != 1
    for column in (1, 2):
        assert sum(cells[(row, column)] is None for row in ("A", "B")) != 1


def test_public_results_suppress_small_cells_including_derivable_ones(client, staff):
    survey = make_survey(staff=staff, results_published=True)
    _submit(survey, 40, walk="Yes", safe=4)
    _submit(survey, 3, walk="No", safe=None)
    results = survey_results(survey=survey, public=True)
    walk = results.questions[0]
    assert [row["count"] for row in walk.rows] == [None, None]  # 3 hidden, so 40 would reveal it
    assert walk.total == 43
    staff_view = survey_results(survey=survey, public=False)
    assert [row["count"] for row in staff_view.questions[0].rows] == [40, 3]

    page = client.get(reverse("surveys:results", kwargs={"pk": survey.pk})).content.decode()
    assert "93%" not in page
    assert "7%" not in page
    assert "More lights" not in page  # free text stays with staff
    assert "What would help?" not in page
    assert "<table" in page  # every chart has its table


def test_the_public_mean_is_hidden_when_it_would_give_hidden_counts_back(staff):
    # Agreement answers [0, 0, 0, 40, 3]: the 3 is hidden and the 40 with it; with the total (43)
    # shown, a mean of 4.07 would give both back.
    survey = make_survey(staff=staff, results_published=True)
    _submit(survey, 40, safe=4)
    _submit(survey, 3, safe=5)
    safe = survey_results(survey=survey, public=True).questions[1]
    assert safe.total == 43
    assert None in [row["count"] for row in safe.rows]
    assert safe.mean is None
    assert survey_results(survey=survey, public=False).questions[1].mean == 4.07


def test_unpublished_results_and_questions_stay_with_staff(client, staff):
    survey = make_survey(staff=staff)
    _submit(survey, 12)
    url = reverse("surveys:results", kwargs={"pk": survey.pk})
    assert client.get(url).status_code == 404
    survey_save(
        engagement=survey.engagement,
        survey=survey,
        values={"results_published": True},
        created_by=staff,
    )
    safe = survey.questions.get(position=2)
    safe.publish_results = False
    safe.save()
    page = client.get(url).content.decode()
    assert "Do you walk at night?" in page
    assert "I feel safe walking at night." not in page


def test_a_draft_survey_is_not_public(client, staff):
    survey = make_survey(open_it=False, staff=staff, results_published=True)
    for name in ("answer", "results", "print", "thanks"):
        assert client.get(reverse(f"surveys:{name}", kwargs={"pk": survey.pk})).status_code == 404


def test_breakdowns_by_language_neighborhood_and_consented_demographics(staff):
    survey = make_survey(staff=staff, anonymity=Anonymity.CONFIDENTIAL)
    north = NeighborhoodFactory(name_en="North")
    for person in UserFactory.create_batch(12):
        _submit(survey, 1, language="es", neighborhood=north, user=person)
    question = survey.questions.get(position=1)
    by_language = breakdown(question=question, by="language", public=True)
    assert by_language["lines"] == [("Spanish", [12, 0])]
    by_place = breakdown(question=question, by="neighborhood", public=False)
    assert by_place["lines"] == [("North", [12, 0])]

    consented = UserFactory()
    Demographics.objects.create(user=consented, age_band="25_34", consented_at=timezone.now())
    declined = UserFactory()  # no demographics: not counted in that breakdown
    for person in (consented, declined):
        _submit(survey, 1, user=person)
    by_age = breakdown(question=question, by="age_band", public=False)
    assert by_age["lines"] == [("25 to 34", [1, 0])]
    assert Response.objects.filter(user=declined).exists()
    assert breakdown(question=question, by="age_band", public=True)["lines"] == [
        ("25 to 34", [None, 0])
    ]

    anonymous = make_survey(staff=staff)
    assert breakdown(question=anonymous.questions.get(position=1), by="age_band", public=False)[
        "unavailable"
    ]


# --- export --------------------------------------------------------------------------------------


def test_the_csv_export_neutralises_formulas(client, staff):
    survey = make_survey(staff=staff)
    _submit(survey, 1, text='=HYPERLINK("http://evil.example","click")')
    _submit(survey, 1, text="+1+1")
    client.force_login(staff)
    export = client.get(reverse("staff:surveys:export", kwargs={"pk": survey.pk}))
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    texts = {row[-1] for row in rows[1:]}
    assert texts == {'\'=HYPERLINK("http://evil.example","click")', "'+1+1"}


# --- who may see what ----------------------------------------------------------------------------


STAFF_PAGES = [
    ("staff:surveys:list", "engagement"),
    ("staff:surveys:edit", "survey"),
    ("staff:surveys:question_create", "survey"),
    ("staff:surveys:preview", "preview"),
    ("staff:surveys:invitations", "survey"),
    ("staff:surveys:paper", "survey"),
    ("staff:surveys:results", "survey"),
    ("staff:surveys:export", "survey"),
]


def _url(name, kind, survey):
    if kind == "engagement":
        return reverse(name, kwargs={"engagement_pk": survey.engagement_id})
    if kind == "preview":
        return reverse(name, kwargs={"pk": survey.pk, "language": "en"})
    return reverse(name, kwargs={"pk": survey.pk})


@pytest.mark.parametrize(("name", "kind"), STAFF_PAGES)
@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 302), ("resident", 403), ("staff", 200), ("admin", 200), ("superuser", 200)],
)
def test_permission_matrix_for_builder_results_and_export(
    client, people, name, kind, who, expected
):
    survey = make_survey(staff=people["staff"])
    _submit(survey, 2, text="private words")
    if who != "anonymous":
        client.force_login(people[who])
    page = client.get(_url(name, kind, survey))
    assert page.status_code == expected, (name, who)
    if expected != 200:
        assert b"private words" not in page.content
    if expected == 302:
        assert "/account/login/" in page["Location"]


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_residents_cannot_change_surveys(client, people, who):
    survey = make_survey(staff=people["staff"], open_it=False)
    if who != "anonymous":
        client.force_login(people[who])
    for url, data in [
        (reverse("staff:surveys:action", kwargs={"pk": survey.pk}), {"action": "open"}),
        (reverse("staff:surveys:paper", kwargs={"pk": survey.pk}), answers_for(survey)),
        (
            reverse(
                "staff:surveys:question_action",
                kwargs={"pk": survey.pk, "question_pk": survey.questions.first().pk},
            ),
            {"action": "delete"},
        ),
    ]:
        assert client.post(url, data).status_code in (302, 403)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT
    assert survey.questions.count() == 3
    assert not Response.objects.exists()


# --- speed ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 200])
def test_results_pages_query_count_does_not_grow_with_responses(
    client, staff, django_assert_max_num_queries, count
):
    survey = make_survey(staff=staff, results_published=True)
    north = NeighborhoodFactory()
    _submit(survey, count, neighborhood=north)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("surveys:results", kwargs={"pk": survey.pk})).status_code == 200
    client.force_login(staff)
    question = survey.questions.get(position=1)
    with django_assert_max_num_queries(20):
        page = client.get(
            reverse("staff:surveys:results", kwargs={"pk": survey.pk}),
            {"question": question.pk, "by": "neighborhood"},
        )
        assert page.status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("surveys:trust")).status_code == 200


# --- trust across waves --------------------------------------------------------------------------


def _trust_wave(staff, wave, agree_count=0, disagree_count=0, by_value=None, published=False):
    survey = survey_save(
        engagement=EngagementFactory(),
        values={"title_en": f"Trust {wave}", "languages": ["en"], "trust_wave": wave},
        created_by=staff,
    )
    survey_add_trust_bank(survey=survey)
    survey = survey_open(survey=survey)
    if published:
        Survey.objects.filter(pk=survey.pk).update(results_published=True)
    questions = list(survey.questions.all())
    by_value = by_value or {"5": agree_count, "2": disagree_count}
    for value, count in by_value.items():
        for _number in range(count):
            response_submit(survey=survey, answers={q.pk: value for q in questions}, language="en")
    survey_close(survey=survey, closed_by=staff)
    return survey


def test_trust_results_form_a_trend_across_waves(client, staff):
    _trust_wave(staff, "2026 spring", agree_count=12, disagree_count=28)
    _trust_wave(staff, "2026 autumn", agree_count=33, disagree_count=11)
    trend = trust_trend(public=True)
    assert trend["waves"] == ["2026 spring", "2026 autumn"]
    trust = next(row for row in trend["rows"] if row["key"] == "trust")
    assert [value["agree"] for value in trust["values"]] == [30, 75]
    assert [value["n"] for value in trust["values"]] == [40, 44]
    # Results not published: the mean, with the share and the total, could pin a few people down.
    assert [value["mean"] for value in trust["values"]] == [None, None]
    page = client.get(reverse("surveys:trust")).content.decode()
    assert "2026 spring" in page
    assert "2026 autumn" in page
    assert "75%" in page
    accountability = client.get(reverse("engagements:accountability")).content.decode()
    assert reverse("surveys:trust") in accountability


def test_the_trend_gives_no_hidden_count_of_the_results_page_back(staff):
    """The review's case: answers 3/12/30/40/15. The results page hides the 3 and the 12 (the
    reader knows they sum to 15); a mean of 3.52 would say which is which, so it is not shown.
    The share agreeing is: the results page already treats that sum as known."""
    survey = _trust_wave(
        staff, "2027", by_value={"1": 3, "2": 12, "3": 30, "4": 40, "5": 15}, published=True
    )
    cell = next(row for row in trust_trend(public=True)["rows"] if row["key"] == "trust")
    assert cell["values"][0] == {"n": 100, "mean": None, "agree": 55}
    results = survey_results(survey=survey, public=True)
    trust = next(item for item in results.questions if item.question.bank_key == "trust")
    assert [row["count"] for row in trust.rows] == [None, None, 30, 40, 15]
    assert trust.mean is None

    # Agree 4 + 5 = 16 with the 5 hidden: the page must hide the 11 too, or the trend's share
    # (16 agree) would give the 5 back.
    survey = _trust_wave(
        staff, "2028", by_value={"1": 20, "2": 20, "3": 20, "4": 11, "5": 5}, published=True
    )
    results = survey_results(survey=survey, public=True)
    trust = next(item for item in results.questions if item.question.bank_key == "trust")
    assert [row["count"] for row in trust.rows][3:] == [None, None]
    staff_cell = next(row for row in trust_trend(public=False)["rows"] if row["key"] == "trust")
    assert staff_cell["values"][0] == {"n": 100, "mean": 3.52, "agree": 55}


def test_a_wave_with_one_small_side_shows_no_share(staff):
    _trust_wave(staff, "2027", agree_count=5, disagree_count=30)
    cell = next(row for row in trust_trend(public=True)["rows"] if row["key"] == "trust")
    assert cell["values"][0] == {"n": 35, "mean": None, "agree": None}


def test_a_small_wave_is_hidden_from_the_public_trend(staff):
    _trust_wave(staff, "pilot", agree_count=3, disagree_count=2)
    trend = trust_trend(public=True)
    assert all(value["n"] is None for row in trend["rows"] for value in row["values"])
    assert trust_trend(public=False)["rows"][0]["values"][0]["n"] == 5


def test_multiple_choice_counts_people_not_ticks_and_new_answers_show_at_once(staff):
    survey = make_survey(staff=staff, open_it=False, results_published=True)
    from surveys.services import question_save

    which = question_save(
        survey=survey,
        values={"kind": "multiple", "text_en": "Which apply?"},
        choices=[{"text_en": "Parks"}, {"text_en": "Traffic"}, {"text_en": "Noise"}],
    )
    survey = survey_open(survey=survey)
    parks, traffic, _noise = which.choices.all()
    base = {int(key[1:]): value for key, value in answers_for(survey).items()}
    for picked in [[parks, traffic]] * 8 + [[parks]] * 4:
        response_submit(
            survey=survey,
            answers={**base, which.pk: [str(choice.pk) for choice in picked]},
            language="en",
        )
    item = next(
        q for q in survey_results(survey=survey, public=False).questions if q.question == which
    )
    assert item.total == 12  # people, though they ticked 20 boxes
    assert [row["count"] for row in item.rows] == [12, 8, 0]
    assert [row["percent"] for row in item.rows] == [100, 67, 0]
    safe = next(
        q for q in survey_results(survey=survey, public=False).questions if q.question.position == 2
    )
    assert safe.mean == 4.0
    # The figures are cached, but under the number of responses: one more shows at once.
    response_submit(survey=survey, answers={**base, which.pk: [str(traffic.pk)]}, language="en")
    item = next(
        q for q in survey_results(survey=survey, public=False).questions if q.question == which
    )
    assert item.total == 13
    assert [row["count"] for row in item.rows] == [12, 9, 0]


def test_survey_chart_values_sit_outside_their_bars_in_arabic_too():
    from django.utils.translation import override

    from surveys.templatetags.survey_charts import bar_chart

    with override("ar"):
        chart = bar_chart([{"label": "Yes", "count": 40, "percent": 80}])
    bar = chart["bars"][0]
    assert bar["value_anchor"] == "start"  # the right edge, with direction="rtl"
    assert bar["value_x"] < bar["bar_x"]
