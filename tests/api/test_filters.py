"""Pagination and the filters of each list; a filter that is not valid answers 400."""

from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.utils import timezone

from announcements.models import Announcement, AnnouncementKind
from engagements.models import Category, Engagement, Format, Input, Mode, ReportBack, Status, Topic
from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["results"]}


# --- pagination -----------------------------------------------------------------------------------


def test_lists_come_in_pages_with_links(client):
    EngagementFactory.create_batch(25)

    first = client.get("/api/v1/engagements/").json()
    assert first["count"] == 25
    assert len(first["results"]) == 20
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/engagements/?page=2"

    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert {item["id"] for item in first["results"]}.isdisjoint(
        item["id"] for item in second["results"]
    )

    small = client.get("/api/v1/engagements/?page_size=5&lang=es").json()
    assert len(small["results"]) == 5
    assert _query(small["next"]) == {"page": ["2"], "page_size": ["5"], "lang": ["es"]}


def test_page_size_has_a_ceiling(client):
    Topic.objects.bulk_create(
        [Topic(name=f"Topic {n}", name_en=f"Topic {n}", slug=f"topic-{n}") for n in range(105)]
    )
    response = client.get("/api/v1/topics/?page_size=1000").json()
    assert response["count"] == 105
    assert len(response["results"]) == 100


def test_a_page_past_the_end_is_404(client):
    EngagementFactory()
    response = client.get("/api/v1/engagements/?page=9")
    assert response.status_code == 404
    assert "detail" in response.json()


# --- engagements ----------------------------------------------------------------------------------


def test_engagement_filters(client, seed):
    EngagementFactory(
        title_en="Online briefing",
        format=Format.NEIGHBORHOOD_BRIEFING,
        mode=Mode.VIRTUAL,
        neighborhoods=[seed.downtown],
    )
    EngagementFactory(
        title_en="Youth academy", category=Category.STRUCTURED_PROGRAMS, format=Format.YOUTH_PROGRAM
    )
    base = "/api/v1/engagements/"
    assert titles(client, base + "?category=programs") == {"Youth academy"}
    assert titles(client, base + "?format=neighborhood_briefing") == {"Online briefing"}
    assert titles(client, base + "?topic=traffic") == {"Riverside town hall"}
    assert titles(client, base + "?neighborhood=downtown") == {
        "Online briefing",
        "Closed listening session",
    }
    assert titles(client, base + "?language=es") == {"Riverside town hall"}
    online = titles(client, base + "?mode=virtual")
    assert "Online briefing" in online
    assert "Riverside town hall" not in online
    # Hybrid counts as both: the board's review meets in a room and online.
    assert seed.board_engagement.title in online
    assert seed.board_engagement.title in titles(client, base + "?mode=in_person")
    assert titles(client, base + "?status=closed") == {"Closed listening session"}
    assert "Closed listening session" not in titles(client, base + "?status=open")
    assert "Closed listening session" in titles(client, base)  # all public ones by default
    assert titles(client, base + "?q=riverside") == {"Riverside town hall"}


def test_engagements_updated_since(client, seed):
    long_ago = timezone.now() - timedelta(days=60)
    Engagement.objects.exclude(pk=seed.engagement.pk).update(updated_at=long_ago)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert titles(client, "/api/v1/engagements/?" + _q(updated_since=since)) == {
        "Riverside town hall"
    }


@pytest.mark.parametrize(
    "query",
    [
        "category=nonsense",
        "topic=no-such-topic",
        "neighborhood=no-such-place",
        "language=xx",
        "status=draft",
        "updated_since=yesterday",
        "updated_since=9999-12-31T23:59:59",
        "lang=klingon",
    ],
)
def test_an_invalid_engagement_filter_is_400(client, seed, query):
    response = client.get(f"/api/v1/engagements/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


# --- sessions -------------------------------------------------------------------------------------


def test_session_filters(client, seed):
    base = "/api/v1/sessions/"

    def session_ids(query=""):
        response = client.get(base + query)
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["results"]]

    upcoming = {seed.session.pk, seed.cancelled_session.pk}
    assert set(session_ids()) == upcoming
    assert session_ids("?when=past") == [seed.past_session.pk]
    assert set(session_ids("?when=all")) == upcoming | {seed.past_session.pk}
    assert set(session_ids(f"?when=all&engagement={seed.engagement.pk}")) == upcoming | {
        seed.past_session.pk
    }
    assert session_ids(f"?engagement={seed.closed.pk}") == []
    assert set(session_ids("?neighborhood=riverside")) == upcoming
    assert session_ids("?neighborhood=downtown") == []
    assert session_ids("?language=es") == [seed.session.pk]
    day = timezone.localdate(seed.session.starts_at)
    same_day = {seed.session.pk, seed.cancelled_session.pk}
    assert set(session_ids(f"?when=all&starts_from={day}&starts_until={day}")) == same_day
    past_day = timezone.localdate(seed.past_session.starts_at)
    assert session_ids(f"?when=all&starts_until={past_day}") == [seed.past_session.pk]


@pytest.mark.parametrize(
    "query",
    [
        "when=tomorrow",
        "engagement=abc",
        "engagement=0",
        "starts_from=2026-02-30",
        "starts_from=2026-05-02&starts_until=2026-05-01",
        "starts_until=9999-12-31",
    ],
)
def test_an_invalid_session_filter_is_400(client, seed, query):
    assert client.get(f"/api/v1/sessions/?{query}").status_code == 400


# --- announcements, report-backs, survey results, accountability ----------------------------------


def test_announcement_filters(client, seed):
    Announcement.objects.create(
        kind=AnnouncementKind.POSITIVE_STORY,
        title_en="Officer saves cat",
        summary_en=".",
        body_en=".",
        published_at=timezone.now() - timedelta(days=40),
    )
    base = "/api/v1/announcements/"
    assert titles(client, base + "?kind=positive_story") == {"Officer saves cat"}
    assert titles(client, base + "?topic=traffic") == {"Bridge closed Saturday"}
    assert titles(client, base + "?neighborhood=riverside") == {"Bridge closed Saturday"}
    since = (timezone.now() - timedelta(days=7)).isoformat()
    assert titles(client, base + "?" + _q(published_since=since)) == {"Bridge closed Saturday"}
    assert client.get(base + "?kind=rumor").status_code == 400


def test_report_back_filters(client, seed):
    other = EngagementFactory()
    ReportBack.objects.create(
        engagement=other,
        heard_en="Older.",
        did_en=".",
        published_at=timezone.now() - timedelta(days=100),
    )
    base = "/api/v1/report-backs/"

    def heard(query):
        return [item["heard"] for item in client.get(base + query).json()["results"]]

    assert heard(f"?engagement={seed.engagement.pk}") == ["People asked for safer crossings."]
    assert heard(f"?engagement={other.pk}") == ["Older."]
    since = (timezone.now() - timedelta(days=7)).isoformat()
    assert heard("?" + _q(published_since=since)) == ["People asked for safer crossings."]


def test_survey_results_filter_by_engagement(client, seed):
    base = "/api/v1/survey-results/"
    found = client.get(f"{base}?engagement={seed.survey.engagement_id}").json()["results"]
    assert [item["id"] for item in found] == [seed.survey.pk]
    assert client.get(f"{base}?engagement={seed.engagement.pk}").json()["count"] == 0


def test_accountability_filters(client, seed):
    base = "/api/v1/accountability/"
    assert client.get(base + "?neighborhood=downtown").json()["inputs_received"] == 0
    assert client.get(base + "?topic=traffic").json()["inputs_received"] == 0
    today = timezone.localdate()
    recent = client.get(f"{base}?since={today - timedelta(days=3)}").json()
    assert recent["inputs_received"] == 0
    window = client.get(f"{base}?since={today - timedelta(days=20)}&until={today}").json()
    assert window["inputs_received"] is None  # one input: hidden, it would point at its sender
    for _ in range(10):
        Input.objects.create(
            engagement=seed.extra.input.engagement,
            text="Me too",
            language="en",
            received_at=seed.extra.input.received_at,
        )
    window = client.get(f"{base}?since={today - timedelta(days=20)}&until={today}").json()
    assert window["inputs_received"] == 11
    assert window["share_with_action"] == pytest.approx(1 / 11)
    assert client.get(f"{base}?since={today}&until={today - timedelta(days=1)}").status_code == 400
    assert client.get(f"{base}?until=9999-12-31").status_code == 400


def test_drafts_stay_hidden_whatever_the_filter(client, seed):
    for query in ("", "?status=all", "?status=open", f"?q={seed.draft.title_en}"):
        response = client.get("/api/v1/engagements/" + query)
        assert seed.draft.pk not in {item["id"] for item in response.json()["results"]}
    assert Engagement.objects.filter(status=Status.DRAFT).exists()


def _q(**params) -> str:
    return urlencode(params)


def _query(url: str) -> dict:
    return parse_qs(urlsplit(url).query)
