"""Young applicants' details: never before the program ended, the application was made and
decided, and never while the application waits for a decision."""

import pytest

from engagements.services import retention_run
from programs.models import ApplicationStatus, MinorDetails

from .conftest import minor_application

pytestmark = pytest.mark.django_db


def due(now) -> int:
    report = retention_run(dry_run=False, now=now)
    return next(row for row in report.rows if row.key == "minor_details").done


def test_details_given_today_to_a_program_that_last_ran_long_ago_are_kept(now):
    application = minor_application(ended_days_ago=800, with_cohort=False, created_days_ago=0)
    assert due(now) == 0
    assert MinorDetails.objects.filter(application=application).exists()


def test_the_clock_starts_at_the_decision_if_it_came_after_the_program(now):
    application = minor_application(
        ended_days_ago=800, with_cohort=False, created_days_ago=900, decided_days_ago=30
    )
    assert due(now) == 0
    assert MinorDetails.objects.filter(application=application).exists()


def test_a_decided_application_is_due_a_period_after_the_latest_of_its_dates(now):
    application = minor_application(
        ended_days_ago=800, with_cohort=False, created_days_ago=900, decided_days_ago=400
    )
    assert due(now) == 1
    assert not MinorDetails.objects.filter(application=application).exists()


@pytest.mark.parametrize("with_cohort", [True, False])
def test_an_application_still_waiting_for_a_decision_is_never_due(now, with_cohort):
    application = minor_application(
        ended_days_ago=800,
        with_cohort=with_cohort,
        created_days_ago=900,
        status=ApplicationStatus.SUBMITTED,
    )
    assert due(now) == 0
    assert MinorDetails.objects.filter(application=application).exists()
