"""HTTP behaviour shared by every endpoint: conditional GET (ETag, Last-Modified, 304), throttling
(429), the answer's language, the schema and the docs page that work with no internet."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from engagements.models import Engagement, Status
from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/engagements/",
    "/api/v1/sessions/",
    "/api/v1/announcements/",
    "/api/v1/survey-results/",
    "/api/v1/report-backs/",
    "/api/v1/accountability/",
    "/api/v1/topics/",
]


# --- ETag and If-None-Match -----------------------------------------------------------------------


@pytest.mark.parametrize("url", ENDPOINTS)
def test_an_unchanged_answer_is_304_for_its_etag(client, seed, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{40}"', etag)

    again = client.get(url, headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_a_change_gives_a_new_etag_and_a_full_answer(client, seed):
    url = f"/api/v1/engagements/{seed.engagement.pk}/"
    etag = client.get(url)["ETag"]
    seed.engagement.title_en = "Riverside town hall (moved)"
    seed.engagement.save()

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["title"] == "Riverside town hall (moved)"


def test_the_etag_differs_by_language(client, seed):
    url = f"/api/v1/engagements/{seed.engagement.pk}/"
    english = client.get(url)
    spanish = client.get(url + "?lang=es", headers={"if-none-match": english["ETag"]})
    assert spanish.status_code == 200
    assert spanish["ETag"] != english["ETag"]
    assert "Accept-Language" in english["Vary"]


# --- Last-Modified and If-Modified-Since ----------------------------------------------------------


def test_last_modified_and_if_modified_since(client, seed):
    url = f"/api/v1/engagements/{seed.engagement.pk}/"
    first = client.get(url)
    assert first["Last-Modified"] == http_date(seed.engagement.updated_at.timestamp())

    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304

    later = timezone.now() + timedelta(minutes=5)
    Engagement.objects.filter(pk=seed.engagement.pk).update(updated_at=later)
    changed = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert changed.status_code == 200
    assert changed["Last-Modified"] == http_date(later.timestamp())


def test_a_list_is_modified_when_something_leaves_it(client, seed):
    """Unpublishing takes an engagement out of the list: the list's Last-Modified, the latest
    change of any engagement, moves on, so If-Modified-Since does not answer a stale 304."""
    url = "/api/v1/engagements/"
    first = client.get(url)
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304

    Engagement.objects.filter(pk=seed.engagement.pk).update(
        status=Status.DRAFT, updated_at=timezone.now() + timedelta(minutes=5)
    )

    response = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert response.status_code == 200
    assert seed.engagement.pk not in {item["id"] for item in response.json()["results"]}


def test_computed_figures_have_an_etag_but_no_last_modified(client, seed):
    for url in ("/api/v1/accountability/", f"/api/v1/survey-results/{seed.survey.pk}/"):
        response = client.get(url)
        assert response["ETag"]
        assert "Last-Modified" not in response


def test_errors_are_not_cached(client, seed):
    response = client.get("/api/v1/engagements/999999/")
    assert response.status_code == 404
    assert "ETag" not in response


def test_head_answers_like_get(client, seed):
    get = client.get("/api/v1/engagements/")
    head = client.head("/api/v1/engagements/")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert (
        client.head("/api/v1/engagements/", headers={"if-none-match": get["ETag"]}).status_code
        == 304
    )


# --- throttling -----------------------------------------------------------------------------------


def test_too_many_requests_are_refused_with_429(client, seed, settings):
    settings.PORTAL_API_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/topics/").status_code == 200

    refused = client.get("/api/v1/engagements/")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()


def test_the_limit_is_per_client_address(client, seed, settings):
    settings.PORTAL_API_RATE = "2/minute"
    for _ in range(2):
        client.get("/api/v1/topics/")
    assert client.get("/api/v1/topics/").status_code == 429
    other = client.get("/api/v1/topics/", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


def test_a_forged_forwarded_for_header_gets_no_fresh_allowance(client, seed, settings):
    settings.PORTAL_API_RATE = "2/minute"
    for number in range(2):
        client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    forged = client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR="198.51.100.77")
    assert forged.status_code == 429


# --- language -------------------------------------------------------------------------------------


def test_lang_picks_the_language_and_says_so(client, seed):
    response = client.get(f"/api/v1/engagements/{seed.engagement.pk}/?lang=es")
    assert response["Content-Language"] == "es"
    data = response.json()
    assert data["title"] == "Asamblea de Riverside"
    assert data["summary"] == "Talk with the chief."  # no Spanish summary: the default language
    assert data["page_url"].endswith(f"/es/engagements/{seed.engagement.pk}/")


def test_accept_language_works_without_lang(client, seed):
    url = f"/api/v1/engagements/{seed.engagement.pk}/"
    response = client.get(url, headers={"accept-language": "es-MX,es;q=0.9"})
    assert response["Content-Language"] == "es"
    assert response.json()["title"] == "Asamblea de Riverside"

    unknown = client.get(url, headers={"accept-language": "tlh"})
    assert unknown["Content-Language"] == "en"
    assert unknown.json()["title"] == "Riverside town hall"

    # ?lang= wins over the header.
    both = client.get(url + "?lang=en", headers={"accept-language": "es"})
    assert both["Content-Language"] == "en"


def test_an_unknown_lang_is_400(client, seed):
    response = client.get("/api/v1/engagements/?lang=tlh")
    assert response.status_code == 400
    assert "lang" in response.json()


# --- schema and docs ------------------------------------------------------------------------------


def test_the_schema_is_openapi_3_and_documents_every_answer(client, seed):
    response = client.get("/api/v1/schema/", headers={"accept": "application/vnd.oai.openapi+json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operation = schema["paths"]["/api/v1/engagements/"]["get"]
    assert {"200", "304", "400", "404", "429"} <= set(operation["responses"])
    assert {"lang", "page", "page_size", "category", "format", "topic", "updated_since"} <= {
        parameter["name"] for parameter in operation["parameters"]
    }
    assert "ETag" in operation["responses"]["200"]["headers"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_the_docs_page_loads_nothing_from_another_site(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any("swagger-ui-bundle.js" in asset for asset in assets)
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert "cdn" not in page.lower()
    assert "/api/v1/schema/" in page


def test_the_root_lists_every_endpoint(client):
    links = client.get("/api/v1/").json()
    assert {
        "engagements",
        "sessions",
        "announcements",
        "survey-results",
        "report-backs",
        "accountability",
        "topics",
        "neighborhoods",
        "languages",
        "schema",
        "docs",
    } <= set(links)


def test_the_api_is_outside_the_language_prefix(client):
    EngagementFactory()
    assert client.get("/en/api/v1/engagements/").status_code == 404
    assert client.get("/api/v1/engagements/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/engagements/abc/",
        "/api/v1/topics//",
        "/api/v1/nothing-here/",
        "/api/v1/sessions/a%0Ab/",
    ],
)
def test_any_other_api_path_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_a_missing_slash_still_redirects(client):
    response = client.get("/api/v1/engagements")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/engagements/"


def test_sessions_answer_with_an_exact_etag_and_no_date(client, seed):
    """Places left change with every sign-up, which moves no timestamp: a Last-Modified date
    would answer 304 with stale places."""
    from programs.services import registration_create
    from tests.factories import UserFactory

    url = f"/api/v1/sessions/{seed.session.pk}/"
    first = client.get(url)
    assert "Last-Modified" not in first
    registration_create(session=seed.session, user=UserFactory(), language="en")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["places_left"] == first.json()["places_left"] - 1
