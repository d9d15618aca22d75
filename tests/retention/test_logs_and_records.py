"""What retention writes about itself: logs and run records carry no personal data."""

import dataclasses
import logging

import pytest
from django.db import DatabaseError

from engagements import retention
from engagements.models import RetentionRun
from engagements.services import legal_hold_release, legal_hold_set, retention_run

from .conftest import guest_input, reported_engagement

pytestmark = pytest.mark.django_db

REASON = "Claim by Jane Roe, 12 Elm St."


def test_setting_and_releasing_a_hold_logs_the_object_and_who_never_the_reason(
    now, agency_admin, caplog
):
    engagement = reported_engagement(days_ago=1, now=now)
    with caplog.at_level(logging.INFO, logger="engagements.services.retention"):
        legal_hold_set(obj=engagement, reason=REASON, set_by=agency_admin)
        legal_hold_release(obj=engagement, released_by=agency_admin)
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2
    for line in lines:
        assert f"engagements.Engagement {engagement.pk}" in line
        assert f"by {agency_admin.pk}" in line
        assert "Jane Roe" not in line
        assert "Elm" not in line


def test_a_failing_rule_records_the_error_class_only_and_logs_the_detail(now, monkeypatch, caplog):
    item = guest_input(reported_engagement(days_ago=100, now=now))
    rule = next(rule for rule in retention.rules() if rule.key == "input_guest_contacts")

    def failing_apply(queryset, now):
        raise DatabaseError('duplicate key value (contact_email)=(ann@example.org) "Ann Guest"')

    monkeypatch.setitem(retention._rules, rule.key, dataclasses.replace(rule, apply=failing_apply))
    with caplog.at_level(logging.ERROR, logger="engagements.services.retention"):
        report = retention_run(dry_run=False, now=now)

    row = next(row for row in report.rows if row.key == "input_guest_contacts")
    assert row.error.startswith("DatabaseError")
    stored = RetentionRun.objects.get().report["input_guest_contacts"]
    assert stored["error"] == row.error
    assert "ann@example.org" not in row.error
    assert "Ann Guest" not in row.error
    assert stored["due"] == 1  # the counts made before the failure stay
    # The full error goes to the server log, with its traceback, for whoever runs the portal.
    failure = next(record for record in caplog.records if record.levelno == logging.ERROR)
    assert failure.exc_info is not None
    assert "ann@example.org" in str(failure.exc_info[1])
    item.refresh_from_db()
    assert item.contact_email == "ann@example.org"  # rolled back
