"""Participation equity: people counted once, set against community figures, under-represented
groups named, small cells hidden with the cells that would reveal them, staff only."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Demographics
from engagements.models.loop import Source
from insights.equity import equity_report, people_in_period
from programs.services import registration_check_in, registration_create
from programs.services.registrations import Guest, registration_confirm_guest
from tests.factories import UserFactory, admin_user, session_factory, staff_user
from tests.insights.conftest import give_input, residents

pytestmark = pytest.mark.django_db


def _report():
    today = timezone.localdate()
    return equity_report(start=today - timedelta(days=30), end=today)


def _groups(report, key):
    return {group.label: group for group in report.dimension(key).groups}


def test_representation_figures_on_known_data(town):
    # 30 English speakers in Hill and 12 Spanish speakers in Dale: 42 people.
    for user in residents(30, neighborhood=town["hill"], language="en"):
        give_input(user=user, engagement=town["engagement"])
    for user in residents(12, neighborhood=town["dale"], language="es"):
        give_input(user=user, engagement=town["engagement"])

    report = _report()
    assert report.total == 42
    places = _groups(report, "neighborhood")
    assert places["Hill"].participants == 30
    assert places["Hill"].community_share == pytest.approx(0.6)
    assert places["Hill"].ratio == pytest.approx(round((30 / 42) / 0.6, 2))
    assert places["Dale"].ratio == pytest.approx(round((12 / 42) / 0.4, 2))  # 0.71
    assert places["Dale"].under_represented
    assert not places["Hill"].under_represented

    languages = _groups(report, "language")
    assert languages["Vietnamese"].community_share == pytest.approx(0.12)
    assert languages["Vietnamese"].participants == 0
    assert languages["Vietnamese"].ratio == 0
    assert languages["Vietnamese"].under_represented
    assert languages["Spanish"].ratio == pytest.approx(round((12 / 42) / 0.2, 2))
    assert not languages["Spanish"].under_represented
    assert [g.label for g in report.dimension("language").under_represented] == ["Vietnamese"]


def test_a_person_counts_once_however_they_took_part(town):
    person = UserFactory(neighborhood=town["hill"])
    give_input(user=person, engagement=town["engagement"])
    give_input(user=person, engagement=town["engagement"], source=Source.COMMENT_CARD)
    session = session_factory(capacity=10)
    registration = registration_create(session=session, user=person, language="en")
    registration_check_in(registration=registration)
    # A guest who wrote in and came to the session under the same email is one person too.
    give_input(engagement=town["engagement"], email="Guest@Example.org")
    guest = registration_create(
        session=session, guest=Guest(name="G", email="guest@example.org"), language="es"
    )
    registration_check_in(registration=registration_confirm_guest(registration=guest))

    people = people_in_period(
        start=timezone.localdate() - timedelta(days=30), end=timezone.localdate()
    )
    assert len(people) == 2
    assert people[f"u:{person.pk}"].activities == {"input", "attended"}
    assert people[f"u:{person.pk}"].channels == {"online", "in_person"}
    assert people[f"u:{person.pk}"].neighborhood_id == town["hill"].pk


def test_small_cells_are_hidden_with_the_cell_that_would_reveal_them(town):
    for user in residents(30, neighborhood=town["hill"]):
        give_input(user=user, engagement=town["engagement"])
    for user in residents(12, neighborhood=town["dale"]):
        give_input(user=user, engagement=town["engagement"])
    from tests.factories import NeighborhoodFactory

    small = NeighborhoodFactory(name_en="Glen", slug="glen")
    for user in residents(3, neighborhood=small):
        give_input(user=user, engagement=town["engagement"])

    report = _report()
    places = _groups(report, "neighborhood")
    assert report.total == 45
    assert places["Glen"].participants is None  # 3: a small cell
    # With the total shown, Glen = 45 - 30 - 12; so the next smallest (Dale) is hidden too, with
    # its share and ratio, which would give it back.
    assert places["Dale"].participants is None
    assert places["Dale"].share is None
    assert places["Dale"].ratio is None
    assert places["Hill"].participants == 30
    # Being under-represented is still said: it is the point of the page, and reveals no count.
    assert places["Dale"].under_represented


def test_demographics_only_of_people_who_consented(town):
    people = residents(12, neighborhood=town["hill"])
    for index, user in enumerate(people):
        give_input(user=user, engagement=town["engagement"])
        if index < 11:
            Demographics.objects.create(
                user=user, consented_at=timezone.now(), age_band="25_34", race_ethnicity=["asian"]
            )
    ages = _groups(_report(), "age_band")
    assert ages["25 to 34"].participants == 11
    assert ages["25 to 34"].share == 1.0
    assert ages["25 to 34"].ratio == pytest.approx(2.0)
    assert ages["65 or older"].under_represented
    races = _groups(_report(), "race_ethnicity")
    assert races["Asian"].participants == 11


def test_anonymous_survey_answers_and_board_words_are_not_people(town):
    give_input(engagement=town["engagement"], source=Source.SURVEY_SUMMARY)
    give_input(engagement=town["engagement"], source=Source.BOARD_RECOMMENDATION)
    assert _report().total == 0


def test_page_names_the_under_represented_and_the_csv_matches(client, town):
    for user in residents(30, neighborhood=town["hill"], language="en"):
        give_input(user=user, engagement=town["engagement"])
    for user in residents(12, neighborhood=town["dale"], language="es"):
        give_input(user=user, engagement=town["engagement"])
    client.force_login(staff_user())
    response = client.get(reverse("staff:insights:equity"))
    assert response.status_code == 200
    page = response.content.decode()
    summary = page.split('id="under-represented"')[1].split("</div>")[0]
    assert "Dale" in summary
    assert "Vietnamese" in summary
    assert "Hill" not in summary

    response = client.get(reverse("staff:insights:equity_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    dale = next(row for row in rows if row[:2] == ["Neighborhood", "Dale"])
    assert dale[2] == "12"
    assert dale[5] == "0.71"
    assert dale[6] == "yes"


def test_bad_period_gets_a_clear_error(client, town):
    client.force_login(staff_user())
    response = client.get(
        reverse("staff:insights:equity"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "The start date must be on or before the end date." in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("resident", 403), ("staff", 200), ("admin", 200)]
)
def test_only_staff_and_admins_see_equity(client, who, status):
    people = {"resident": UserFactory, "staff": staff_user, "admin": admin_user}
    if who in people:
        client.force_login(people[who]())
    for name in ("staff:insights:equity", "staff:insights:equity_csv"):
        assert client.get(reverse(name)).status_code == status


def _queries(client, url) -> int:
    cache.clear()  # the figures of a period are cached; measure their making
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_equity_page_queries_do_not_grow_with_participants(client, town):
    client.force_login(staff_user())
    url = reverse("staff:insights:equity")
    for user in residents(3, neighborhood=town["hill"]):
        give_input(user=user, engagement=town["engagement"])
    few = _queries(client, url)
    for user in residents(25, neighborhood=town["dale"], language="es"):
        give_input(user=user, engagement=town["engagement"])
        Demographics.objects.create(user=user, consented_at=timezone.now(), age_band="65_plus")
    session = session_factory(capacity=40)
    for user in residents(12):
        registration_check_in(
            registration=registration_create(session=session, user=user, language="en")
        )
    assert _queries(client, url) == few


def test_figures_are_kept_for_a_few_minutes_per_period_and_language(client, town):
    client.force_login(staff_user())
    url = reverse("staff:insights:equity")
    client.get(url)
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as spanish:
        assert client.get(url.replace("/en/", "/es/")).status_code == 200
    # The second view reads only the session and the user; Spanish labels are made afresh.
    assert len(again) < len(spanish)


def test_a_share_never_gives_a_hidden_count_back(town):
    """Shares are of the people whose neighborhood is known; a reader who sees a count and its
    share knows that sum, so the groups are suppressed against it, and "not stated" (the total
    minus it) says nothing about anyone and is shown."""
    from tests.factories import NeighborhoodFactory

    glen = NeighborhoodFactory(name_en="Glen", slug="glen")
    for place, count in ((town["hill"], 40), (town["dale"], 25), (glen, 4), (None, 3)):
        for user in residents(count, neighborhood=place):
            give_input(user=user, engagement=town["engagement"])
    dimension = _report().dimension("neighborhood")
    places = {group.label: group for group in dimension.groups}
    assert places["Glen"].participants is None
    assert places["Dale"].participants is None  # else Glen = known - 40 - 25
    assert places["Hill"].share == pytest.approx(40 / 69)
    assert dimension.not_stated == 3
    # What a reader can compute: known = 40 / share = 69; the hidden cells sum to 29, two unknowns.
    assert sum(group.participants or 0 for group in dimension.groups) == 40


def test_shares_of_groups_people_may_share_are_of_the_people(town):
    people = residents(30, neighborhood=town["hill"])
    for index, user in enumerate(people):
        give_input(user=user, engagement=town["engagement"])
        races = ["white", "asian"] if index < 3 else ["white"]
        Demographics.objects.create(user=user, consented_at=timezone.now(), race_ethnicity=races)
    races = _groups(_report(), "race_ethnicity")
    assert races["White"].share == 1.0  # 30 of 30 people, not 30 of 33 choices
    assert races["Asian"].participants is None
    assert races["Asian"].share is None


def test_dates_far_away_get_an_error_not_a_server_error(client):
    client.force_login(staff_user())
    response = client.get(
        reverse("staff:insights:equity"), {"start": "9999-12-30", "end": "9999-12-31"}
    )
    assert response.status_code == 200
    assert "Choose dates from 2000 to next year." in response.content.decode()
    accountability = client.get(reverse("engagements:accountability"), {"until": "9999-12-31"})
    assert accountability.status_code == 200
    assert accountability.context["form"].errors["until"]


def test_a_guest_who_later_made_an_account_is_one_person(town):
    give_input(engagement=town["engagement"], email="Sam@Example.org", language="es")
    account = UserFactory(email="sam@example.org", neighborhood=town["dale"], language="vi")
    give_input(user=account, engagement=town["engagement"], source=Source.COMMENT_CARD)
    people = people_in_period(
        start=timezone.localdate() - timedelta(days=30), end=timezone.localdate()
    )
    assert list(people) == [f"u:{account.pk}"]
    person = people[f"u:{account.pk}"]
    assert person.channels == {"online", "in_person"}
    assert (person.language, person.neighborhood_id) == ("vi", town["dale"].pk)


def test_chart_values_sit_outside_their_bars_in_arabic_too():
    """With direction="rtl" on the chart, text-anchor "start" is the right edge: a value placed
    left of its bar must start there, or it runs back over the bar."""
    from django.utils.translation import override

    from insights.equity import Group
    from insights.templatetags.equity_charts import share_chart

    groups = [Group(key="a", label="A", participants=40, share=0.5, community_share=0.4)]
    for language in ("en", "ar"):
        with override(language):
            chart = share_chart(groups)
        bar = chart["rows"][0]["bars"][0]
        assert chart["anchor"] == "start"
        if language == "ar":
            assert bar["value_x"] < bar["x"]
        else:
            assert bar["value_x"] > bar["x"] + bar["length"]


def test_a_handful_of_people_gets_no_verdicts_and_no_not_stated_count(town):
    for user in residents(1, neighborhood=town["hill"]) + residents(4):
        give_input(user=user, engagement=town["engagement"])
    places = _report().dimension("neighborhood")
    assert places.not_stated is None
    assert not places.under_represented  # else "all but Hill" would say where the one lives


def test_applications_and_board_service_count_with_the_account_profile(town):
    from advisory_boards.models import BoardApplication, Membership
    from programs.models import Application
    from tests.advisory_boards.conftest import make_board
    from tests.factories import program_factory

    member = UserFactory(neighborhood=town["dale"], language="es")
    applicant = UserFactory(neighborhood=town["hill"])
    board = make_board("equity-board")
    Membership.objects.create(board=board, user=member, term_start=timezone.localdate())
    BoardApplication.objects.create(board=board, user=applicant, motivation="To help")
    program = program_factory()
    Application.objects.create(program=program, user=applicant)

    people = people_in_period(
        start=timezone.localdate() - timedelta(days=30), end=timezone.localdate()
    )
    assert people[f"u:{member.pk}"].activities == {"board"}
    assert (people[f"u:{member.pk}"].language, people[f"u:{member.pk}"].neighborhood_id) == (
        "es",
        town["dale"].pk,
    )
    assert people[f"u:{applicant.pk}"].activities == {"application"}
    assert people[f"u:{applicant.pk}"].channels == {"online"}
