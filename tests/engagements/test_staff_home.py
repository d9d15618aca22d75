"""The staff home: what waits for one staff member, each item linking to where it is handled."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from engagements import services as loop
from engagements.models import Language, Status
from notices.models import Delivery, DeliveryStatus
from notices.services import notice_create
from programs.services import registration_create
from tests.factories import EngagementFactory, UserFactory, session_factory

pytestmark = pytest.mark.django_db


def _fill(staff, count: int) -> dict:
    """`count` of everything the home lists, half of it this person's."""
    made = {}
    for number in range(count):
        mine = number % 2 == 0
        engagement = EngagementFactory(owner=staff if mine else None, title_en=f"Talk {number}")
        loop.input_create(engagement=engagement, text="More lights", language="en")
        item = loop.input_create(engagement=engagement, text="Slower cars", language="en")
        loop.action_create(
            engagement=engagement,
            inputs=[item],
            values={
                "title_en": f"Speed bumps {number}",
                "status": "under_review",
                "owner": staff,
                "due_on": timezone.localdate() + timedelta(days=number - count // 2),
            },
            created_by=staff,
        )
        closed = EngagementFactory(
            owner=staff, status=Status.CLOSED, closed_at=timezone.now() - timedelta(days=40)
        )
        made.setdefault("closed", closed)
        spanish = Language.objects.get_or_create(code="es", defaults={"name": "Spanish"})[0]
        untranslated = EngagementFactory(title_en=f"Untranslated {number}")
        untranslated.languages.add(spanish)
        made["untranslated"] = untranslated  # the newest is listed first
        session = session_factory(capacity=5)
        session.hosts.add(staff)
        registration_create(session=session, user=UserFactory(), language="en")
        made.setdefault("session", session)
    notice = notice_create(
        kind="custom",
        subject={"en": "Road closed"},
        body={"en": "Use Elm St."},
        audience_kind="people",
        audience_params={"emails": ["a@example.org", "b@example.org"]},
        channels=["email"],
    )
    Delivery.objects.filter(notice=notice).update(status=DeliveryStatus.FAILED)
    made["notice"] = notice
    return made


@pytest.mark.parametrize("count", [2, 12])
def test_staff_home_lists_what_waits_and_query_count_does_not_grow(
    client, staff, count, django_assert_max_num_queries
):
    made = _fill(staff, count)
    client.force_login(staff)
    with django_assert_max_num_queries(24):
        page = client.get(reverse("staff:home"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Speed bumps 0" in html
    assert "overdue since" in html
    assert reverse("staff:loop:engagement", kwargs={"pk": made["closed"].pk}) in html
    assert reverse("staff:notices:detail", kwargs={"pk": made["notice"].pk}) in html
    assert "2 failed" in html
    assert reverse("staff:engagements:edit", kwargs={"pk": made["untranslated"].pk}) in html
    assert "Spanish" in html
    assert reverse("staff:programs:session", kwargs={"pk": made["session"].pk}) in html
    assert reverse("staff:loop:inbox") in html


def test_board_comments_waiting_for_an_answer_appear_on_the_home(client, staff):
    from advisory_boards.services import comment_add
    from tests.advisory_boards.conftest import add_member, make_board, make_draft

    board = make_board("home")
    draft = make_draft(board, staff=staff)
    comment_add(
        section=draft.versions.get().sections.first(), author=add_member(board), text="Why?"
    )
    client.force_login(staff)
    html = client.get(reverse("staff:home")).content.decode()
    assert draft.get_absolute_url() in html


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 302), ("resident", 403)])
def test_the_staff_home_is_for_staff(client, people, who, expected):
    if who != "anonymous":
        client.force_login(people[who])
    assert client.get(reverse("staff:home")).status_code == expected
