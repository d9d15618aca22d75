"""The retention run: dry run, apply, legal hold, release, idempotency, other engagements."""

import pytest
from django.utils import timezone

from engagements.models import Engagement, Input, RetentionPolicy, RetentionRun
from engagements.services import legal_hold_release, legal_hold_set, retention_run
from programs.models import Application, MinorDetails, Registration
from tests.factories import UserFactory

from .conftest import (
    DAY,
    guest_input,
    guest_invitation,
    guest_registration,
    minor_application,
    report_back,
    reported_engagement,
)

pytestmark = pytest.mark.django_db


def counts(report, key):
    row = next(row for row in report.rows if row.key == key)
    return row.due, row.held, row.done


def test_dry_run_reports_what_is_due_and_changes_nothing(now):
    due = guest_input(reported_engagement(days_ago=100, now=now))
    report = retention_run(dry_run=True, now=now)
    assert counts(report, "input_guest_contacts") == (1, 0, 0)
    due.refresh_from_db()
    assert due.contact_email == "ann@example.org"
    run = RetentionRun.objects.get()
    assert run.dry_run is True
    assert run.report["input_guest_contacts"]["due"] == 1


def test_apply_anonymises_only_what_is_due(now):
    old = guest_input(reported_engagement(days_ago=100, now=now))
    recent = guest_input(reported_engagement(days_ago=10, now=now), email="recent@example.org")
    never_reported = guest_input(
        Engagement.objects.create(
            title_en="No report-back", summary_en="x", category="in_person", format="town_hall"
        ),
        email="open@example.org",
    )
    report = retention_run(dry_run=False, now=now)
    assert counts(report, "input_guest_contacts") == (1, 0, 1)
    old.refresh_from_db()
    assert (old.contact_name, old.contact_email, str(old.contact_phone)) == ("", "", "")
    assert old.contact_consent is False
    assert old.text == "The crossing is dangerous."  # the input itself stays
    for kept in (recent, never_reported):
        kept.refresh_from_db()
        assert kept.contact_name == "Ann Guest"
        assert kept.contact_email


def test_the_latest_report_back_starts_the_clock(now):
    engagement = reported_engagement(days_ago=200, now=now)
    report_back(engagement, published_at=now - 5 * DAY)
    guest_input(engagement)
    assert counts(retention_run(dry_run=False, now=now), "input_guest_contacts") == (0, 0, 0)


def test_period_comes_from_the_policy(now):
    guest_input(reported_engagement(days_ago=40, now=now))
    retention_run(dry_run=True, now=now)  # creates the policies with their defaults
    RetentionPolicy.objects.filter(key="input_guest_contacts").update(period_days=30)
    assert counts(retention_run(dry_run=True, now=now), "input_guest_contacts") == (1, 0, 0)


def test_a_disabled_rule_is_counted_but_not_applied(now):
    item = guest_input(reported_engagement(days_ago=100, now=now))
    retention_run(dry_run=True, now=now)
    RetentionPolicy.objects.filter(key="input_guest_contacts").update(enabled=False)
    assert counts(retention_run(dry_run=False, now=now), "input_guest_contacts") == (1, 0, 0)
    item.refresh_from_db()
    assert item.contact_email


def test_legal_hold_stops_every_rule_on_the_engagement_until_released(now, agency_admin):
    engagement = reported_engagement(days_ago=100, now=now)
    held_input = guest_input(engagement)
    held_registration = guest_registration(engagement=engagement)
    invitation = guest_invitation(engagement)
    other = guest_input(reported_engagement(days_ago=100, now=now), email="other@example.org")
    legal_hold_set(obj=engagement, reason="Claim 2026-114", set_by=agency_admin)

    report = retention_run(dry_run=False, now=now)
    assert counts(report, "input_guest_contacts") == (1, 1, 1)
    assert counts(report, "registration_guest_contacts") == (0, 1, 0)
    assert counts(report, "survey_invitation_contacts") == (0, 1, 0)
    held_input.refresh_from_db()
    held_registration.refresh_from_db()
    invitation.refresh_from_db()
    assert held_input.contact_email == "ann@example.org"
    assert held_registration.guest_email == "bo@example.org"
    assert invitation.email == "inv@example.org"
    other.refresh_from_db()
    assert other.contact_email == ""  # another engagement's data is not held

    engagement = legal_hold_release(obj=engagement, released_by=agency_admin)
    assert engagement.legal_hold is False
    report = retention_run(dry_run=False, now=now)
    assert counts(report, "input_guest_contacts") == (1, 0, 1)
    assert counts(report, "registration_guest_contacts") == (1, 0, 1)
    assert counts(report, "survey_invitation_contacts") == (1, 0, 1)
    held_input.refresh_from_db()
    assert held_input.contact_email == ""


def test_legal_hold_records_reason_who_and_when(agency_admin):
    engagement = reported_engagement(days_ago=1, now=timezone.now())
    legal_hold_set(obj=engagement, reason="  Records request 7 ", set_by=agency_admin)
    engagement.refresh_from_db()
    assert engagement.legal_hold is True
    assert engagement.legal_hold_reason == "Records request 7"
    assert engagement.legal_hold_set_by == agency_admin
    assert engagement.legal_hold_set_at is not None
    with pytest.raises(ValueError, match="reason"):
        legal_hold_set(obj=engagement, reason=" ", set_by=agency_admin)


def test_second_run_does_nothing(now):
    guest_input(reported_engagement(days_ago=100, now=now))
    guest_registration(engagement=reported_engagement(days_ago=100, now=now))
    minor_application(ended_days_ago=400)
    first = retention_run(dry_run=False, now=now)
    assert first.total_done == 3
    second = retention_run(dry_run=False, now=now)
    assert second.total_done == 0
    assert all(row.due == 0 for row in second.rows)


def test_guest_registration_keeps_the_sign_up_and_loses_the_contact(now):
    registration = guest_registration(engagement=reported_engagement(days_ago=100, now=now))
    account_holder = Registration.objects.create(
        session=registration.session, user=_user(), language="en", status="confirmed"
    )
    assert counts(retention_run(dry_run=False, now=now), "registration_guest_contacts") == (
        1,
        0,
        1,
    )
    registration.refresh_from_db()
    assert (registration.guest_name, registration.guest_email, str(registration.guest_phone)) == (
        "",
        "",
        "",
    )
    assert registration.needs_other == ""
    assert registration.status == "confirmed"
    assert registration.contact_removed_at is not None
    account_holder.refresh_from_db()
    assert account_holder.user_id is not None


def _user():
    return UserFactory()


def test_minor_details_removed_after_the_cohort_ended(now):
    ended = minor_application(ended_days_ago=400)
    running = minor_application(ended_days_ago=-30)  # the cohort's last session is still ahead
    recent = minor_application(ended_days_ago=100, with_cohort=False)
    report = retention_run(dry_run=True, now=now)
    assert counts(report, "minor_details") == (1, 0, 0)
    retention_run(dry_run=False, now=now)
    assert not MinorDetails.objects.filter(application=ended).exists()
    ended = Application.objects.get(pk=ended.pk)
    assert ended.is_for_minor
    assert ended.minor_details_removed_at is not None
    assert "removed" in ended.applicant_name
    assert MinorDetails.objects.filter(application__in=[running, recent]).count() == 2


def test_minor_details_of_a_held_program_are_kept(now, agency_admin):
    application = minor_application(ended_days_ago=400)
    legal_hold_set(obj=application.program.engagement, reason="Subpoena", set_by=agency_admin)
    assert counts(retention_run(dry_run=False, now=now), "minor_details") == (0, 1, 0)
    assert MinorDetails.objects.filter(application=application).exists()


def test_now_defaults_to_the_present():
    guest_input(reported_engagement(days_ago=100, now=timezone.now()))
    assert counts(retention_run(dry_run=True), "input_guest_contacts") == (1, 0, 0)
    assert Input.objects.exclude(contact_email="").count() == 1
