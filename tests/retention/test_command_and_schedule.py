"""The management command, the beat task, the admin pages, and the dry run's query ceiling."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from engagements import tasks
from engagements.models import Engagement, Input, RetentionPolicy, RetentionRun
from engagements.services import retention_run

from .conftest import (
    decided_case,
    delivery,
    guest_input,
    guest_registration,
    minor_application,
    released_notice,
    reported_engagement,
)

pytestmark = pytest.mark.django_db


def test_command_is_a_dry_run_without_apply():
    item = guest_input(reported_engagement(days_ago=100, now=timezone.now()))
    out = StringIO()
    call_command("retention", stdout=out)
    text = out.getvalue()
    assert "DRY RUN" in text
    line = next(line for line in text.splitlines() if line.startswith("input_guest_contacts"))
    assert line.split() == ["input_guest_contacts", "90", "1", "0", "0"]
    item.refresh_from_db()
    assert item.contact_email
    assert RetentionRun.objects.get().dry_run is True


def test_command_with_apply_purges_and_reports_held(agency_admin):
    from engagements.services import legal_hold_set

    now = timezone.now()
    guest_input(reported_engagement(days_ago=100, now=now))
    held = reported_engagement(days_ago=100, now=now)
    guest_input(held, email="held@example.org")
    legal_hold_set(obj=held, reason="Claim", set_by=agency_admin)
    out = StringIO()
    call_command("retention", "--apply", stdout=out)
    text = out.getvalue()
    assert "APPLIED" in text
    line = next(line for line in text.splitlines() if line.startswith("input_guest_contacts"))
    assert line.split() == ["input_guest_contacts", "90", "1", "1", "1"]
    assert Input.objects.filter(contact_email="held@example.org").exists()
    assert RetentionRun.objects.get().dry_run is False


def test_command_help_says_it_is_a_dry_run_by_default():
    from engagements.management.commands.retention import Command

    assert "DRY RUN" in Command.help
    assert "--apply" in Command.help


def test_beat_runs_the_retention_task_daily():
    entry = next(
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "engagements.tasks.retention_apply"
    )
    assert entry["schedule"].hour == {3}


def test_the_task_calls_the_service(monkeypatch):
    calls = []

    def fake_run(**kwargs):
        calls.append(kwargs)
        return retention_run(dry_run=True)

    monkeypatch.setattr("engagements.services.retention_run", fake_run)
    tasks.retention_apply.delay()
    assert calls == [{"dry_run": False, "triggered_by": "beat"}]


def test_the_task_purges():
    item = guest_input(reported_engagement(days_ago=100, now=timezone.now()))
    result = tasks.retention_apply.apply().get()
    assert result["input_guest_contacts"] == 1
    item.refresh_from_db()
    assert item.contact_email == ""


def _data(n: int) -> None:
    now = timezone.now()
    for i in range(n):
        engagement = reported_engagement(days_ago=100, now=now)
        guest_input(engagement, email=f"g{i}@example.org")
        guest_registration(engagement=engagement, email=f"r{i}@example.org")
        notice = released_notice(engagement)
        delivery(notice, address=f"d{i}@example.org", days_ago=800)
    minor_application(ended_days_ago=400)
    decided_case(reference=f"C{n}", decided_days_ago=2000)


@pytest.mark.parametrize("rows", [2, 12])
def test_dry_run_queries_do_not_grow_with_data(rows, django_assert_max_num_queries):
    _data(rows)
    retention_run(dry_run=True)  # first run creates the policy rows
    # Per rule: one aggregate inside its savepoint; plus the policies and the run record.
    with django_assert_max_num_queries(27):
        report = retention_run(dry_run=True)
    due = {row.key: row.due for row in report.rows}
    assert due["input_guest_contacts"] == rows
    assert due["notice_deliveries"] == rows


def test_admin_lists_policies_and_runs(agency_admin, client):
    agency_admin.is_staff = True
    agency_admin.save()
    client.force_login(agency_admin)
    page = client.get(reverse("admin:engagements_retentionpolicy_changelist"))
    assert page.status_code == 200
    assert RetentionPolicy.objects.filter(key="case_material").exists()
    retention_run(dry_run=True)
    page = client.get(reverse("admin:engagements_retentionrun_changelist"))
    assert page.status_code == 200


def test_admin_sets_a_legal_hold_with_stamp(agency_admin, client):
    agency_admin.is_staff = True
    agency_admin.save()
    client.force_login(agency_admin)
    case, _file = decided_case(decided_days_ago=10)
    url = reverse("admin:advisory_boards_case_change", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"legal_hold": "on", "legal_hold_reason": ""})
    assert response.status_code == 200  # a hold without a reason is refused
    response = client.post(url, {"legal_hold": "on", "legal_hold_reason": "Claim 12"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.legal_hold is True
    assert case.legal_hold_set_by == agency_admin
    assert case.legal_hold_set_at is not None
    engagement = reported_engagement(days_ago=1, now=timezone.now())
    Engagement.objects.filter(pk=engagement.pk).update(
        legal_hold=True, legal_hold_reason="x", legal_hold_set_at=timezone.now()
    )
    response = client.post(
        reverse("admin:engagements_engagement_changelist"),
        {"action": "release_legal_hold", "_selected_action": [engagement.pk]},
    )
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.legal_hold is False


def test_outreach_staff_cannot_set_a_hold_or_see_cases(staff, client):
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    case, _file = decided_case(decided_days_ago=10)
    url = reverse("admin:advisory_boards_case_change", args=[case.pk])
    assert client.get(url).status_code in (302, 403)
    assert not staff.has_perm("engagements.manage_legal_hold")


def test_a_new_portal_removes_nothing_until_a_rule_is_switched_on(now):
    from engagements.models import RetentionPolicy
    from engagements.services import retention_run
    from tests.retention.conftest import guest_input, reported_engagement

    RetentionPolicy.objects.all().delete()  # as on a portal that never ran the schedule
    item = guest_input(reported_engagement(days_ago=400, now=now))
    report = retention_run(dry_run=False, now=now)
    item.refresh_from_db()
    assert item.contact_email == "ann@example.org"
    row = next(row for row in report.rows if row.key == "input_guest_contacts")
    assert row.due == 1
    assert row.done == 0
    assert not RetentionPolicy.objects.filter(enabled=True).exists()
