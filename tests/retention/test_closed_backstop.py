"""The backstop for contacts left after the latest report-back: once the engagement is closed,
they are due a period after the latest of its closing, its latest report-back and the record's own
time, so a contact nobody reports back to is not kept forever. Legal holds still keep them."""

import pytest

from engagements.models import Engagement, Status
from programs.models import ApplicationStatus, MinorDetails, RideOutStatus

from .conftest import (
    DAY,
    guest_input,
    guest_invitation,
    guest_registration,
    minor_application,
    report_back,
    reported_engagement,
    rideout_request,
)

pytestmark = pytest.mark.django_db


def counts(report, key):
    row = next(row for row in report.rows if row.key == key)
    return row.due, row.held, row.done


def run(now):
    from engagements.services import retention_run

    return retention_run(dry_run=False, now=now)


def close(engagement, *, days_ago, now):
    Engagement.objects.filter(pk=engagement.pk).update(
        status=Status.CLOSED, closed_at=now - days_ago * DAY
    )


@pytest.mark.parametrize(("closed_days_ago", "due"), [(100, True), (30, False)])
def test_an_input_after_the_last_report_back_is_due_a_period_after_closing(
    now, closed_days_ago, due
):
    engagement = reported_engagement(days_ago=300, now=now)
    item = guest_input(engagement, days_ago=200)  # after the only report-back
    close(engagement, days_ago=closed_days_ago, now=now)
    assert counts(run(now), "input_guest_contacts") == (int(due), 0, int(due))
    item.refresh_from_db()
    assert (item.contact_email == "") is due


def test_a_closed_engagement_without_a_report_back_is_due_a_period_after_closing(now):
    from tests.factories import EngagementFactory

    engagement = EngagementFactory()
    guest_input(engagement, days_ago=200)
    close(engagement, days_ago=100, now=now)
    assert counts(run(now), "input_guest_contacts") == (1, 0, 1)


def test_a_report_back_after_closing_restarts_the_clock(now):
    engagement = reported_engagement(days_ago=300, now=now)
    guest_input(engagement, days_ago=200)
    close(engagement, days_ago=150, now=now)
    report_back(engagement, published_at=now - 20 * DAY)
    assert counts(run(now), "input_guest_contacts") == (0, 0, 0)


def test_a_contact_given_after_closing_stays_a_full_period(now):
    engagement = reported_engagement(days_ago=300, now=now)
    guest_input(engagement, days_ago=10)
    close(engagement, days_ago=200, now=now)
    assert counts(run(now), "input_guest_contacts") == (0, 0, 0)


def test_a_hold_keeps_the_contacts_of_a_closed_engagement(now):
    engagement = reported_engagement(days_ago=300, now=now)
    item = guest_input(engagement, days_ago=200)
    close(engagement, days_ago=100, now=now)
    Engagement.objects.filter(pk=engagement.pk).update(legal_hold=True, legal_hold_reason="Claim")
    assert counts(run(now), "input_guest_contacts") == (0, 1, 0)
    item.refresh_from_db()
    assert item.contact_email == "ann@example.org"


@pytest.mark.parametrize(("session_days_ago", "due"), [(150, True), (-7, False)])
def test_a_sign_up_after_the_last_report_back_is_due_once_closed_and_the_session_ended(
    now, session_days_ago, due
):
    engagement = reported_engagement(days_ago=300, now=now)
    registration = guest_registration(
        engagement=engagement, days_ago=200, session_days_ago=session_days_ago
    )
    close(engagement, days_ago=100, now=now)
    assert counts(run(now), "registration_guest_contacts") == (int(due), 0, int(due))
    registration.refresh_from_db()
    assert (registration.guest_email == "") is due


@pytest.mark.parametrize(
    ("status", "scheduled_days_ago", "due"),
    [
        (RideOutStatus.SUBMITTED, None, True),  # moot: the program is closed
        (RideOutStatus.DECLINED, None, True),
        (RideOutStatus.CANCELLED, None, True),
        (RideOutStatus.APPROVED, 150, True),
        (RideOutStatus.APPROVED, 30, False),  # ridden less than a period ago
    ],
)
def test_a_guardian_after_the_last_report_back_is_due_once_closed(
    now, status, scheduled_days_ago, due
):
    engagement = reported_engagement(days_ago=300, now=now)
    request = rideout_request(
        engagement=engagement,
        status=status,
        days_ago=200,
        scheduled_days_ago=scheduled_days_ago,
    )
    close(engagement, days_ago=100, now=now)
    assert counts(run(now), "rideout_guardian_contacts") == (int(due), 0, int(due))
    request.refresh_from_db()
    assert (request.guardian_email == "") is due


def test_a_request_still_under_review_on_an_open_engagement_is_kept(now):
    engagement = reported_engagement(days_ago=300, now=now)
    rideout_request(engagement=engagement, status=RideOutStatus.SUBMITTED, days_ago=400)
    assert counts(run(now), "rideout_guardian_contacts") == (0, 0, 0)


@pytest.mark.parametrize(("created_days_ago", "due"), [(95, True), (10, False)])
def test_an_invitation_stamped_by_the_migration_is_due_a_period_after_closing(
    now, created_days_ago, due
):
    """surveys/0003 gave unsent old invitations the migration's time, after the report-back."""
    engagement = reported_engagement(days_ago=300, now=now)
    invitation = guest_invitation(engagement, days_ago=created_days_ago)
    close(engagement, days_ago=250, now=now)
    assert counts(run(now), "survey_invitation_contacts") == (int(due), 0, int(due))
    invitation.refresh_from_db()
    assert (invitation.email == "") is due


def test_an_undecided_young_applicant_on_a_closed_engagement_is_kept(now):
    application = minor_application(
        ended_days_ago=800, created_days_ago=900, status=ApplicationStatus.SUBMITTED
    )
    close(application.program.engagement, days_ago=700, now=now)
    assert counts(run(now), "minor_details") == (0, 0, 0)
    assert MinorDetails.objects.filter(application=application).exists()
