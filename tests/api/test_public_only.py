"""Every endpoint shows only what the public pages show: drafts, unpublished and board-only things
never appear, in lists or by id, and sessions never give away their online link."""

import pytest

from tests.api.conftest import SECRETS, assert_no_secrets

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/",
    "/api/v1/engagements/",
    "/api/v1/engagements/?status=open",
    "/api/v1/engagements/?status=closed",
    "/api/v1/sessions/?when=all",
    "/api/v1/sessions/?when=past",
    "/api/v1/announcements/",
    "/api/v1/survey-results/",
    "/api/v1/report-backs/",
    "/api/v1/accountability/",
    "/api/v1/topics/",
    "/api/v1/neighborhoods/",
    "/api/v1/languages/",
]


def ids(client, url):
    return {item["id"] for item in client.get(url).json()["results"]}


@pytest.mark.parametrize("url", LISTS)
def test_no_list_carries_anything_not_public(client, seed, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


@pytest.mark.parametrize("url", LISTS)
def test_nor_does_the_browsable_page(client, seed, url):
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert_no_secrets(response.content.decode())


def test_engagements_are_published_or_closed_never_drafts(client, seed):
    listed = ids(client, "/api/v1/engagements/")
    assert {seed.engagement.pk, seed.closed.pk} <= listed
    assert seed.draft.pk not in listed
    assert client.get(f"/api/v1/engagements/{seed.draft.pk}/").status_code == 404
    detail = client.get(f"/api/v1/engagements/{seed.engagement.pk}/").json()
    assert detail["title"] == "Riverside town hall"
    assert "owner" not in detail


def test_a_board_only_review_shows_its_public_notice_never_its_draft(client, seed):
    detail = client.get(f"/api/v1/engagements/{seed.board_engagement.pk}/")
    assert detail.status_code == 200
    assert "Review of the" in detail.json()["title"]
    assert SECRETS["board_draft"] not in detail.content.decode()


def test_sessions_of_draft_engagements_never_appear(client, seed):
    listed = ids(client, "/api/v1/sessions/?when=all")
    assert {seed.session.pk, seed.past_session.pk, seed.cancelled_session.pk} <= listed
    assert seed.draft_session.pk not in listed
    assert client.get(f"/api/v1/sessions/{seed.draft_session.pk}/").status_code == 404


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_a_session_never_gives_its_online_link(client, seed, accept):
    for url in (f"/api/v1/sessions/{seed.session.pk}/", "/api/v1/sessions/"):
        response = client.get(url, headers={"accept": accept})
        assert response.status_code == 200
        body = response.content.decode()
        assert SECRETS["virtual_link"] not in body
        assert "secret-room" not in body
    detail = client.get(f"/api/v1/sessions/{seed.session.pk}/").json()
    assert detail["online"] is True  # that there is one, not what it is
    assert detail["venue"]["name"] == "Riverside Library"
    assert detail["venue"]["address"] == "120 Mill St"
    assert detail["venue"]["neighborhood"]["slug"] == "riverside"
    assert detail["capacity"] == 25
    assert detail["places_left"] == 25


def test_announcements_are_published_only(client, seed):
    listed = ids(client, "/api/v1/announcements/")
    assert listed == {seed.announcement.pk}
    assert client.get(f"/api/v1/announcements/{seed.draft_announcement.pk}/").status_code == 404
    detail = client.get(f"/api/v1/announcements/{seed.announcement.pk}/").json()
    # It points at a draft engagement: not even that engagement's id is public.
    assert detail["engagement"] is None


def test_survey_results_only_when_published_and_never_of_a_draft(client, seed):
    listed = ids(client, "/api/v1/survey-results/")
    assert listed == {seed.survey.pk}
    for hidden in (seed.extra.unpublished_survey, seed.extra.draft_survey):
        assert client.get(f"/api/v1/survey-results/{hidden.pk}/").status_code == 404


def test_report_backs_published_only_and_never_of_a_draft_engagement(client, seed):
    listed = ids(client, "/api/v1/report-backs/")
    assert listed == {seed.report_back.pk}
    others = seed.engagement.report_backs.exclude(pk=seed.report_back.pk)
    for report_back in [*others, *seed.draft.report_backs.all()]:
        assert client.get(f"/api/v1/report-backs/{report_back.pk}/").status_code == 404
    detail = client.get(f"/api/v1/report-backs/{seed.report_back.pk}/").json()
    assert detail["actions"][0]["title"] == "Paint a crosswalk on Mill Street"
    assert "owner" not in detail["actions"][0]


def test_accountability_figures_match_the_public_page(client, seed):
    # One input: so few would point at who sent it, so every figure but overdue actions is hidden.
    figures = client.get("/api/v1/accountability/").json()
    assert figures == {
        "inputs_received": None,
        "with_action": None,
        "share_with_action": None,
        "reported_back": None,
        "share_reported_back": None,
        "median_days_to_report_back": None,
        "overdue_actions": 0,
    }
    page = client.get("/en/engagements/accountability/")
    assert 'id="figures-hidden"' in page.content.decode()


def test_the_api_is_read_only(client, seed):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"/api/v1/engagements/{seed.engagement.pk}/")
        assert response.status_code == 405
