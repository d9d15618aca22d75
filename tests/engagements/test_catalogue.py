"""The public catalogue: home page, filters, pagination, detail, and query ceilings."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from engagements.models import Category, Format, Mode, Status
from tests.factories import EngagementFactory, LanguageFactory, NeighborhoodFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _main(response) -> str:
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def _titles(response) -> set[str]:
    return {engagement.title for engagement in response.context["engagements"]}


def test_home_shows_what_is_open_and_the_spectrum(client):
    EngagementFactory(title_en="Open town hall")
    EngagementFactory(title_en="A draft", status=Status.DRAFT, published_at=None)
    EngagementFactory(
        title_en="Closed academy",
        status=Status.CLOSED,
        category=Category.STRUCTURED_PROGRAMS,
        format=Format.CITIZEN_POLICE_ACADEMY,
    )
    response = client.get(reverse("home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Open town hall" in body
    assert "A draft" not in body
    assert "Closed academy" not in body
    bands = {band["category"]: band["count"] for band in response.context["spectrum"]}
    assert bands == {
        Category.INFORMATION_SHARING: 0,
        Category.IN_PERSON: 1,
        Category.STRUCTURED_PROGRAMS: 0,
        Category.PERSONNEL_DEVELOPMENT: 0,
        Category.CO_PRODUCED_SOLUTIONS: 0,
    }


def test_catalogue_filters(client):
    riverside = NeighborhoodFactory(name_en="Riverside", slug="riverside")
    traffic = TopicFactory(name_en="Traffic", slug="traffic")
    spanish = LanguageFactory(code="es")
    EngagementFactory(
        title_en="Coffee",
        category=Category.IN_PERSON,
        format=Format.COFFEE_WITH_A_COP,
        neighborhoods=[riverside],
        languages=[spanish],
    )
    EngagementFactory(
        title_en="Survey",
        category=Category.INFORMATION_SHARING,
        format=Format.COMMUNITY_SURVEY,
        mode=Mode.VIRTUAL,
        topics=[traffic],
    )
    EngagementFactory(
        title_en="Hybrid hall", format=Format.TOWN_HALL, mode=Mode.HYBRID, topics=[traffic]
    )
    EngagementFactory(
        title_en="Old review",
        status=Status.CLOSED,
        category=Category.CO_PRODUCED_SOLUTIONS,
        format=Format.POLICY_REVIEW,
    )
    url = reverse("engagements:list")

    assert _titles(client.get(url)) == {"Coffee", "Survey", "Hybrid hall"}
    assert _titles(client.get(url, {"category": Category.INFORMATION_SHARING})) == {"Survey"}
    assert _titles(client.get(url, {"format": Format.COFFEE_WITH_A_COP})) == {"Coffee"}
    assert _titles(client.get(url, {"topic": traffic.pk})) == {"Survey", "Hybrid hall"}
    assert _titles(client.get(url, {"neighborhood": riverside.pk})) == {"Coffee"}
    assert _titles(client.get(url, {"language": spanish.pk})) == {"Coffee"}
    # Hybrid counts as both in person and online.
    assert _titles(client.get(url, {"mode": Mode.VIRTUAL})) == {"Survey", "Hybrid hall"}
    assert _titles(client.get(url, {"mode": Mode.IN_PERSON})) == {"Coffee", "Hybrid hall"}
    assert _titles(client.get(url, {"status": "closed"})) == {"Old review"}
    assert _titles(client.get(url, {"status": "all"})) == {
        "Coffee",
        "Survey",
        "Hybrid hall",
        "Old review",
    }
    assert _titles(client.get(url, {"q": "coff"})) == {"Coffee"}
    assert _titles(client.get(url, {"topic": traffic.pk, "mode": Mode.IN_PERSON})) == {
        "Hybrid hall"
    }


def test_search_finds_the_translation_the_reader_sees(client):
    EngagementFactory(title_en="Town hall on cameras", title_es="Reunión sobre cámaras")
    assert _titles(client.get("/es/engagements/", {"q": "cámaras"})) == {"Reunión sobre cámaras"}
    assert _titles(client.get("/en/engagements/", {"q": "cámaras"})) == set()


def test_bad_filter_values_give_a_clear_error_not_a_crash(client):
    response = client.get(reverse("engagements:list"), {"topic": "999999", "category": "nonsense"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"topic", "category"}
    assert "There is a problem" in response.content.decode()


def test_catalogue_paginates(client):
    for _ in range(30):
        EngagementFactory()
    first = client.get(reverse("engagements:list"))
    third = client.get(reverse("engagements:list"), {"page": 3})
    assert len(first.context["engagements"]) == 12
    assert len(third.context["engagements"]) == 6
    assert "Page 1 of 3" in first.content.decode()
    # A page number past the end shows the last page rather than an error.
    assert client.get(reverse("engagements:list"), {"page": 99}).context["page_obj"].number == 3


def test_open_engagements_are_listed_soonest_first(client):
    now = timezone.now()
    EngagementFactory(title_en="Later", starts_at=now + timedelta(days=9))
    EngagementFactory(title_en="Sooner", starts_at=now + timedelta(days=2))
    EngagementFactory(title_en="Ongoing", starts_at=None)
    titles = [e.title for e in client.get(reverse("engagements:list")).context["engagements"]]
    assert titles == ["Sooner", "Later", "Ongoing"]


def test_detail_shows_access_features_and_languages(client):
    spanish = LanguageFactory(code="es")
    engagement = EngagementFactory(asl_interpretation=True, childcare=True, languages=[spanish])
    body = client.get(engagement.get_absolute_url()).content.decode()
    assert "ASL interpretation" in body
    assert "Childcare" in body
    assert "Español (Spanish)" in body


def test_draft_is_404_for_residents_exactly_like_a_missing_page(client, resident, staff):
    draft = EngagementFactory(status=Status.DRAFT, published_at=None)
    client.force_login(resident)
    forbidden = client.get(draft.get_absolute_url())
    missing = client.get(reverse("engagements:detail", kwargs={"pk": draft.pk + 1000}))
    assert forbidden.status_code == missing.status_code == 404
    assert _main(forbidden) == _main(missing)

    client.force_login(staff)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_translated_content_falls_back_to_english(client):
    engagement = EngagementFactory(title_en="Coffee with a Cop", title_vi="Cà phê với cảnh sát")
    assert "Cà phê với cảnh sát" in client.get(f"/vi/engagements/{engagement.pk}/").content.decode()
    assert "Coffee with a Cop" in client.get(f"/ar/engagements/{engagement.pk}/").content.decode()


def _fill(count: int) -> None:
    neighborhoods = [NeighborhoodFactory() for _ in range(3)]
    topics = [TopicFactory() for _ in range(3)]
    language = LanguageFactory()
    for _ in range(count):
        EngagementFactory(neighborhoods=neighborhoods, topics=topics, languages=[language])


@pytest.mark.parametrize("count", [10, 200])
@pytest.mark.parametrize(
    "url", ["/en/", "/en/engagements/", "/en/engagements/?status=all&q=Engagement"]
)
def test_public_pages_query_count_does_not_grow(client, django_assert_max_num_queries, count, url):
    _fill(count)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
