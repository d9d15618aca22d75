"""The public-records export: nothing that identifies a respondent, free text marked for review."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from surveys.models import Anonymity, Participation
from surveys.records import review_marker
from surveys.services import response_submit
from tests.factories import UserFactory
from tests.surveys.conftest import answers_for, make_survey

pytestmark = pytest.mark.django_db


def _submit(survey, *, user=None, text="More lights", **answers):
    response_submit(
        survey=survey,
        answers={
            int(key[1:]): value for key, value in answers_for(survey, text=text, **answers).items()
        },
        language="en",
        user=user,
    )


def _export(client, survey):
    response = client.get(reverse("staff:surveys:records_export", kwargs={"pk": survey.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8-sig")
    return content, list(csv.reader(io.StringIO(content)))


@pytest.mark.parametrize("anonymity", [Anonymity.IDENTIFIED, Anonymity.CONFIDENTIAL])
def test_no_identity_fields_even_for_identified_surveys(client, staff, anonymity):
    survey = make_survey(anonymity=anonymity, staff=staff)
    respondent = UserFactory(email="dana.resident@example.org", display_name="Dana Resident")
    _submit(survey, user=respondent, text="I live at 12 Elm St")
    _submit(survey, user=UserFactory(), text="")
    client.force_login(staff)
    content, rows = _export(client, survey)

    response_ids = [str(pk) for pk in survey.responses.values_list("pk", flat=True)]
    keys = list(Participation.objects.filter(survey=survey).values_list("key", flat=True))
    assert keys  # the survey did record participations; none may leak
    for secret in ["dana.resident@example.org", "Dana Resident", *response_ids, *keys]:
        assert secret not in content
    # Exactly these columns: no user id, email or name column; a running number, the date only.
    header_index = next(i for i, row in enumerate(rows) if row and row[0] == "Response")
    header, data = rows[header_index], rows[header_index + 1 :]
    questions = [question.text for question in survey.questions.all()]
    assert header == [
        "Response",
        "Date",
        "Language",
        "Paper",
        "Neighborhood",
        *questions,
        "Review before release",
    ]
    assert [row[0] for row in data] == ["1", "2"]
    assert {row[1] for row in data} == {timezone.localdate().isoformat()}


def test_free_text_is_marked_for_review_and_preamble_warns(client, staff):
    survey = make_survey(staff=staff)
    _submit(survey, text="My neighbour John Smith")
    _submit(survey, text="")
    _submit(survey, text='=HYPERLINK("http://evil.example")')
    client.force_login(staff)
    _content, rows = _export(client, survey)
    assert rows[0] == ["Public records export", survey.title]
    assert rows[1] == ["Exported on", timezone.localdate().isoformat()]
    assert "personal information" in rows[2][1]
    header_index = next(i for i, row in enumerate(rows) if row and row[0] == "Response")
    header, data = rows[header_index], rows[header_index + 1 :]
    assert header[-1] == "Review before release"
    text_column = header.index("What would help?")
    marked = {row[text_column]: row[-1] for row in data}
    assert marked == {
        f"{review_marker()} My neighbour John Smith": "yes",
        "": "no",
        f'{review_marker()} =HYPERLINK("http://evil.example")': "yes",
    }
    # Choice answers are not marked.
    assert {row[header.index("Do you walk at night?")] for row in data} == {"Yes"}


def test_results_page_links_the_export(client, staff):
    survey = make_survey(staff=staff)
    client.force_login(staff)
    page = client.get(reverse("staff:surveys:results", kwargs={"pk": survey.pk}))
    assert reverse("staff:surveys:records_export", kwargs={"pk": survey.pk}).encode() in (
        page.content
    )


def test_export_is_logged_with_who(client, staff, caplog):
    survey = make_survey(staff=staff)
    client.force_login(staff)
    with caplog.at_level("INFO", logger="surveys.views.records"):
        _export(client, survey)
    assert f"by user {staff.pk}" in caplog.text


@pytest.mark.parametrize(("who", "status"), [("resident", 403), ("anonymous", 302)])
def test_forbidden_to_non_staff(client, resident, who, status):
    survey = make_survey()
    if who == "resident":
        client.force_login(resident)
    response = client.get(reverse("staff:surveys:records_export", kwargs={"pk": survey.pk}))
    assert response.status_code == status
    assert b"What would help" not in response.content


def test_a_neighborhood_or_language_few_share_is_withheld(client, staff):
    from tests.factories import NeighborhoodFactory

    survey = make_survey(staff=staff)
    places = [
        (NeighborhoodFactory(name_en="Big Place", slug="big-place"), "en", 12),
        (NeighborhoodFactory(name_en="Mid Place", slug="mid-place"), "es", 11),
        (NeighborhoodFactory(name_en="Small Place", slug="small-place"), "vi", 2),
    ]
    for place, language, count in places:
        for _ in range(count):
            _submit(survey)
        fresh = survey.responses.filter(neighborhood__isnull=True)
        survey.responses.filter(pk__in=list(fresh.values_list("pk", flat=True))).update(
            neighborhood=place, language=language
        )
    client.force_login(staff)
    content, rows = _export(client, survey)
    assert "Small Place" not in content
    header_index = next(i for i, row in enumerate(rows) if row and row[0] == "Response")
    header, data = rows[header_index], rows[header_index + 1 :]
    shown_places = [row[header.index("Neighborhood")] for row in data]
    languages = [row[header.index("Language")] for row in data]
    assert shown_places.count("Big Place") == 12
    # The small one alone would be named by elimination: the next smallest goes with it.
    assert "Mid Place" not in content
    assert shown_places.count("withheld: fewer than 11") == 13
    assert languages.count("en") == 12
    assert languages.count("withheld: fewer than 11") == 13
    assert {row[header.index("Paper")] for row in data} == {""}  # nobody answered on paper


def test_the_paper_flag_is_withheld_when_few_answered_on_paper(client, staff):
    from surveys.models import ResponseMode

    survey = make_survey(staff=staff)
    for _ in range(14):
        _submit(survey)
    survey.responses.filter(pk__in=list(survey.responses.values_list("pk", flat=True)[:2])).update(
        mode=ResponseMode.PAPER
    )
    client.force_login(staff)
    _content, rows = _export(client, survey)
    header_index = next(i for i, row in enumerate(rows) if row and row[0] == "Response")
    header, data = rows[header_index], rows[header_index + 1 :]
    assert {row[header.index("Paper")] for row in data} == {"withheld: fewer than 11"}
