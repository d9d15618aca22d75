"""The guests' contact rules count from the latest report-back, and only for what was given
before it: a contact left after the report-back, a sign-up for a session still ahead, a ride-out
request still under review are not due."""

import pytest

from programs.models import RideOutStatus

from .conftest import (
    DAY,
    guest_input,
    guest_invitation,
    guest_registration,
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


def test_an_input_given_after_the_report_back_is_not_due(now):
    engagement = reported_engagement(days_ago=100, now=now)
    before = guest_input(engagement, days_ago=101)
    after = guest_input(engagement, email="new@example.org", days_ago=2)
    assert counts(run(now), "input_guest_contacts") == (1, 0, 1)
    before.refresh_from_db()
    after.refresh_from_db()
    assert before.contact_email == ""
    assert after.contact_email == "new@example.org"


def test_an_input_between_two_report_backs_waits_for_the_latest(now):
    engagement = reported_engagement(days_ago=300, now=now)
    report_back(engagement, published_at=now - 100 * DAY)
    guest_input(engagement, days_ago=200)  # answered by the second report-back
    guest_input(engagement, email="late@example.org", days_ago=50)  # after both
    assert counts(run(now), "input_guest_contacts") == (1, 0, 1)


def test_a_sign_up_after_the_report_back_is_not_due(now):
    engagement = reported_engagement(days_ago=100, now=now)
    registration = guest_registration(engagement=engagement, days_ago=5, session_days_ago=3)
    assert counts(run(now), "registration_guest_contacts") == (0, 0, 0)
    registration.refresh_from_db()
    assert registration.guest_email == "bo@example.org"


def test_a_sign_up_for_a_session_still_ahead_is_not_due(now):
    """A long-running program: the guest signed up before the report-back for next week."""
    engagement = reported_engagement(days_ago=100, now=now)
    registration = guest_registration(engagement=engagement, days_ago=120, session_days_ago=-7)
    assert counts(run(now), "registration_guest_contacts") == (0, 0, 0)
    registration.refresh_from_db()
    assert registration.guest_email == "bo@example.org"


def test_a_sign_up_counts_from_the_later_of_the_report_back_and_its_session(now):
    engagement = reported_engagement(days_ago=100, now=now)
    recent = guest_registration(engagement=engagement, days_ago=120, session_days_ago=30)
    guest_registration(
        program=recent.session.program,
        email="old@example.org",
        days_ago=300,
        session_days_ago=200,
    )
    assert counts(run(now), "registration_guest_contacts") == (1, 0, 1)


@pytest.mark.parametrize(
    ("status", "days_ago", "scheduled_days_ago", "due"),
    [
        (RideOutStatus.SUBMITTED, 365, None, False),  # still under review
        (RideOutStatus.DECLINED, 365, None, True),
        (RideOutStatus.CANCELLED, 365, None, True),
        (RideOutStatus.APPROVED, 365, 200, True),  # the ride-out took place long ago
        (RideOutStatus.APPROVED, 365, -10, False),  # the ride-out is still ahead
        (RideOutStatus.APPROVED, 365, 30, False),  # it took place after the report-back
        (RideOutStatus.DECLINED, 20, None, False),  # asked after the report-back
    ],
)
def test_a_guardian_is_due_only_once_the_request_is_settled(
    now, status, days_ago, scheduled_days_ago, due
):
    engagement = reported_engagement(days_ago=100, now=now)
    request = rideout_request(
        engagement=engagement,
        status=status,
        days_ago=days_ago,
        scheduled_days_ago=scheduled_days_ago,
    )
    assert counts(run(now), "rideout_guardian_contacts") == (int(due), 0, int(due))
    request.refresh_from_db()
    assert (request.guardian_email == "") is due


def test_an_invitation_made_after_the_report_back_is_not_due(now):
    engagement = reported_engagement(days_ago=100, now=now)
    old = guest_invitation(engagement, days_ago=200)
    new = guest_invitation(engagement, email="new@example.org", days_ago=10, key="t2")
    assert counts(run(now), "survey_invitation_contacts") == (1, 0, 1)
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.email == ""
    assert new.email == "new@example.org"


def test_invitations_made_before_the_change_get_a_creation_time_that_is_never_too_early(now):
    """The migration that adds Invitation.created_at: the earliest delivery that carried the
    link bounds it; an invitation never sent keeps the migration's time."""
    import importlib

    from django.apps import apps

    from notices.models import Delivery
    from notices.texts import neutral_url

    from .conftest import released_notice

    migration = importlib.import_module("surveys.migrations.0003_invitation_created_at")
    engagement = reported_engagement(days_ago=100, now=now)
    sent = guest_invitation(engagement, days_ago=0, key="sent-token")
    unsent = guest_invitation(engagement, email="u@example.org", days_ago=0, key="unsent")
    notice = released_notice(engagement)
    for days_ago, address in ((150, "inv@example.org"), (120, "user:1")):
        row = Delivery.objects.create(
            notice=notice,
            channel="email",
            address=address,
            language="en",
            link=neutral_url("surveys:invited", token="sent-token"),
        )
        Delivery.objects.filter(pk=row.pk).update(created_at=now - days_ago * DAY)

    migration.backfill_from_deliveries(apps, None)
    sent.refresh_from_db()
    unsent.refresh_from_db()
    assert abs(sent.created_at - (now - 150 * DAY)) < DAY
    assert unsent.created_at >= now - DAY
    assert counts(run(now), "survey_invitation_contacts") == (1, 0, 1)
