"""Every staff page of the loop and of notices: who gets in, and query ceilings of list pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from engagements import services
from engagements.models import ActionStatus, ReportBack
from notices.models import Channel, Kind
from notices.services import notice_create
from tests.factories import EngagementFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def loop_data(staff):
    engagement = EngagementFactory()
    item = services.input_create(engagement=engagement, text="x", language="en")
    action = services.action_create(
        engagement=engagement,
        inputs=[item],
        values={"title_en": "A", "status": ActionStatus.ADOPTED, "owner": staff},
        created_by=staff,
    )
    report = services.report_back_save(
        engagement=engagement,
        values={"heard_en": "h", "did_en": "d"},
        actions=[action],
        saved_by=staff,
    )
    notice = notice_create(
        kind=Kind.CUSTOM,
        subject={"en": "s"},
        body={"en": "b"},
        audience_kind="people",
        audience_params={"emails": ["a@example.org"]},
        release=False,
    )
    return {"engagement": engagement, "action": action, "report": report, "notice": notice}


def _staff_pages(data):
    engagement, action, report, notice = (
        data["engagement"],
        data["action"],
        data["report"],
        data["notice"],
    )
    return [
        ("get", reverse("staff:loop:inbox")),
        ("get", reverse("staff:loop:actions_mine")),
        ("get", reverse("staff:loop:actions_overdue")),
        ("get", reverse("staff:loop:action_edit", kwargs={"pk": action.pk})),
        ("post", reverse("staff:loop:action_create")),
        ("post", reverse("staff:loop:inputs_attach")),
        ("get", reverse("staff:loop:engagement", kwargs={"pk": engagement.pk})),
        ("get", reverse("staff:loop:inputs_batch", kwargs={"pk": engagement.pk})),
        ("get", reverse("staff:loop:report_back_create", kwargs={"pk": engagement.pk})),
        (
            "get",
            reverse(
                "staff:loop:report_back_edit",
                kwargs={"pk": engagement.pk, "report_back_pk": report.pk},
            ),
        ),
        (
            "post",
            reverse(
                "staff:loop:report_back_publish",
                kwargs={"pk": engagement.pk, "report_back_pk": report.pk},
            ),
        ),
        ("get", reverse("staff:notices:list")),
        ("get", reverse("staff:notices:compose")),
        ("get", reverse("staff:notices:edit", kwargs={"pk": notice.pk})),
        ("get", reverse("staff:notices:preview", kwargs={"pk": notice.pk})),
        ("post", reverse("staff:notices:confirm", kwargs={"pk": notice.pk})),
        ("post", reverse("staff:notices:cancel", kwargs={"pk": notice.pk})),
        ("get", reverse("staff:notices:detail", kwargs={"pk": notice.pk})),
    ]


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 302), ("resident", 403)])
def test_non_staff_never_get_a_staff_page(client, people, loop_data, who, expected):
    if who != "anonymous":
        client.force_login(people[who])
    for method, url in _staff_pages(loop_data):
        response = getattr(client, method)(url)
        assert response.status_code == expected, url
    # Nothing was changed by the attempts.
    assert not ReportBack.objects.filter(published_at__isnull=False).exists()
    loop_data["notice"].refresh_from_db()
    assert loop_data["notice"].status == "draft"


@pytest.mark.parametrize("who", ["staff", "admin", "superuser"])
def test_staff_and_admins_open_every_staff_page(client, people, loop_data, who):
    client.force_login(people[who])
    for method, url in _staff_pages(loop_data):
        if method == "get":
            assert client.get(url).status_code == 200, url


def _many_inputs_and_actions(count: int, owner) -> None:
    engagement = EngagementFactory()
    for number in range(count):
        item = services.input_create(engagement=engagement, text=f"input {number}", language="en")
        if number % 2:
            services.action_create(
                engagement=engagement,
                inputs=[item],
                values={
                    "title_en": f"A{number}",
                    "status": "adopted",
                    "owner": owner,
                    "due_on": timezone.localdate() - timedelta(days=1),
                },
                created_by=owner,
            )


@pytest.mark.parametrize("count", [10, 200])
@pytest.mark.parametrize(
    "url",
    [
        "/en/staff/loop/inbox/",
        "/en/staff/loop/actions/mine/",
        "/en/staff/loop/actions/overdue/",
        "/en/staff/notices/",
    ],
)
def test_staff_list_pages_query_count_does_not_grow(
    client, staff, django_assert_max_num_queries, count, url
):
    _many_inputs_and_actions(count, staff)
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_public_loop_pages_query_count_does_not_grow(
    client, staff, django_assert_max_num_queries, count
):
    _many_inputs_and_actions(count, staff)
    engagement = EngagementFactory()
    item = services.input_create(engagement=engagement, text="x", language="en")
    action = services.action_create(
        engagement=engagement,
        inputs=[item],
        values={"title_en": "A", "status": "adopted", "owner": staff},
        created_by=staff,
    )
    for _ in range(3):
        report = ReportBack.objects.create(
            engagement=engagement, heard_en="h", did_en="d", published_at=timezone.now()
        )
        report.actions.add(action)
    for url in ("/en/engagements/accountability/", f"/en/engagements/{engagement.pk}/"):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_resident_inbox_query_count_does_not_grow(
    client, django_assert_max_num_queries, count, django_capture_on_commit_callbacks
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(count):
            notice_create(
                kind=Kind.ANNOUNCEMENT,
                subject={"en": f"News {number}"},
                body={"en": "b"},
                audience_kind="people",
                audience_params={"user_ids": [person.pk]},
                channels=[Channel.IN_APP],
            )
    client.force_login(person)
    with django_assert_max_num_queries(8):
        response = client.get("/en/notices/inbox/")
    assert response.status_code == 200
    assert f"News {count - 1}" in response.content.decode()


def test_the_inbox_is_private_and_marks_read(client, django_capture_on_commit_callbacks):
    owner, other = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notice = notice_create(
            kind=Kind.ANNOUNCEMENT,
            subject={"en": "Private news"},
            body={"en": "b"},
            audience_kind="people",
            audience_params={"user_ids": [owner.pk]},
            channels=[Channel.IN_APP],
        )
    delivery = notice.deliveries.get()
    client.force_login(other)
    assert client.get(f"/en/notices/inbox/{delivery.pk}/").status_code == 404
    client.force_login(owner)
    assert '<span class="badge text-bg-danger">1' in client.get("/en/").content.decode()
    assert client.get(f"/en/notices/inbox/{delivery.pk}/").status_code == 200
    delivery.refresh_from_db()
    assert delivery.read_at is not None


def test_preferences_page_saves_opt_outs(client, resident):
    from notices.models import OptOut

    client.force_login(resident)
    response = client.post(
        "/en/notices/preferences/",
        {"kind_announcement": ["in_app"], "kind_report_back": ["email", "sms", "in_app"]},
    )
    assert response.status_code == 302
    blocked = set(OptOut.objects.filter(user=resident).values_list("kind", "channel"))
    assert ("announcement", "email") in blocked
    assert ("report_back", "email") not in blocked
