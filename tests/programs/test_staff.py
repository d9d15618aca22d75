"""Staff pages of programs: who gets in, the door, the roster export, and query ceilings."""

import csv
import io

import pytest
from django.urls import reverse

from engagements.exports import spreadsheet_safe
from programs.models import Registration
from programs.services import registration_create
from tests.factories import UserFactory, session_factory

pytestmark = pytest.mark.django_db


def _staff_urls(session):
    program = session.program
    return [
        ("get", reverse("staff:programs:program", kwargs={"engagement_pk": program.engagement_id})),
        (
            "get",
            reverse(
                "staff:programs:session_create", kwargs={"engagement_pk": program.engagement_id}
            ),
        ),
        (
            "get",
            reverse(
                "staff:programs:series_create", kwargs={"engagement_pk": program.engagement_id}
            ),
        ),
        ("get", reverse("staff:programs:session", kwargs={"pk": session.pk})),
        ("post", reverse("staff:programs:session_cancel", kwargs={"pk": session.pk})),
        ("get", reverse("staff:programs:check_in", kwargs={"pk": session.pk})),
        ("post", reverse("staff:programs:mark_no_shows", kwargs={"pk": session.pk})),
        ("get", reverse("staff:programs:roster_csv", kwargs={"pk": session.pk})),
        ("get", reverse("staff:programs:check_in_code", kwargs={"code": "NOPE1234"})),
    ]


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 302), ("resident", 403)])
def test_non_staff_never_get_a_program_staff_page(client, people, session, who, expected):
    if who != "anonymous":
        client.force_login(people[who])
    for method, url in _staff_urls(session):
        assert getattr(client, method)(url).status_code == expected, url
    session.refresh_from_db()
    assert session.status == "scheduled"


@pytest.mark.parametrize("who", ["staff", "admin"])
def test_staff_open_program_pages(client, people, session, who):
    client.force_login(people[who])
    for method, url in _staff_urls(session)[:-1]:
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_check_in_at_the_door_by_name_or_code(client, staff, session):
    rosa = registration_create(
        session=session, user=UserFactory(display_name="Rosa Díaz"), language="en"
    )
    other = registration_create(
        session=session, user=UserFactory(display_name="Sam Lee"), language="en"
    )
    client.force_login(staff)
    url = reverse("staff:programs:check_in", kwargs={"pk": session.pk})
    assert list(client.get(url, {"q": "rosa"}).context["results"]) == [rosa]
    assert list(client.get(url, {"q": other.code.lower()}).context["results"]) == [other]
    client.post(
        reverse(
            "staff:programs:check_in_registration",
            kwargs={"pk": session.pk, "registration_pk": rosa.pk},
        )
    )
    rosa.refresh_from_db()
    assert rosa.checked_in_at is not None
    # The QR code on the confirmation leads staff to the same check-in.
    qr_page = reverse("staff:programs:check_in_code", kwargs={"code": other.code})
    assert "Sam Lee" in client.get(qr_page).content.decode()
    client.post(qr_page)
    other.refresh_from_db()
    assert other.checked_in_at is not None


def test_no_shows_are_recorded_after_the_session(client, staff, program, venue):
    from datetime import timedelta

    from django.utils import timezone

    past = session_factory(
        program=program,
        venue=venue,
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    came = Registration.objects.create(
        session=past,
        user=UserFactory(),
        language="en",
        status="confirmed",
        checked_in_at=timezone.now(),
    )
    missed = Registration.objects.create(
        session=past, user=UserFactory(), language="en", status="confirmed"
    )
    client.force_login(staff)
    client.post(reverse("staff:programs:mark_no_shows", kwargs={"pk": past.pk}))
    came.refresh_from_db()
    missed.refresh_from_db()
    assert (came.no_show, missed.no_show) == (False, True)
    figures = client.get(reverse("staff:programs:session", kwargs={"pk": past.pk})).context[
        "figures"
    ]
    assert (figures["confirmed"], figures["checked_in"], figures["no_shows"]) == (2, 1, 1)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Rosa", "Rosa"),
        (None, ""),
    ],
)
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe


def test_roster_csv_neutralises_formulas_and_lists_needs(client, staff, session):
    from programs.services import Accommodations, Guest

    registration_create(
        session=session,
        guest=Guest(name="=cmd|' /C calc'!A0", email="evil@example.org"),
        language="en",
        needs=Accommodations(childcare=True),
    )
    registration_create(
        session=session,
        user=UserFactory(display_name="Ana"),
        language="es",
        needs=Accommodations(asl=True),
    )
    client.force_login(staff)
    response = client.get(reverse("staff:programs:roster_csv", kwargs={"pk": session.pk}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[0] for row in rows[1:]]
    assert "'=cmd|' /C calc'!A0" in names
    assert any("ASL interpreter" in row[5] for row in rows[1:])


@pytest.mark.parametrize("count", [10, 200])
def test_program_pages_query_count_does_not_grow(
    client, staff, program, venue, django_assert_max_num_queries, count
):
    from programs.services import Accommodations

    sessions = [
        session_factory(program=program, venue=venue, capacity=count) for _ in range(min(count, 30))
    ]
    people = UserFactory.create_batch(count)
    for person in people:
        registration_create(
            session=sessions[0], user=person, language="en", needs=Accommodations(step_free=True)
        )
    for other in sessions[1:]:
        registration_create(session=other, user=people[0], language="en")
    engagement_url = program.engagement.get_absolute_url()
    with django_assert_max_num_queries(12):
        assert client.get(engagement_url).status_code == 200
    client.force_login(people[0])
    with django_assert_max_num_queries(10):
        assert client.get(reverse("programs:mine")).status_code == 200
    client.force_login(staff)
    for url in (
        reverse("staff:programs:session", kwargs={"pk": sessions[0].pk}),
        reverse("staff:programs:program", kwargs={"engagement_pk": program.engagement_id}),
        reverse("staff:programs:check_in", kwargs={"pk": sessions[0].pk}),
    ):
        with django_assert_max_num_queries(18):
            assert client.get(url).status_code == 200, url
