"""Staff pages of the catalogue: who gets in, and the create → publish → close journey."""

import pytest
from django.urls import reverse

from engagements.models import Category, Engagement, Format, Status
from tests.factories import EngagementFactory, NeighborhoodFactory, TopicFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title_en": "Town hall on traffic",
    "summary_en": "Tell us where speeding worries you.",
    "title_es": "Reunión sobre el tráfico",
    "category": Category.IN_PERSON,
    "format": Format.TOWN_HALL,
    "mode": "in_person",
}


def _staff_urls(engagement):
    return [
        ("get", reverse("staff:engagements:list")),
        ("get", reverse("staff:engagements:create")),
        ("get", reverse("staff:engagements:edit", kwargs={"pk": engagement.pk})),
        ("post", reverse("staff:engagements:publish", kwargs={"pk": engagement.pk})),
        ("post", reverse("staff:engagements:close", kwargs={"pk": engagement.pk})),
    ]


def test_residents_get_403_on_every_staff_page(client, resident):
    engagement = EngagementFactory(status=Status.DRAFT, published_at=None)
    client.force_login(resident)
    for method, url in _staff_urls(engagement):
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        assert "Town hall" not in response.content.decode()
    engagement.refresh_from_db()
    assert engagement.status == Status.DRAFT


def test_anonymous_visitors_are_sent_to_sign_in(client):
    engagement = EngagementFactory()
    for method, url in _staff_urls(engagement):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_staff_create_publish_and_close(client, staff):
    topic = TopicFactory()
    neighborhood = NeighborhoodFactory()
    client.force_login(staff)
    response = client.post(
        reverse("staff:engagements:create"),
        {
            **FORM,
            "topics": [topic.pk],
            "neighborhoods": [neighborhood.pk],
            "asl_interpretation": "on",
            "owner": staff.pk,
            "starts_at": "2027-03-02T18:00",
            "ends_at": "2027-03-02T20:00",
        },
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get(title_en="Town hall on traffic")
    assert engagement.status == Status.DRAFT
    assert engagement.owner == staff
    assert engagement.title_es == "Reunión sobre el tráfico"
    assert list(engagement.topics.all()) == [topic]
    assert engagement.asl_interpretation
    # Times typed in the form are the agency's local time.
    assert engagement.starts_at.isoformat() == "2027-03-03T00:00:00+00:00"

    client.post(reverse("staff:engagements:publish", kwargs={"pk": engagement.pk}))
    engagement.refresh_from_db()
    assert engagement.status == Status.PUBLISHED
    assert engagement.published_at is not None
    assert client.get(reverse("engagements:list")).context["engagements"][0] == engagement

    client.post(reverse("staff:engagements:close", kwargs={"pk": engagement.pk}))
    engagement.refresh_from_db()
    assert engagement.status == Status.CLOSED
    assert engagement.closed_at is not None


def test_staff_edit_saves_changes(client, staff):
    engagement = EngagementFactory(title_en="Old title")
    client.force_login(staff)
    response = client.post(
        reverse("staff:engagements:edit", kwargs={"pk": engagement.pk}),
        {**FORM, "title_en": "New title"},
    )
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.title_en == "New title"


def test_a_format_from_another_band_is_refused_and_input_kept(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("staff:engagements:create"), {**FORM, "format": Format.CITIZEN_POLICE_ACADEMY}
    )
    assert response.status_code == 200
    assert "This format does not belong to the chosen category." in response.content.decode()
    assert 'value="Town hall on traffic"' in response.content.decode()
    assert not Engagement.objects.exists()


def test_end_before_start_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("staff:engagements:create"),
        {**FORM, "starts_at": "2027-03-02T18:00", "ends_at": "2027-03-02T17:00"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"]


def test_publishing_twice_is_a_clear_message_not_an_error_page(client, staff):
    engagement = EngagementFactory(status=Status.PUBLISHED)
    client.force_login(staff)
    response = client.post(
        reverse("staff:engagements:publish", kwargs={"pk": engagement.pk}), follow=True
    )
    assert response.status_code == 200
    assert "Only a draft can be published." in response.content.decode()


def test_english_title_and_summary_are_required(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("staff:engagements:create"), {**FORM, "title_en": "", "summary_en": ""}
    )
    assert set(response.context["form"].errors) >= {"title_en", "summary_en"}


@pytest.mark.parametrize("count", [10, 200])
def test_staff_list_query_count_does_not_grow(client, staff, django_assert_max_num_queries, count):
    for _ in range(count):
        EngagementFactory(owner=staff)
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("staff:engagements:list"))
    assert response.status_code == 200
