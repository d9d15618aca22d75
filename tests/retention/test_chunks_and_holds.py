"""Big purges go in committed chunks; a hold set while a purge runs still stops it."""

import dataclasses
import threading
import time

import pytest
from django.db import DatabaseError, close_old_connections, connection, transaction

from engagements import retention
from engagements.models import Engagement, Input
from engagements.services import legal_hold_set, retention_run
from engagements.services import retention as retention_service

from .conftest import guest_input, reported_engagement


def counts(report, key):
    row = next(row for row in report.rows if row.key == key)
    return row.due, row.held, row.done


def _wrap_apply(monkeypatch, key, wrapper):
    rule = next(rule for rule in retention.rules() if rule.key == key)
    monkeypatch.setitem(retention._rules, key, dataclasses.replace(rule, apply=wrapper(rule.apply)))


@pytest.mark.django_db
def test_a_big_purge_goes_in_chunks_each_committed(now, monkeypatch):
    monkeypatch.setattr(retention_service, "CHUNK_SIZE", 2)
    for i in range(5):
        guest_input(reported_engagement(days_ago=100, now=now), email=f"g{i}@example.org")
    sizes, fail_at = [], [3]

    def wrapper(apply):
        def chunk(queryset, now):
            sizes.append(queryset.count())
            if len(sizes) in fail_at:
                raise DatabaseError("the third chunk fails")
            return apply(queryset, now)

        return chunk

    _wrap_apply(monkeypatch, "input_guest_contacts", wrapper)
    report = retention_run(dry_run=False, now=now)
    assert sizes == [2, 2, 1]
    # The chunks before the failure are committed; the failing one is rolled back.
    assert counts(report, "input_guest_contacts") == (5, 0, 4)
    assert "DatabaseError" in next(r.error for r in report.rows if r.key == "input_guest_contacts")
    assert Input.objects.exclude(contact_email="").count() == 1

    # The next run picks up where it stopped; the one after finds nothing.
    fail_at.clear()
    assert counts(retention_run(dry_run=False, now=now), "input_guest_contacts") == (1, 0, 1)
    assert counts(retention_run(dry_run=False, now=now), "input_guest_contacts") == (0, 0, 0)


@pytest.mark.django_db
def test_the_purge_statement_itself_skips_a_row_held_after_it_was_selected(now, monkeypatch):
    engagement = reported_engagement(days_ago=100, now=now)
    item = guest_input(engagement)

    def wrapper(apply):
        def hold_then_apply(queryset, now):
            # The hold lands after the rows were selected and locked, before the UPDATE runs.
            Engagement.objects.filter(pk=engagement.pk).update(
                legal_hold=True, legal_hold_reason="Claim"
            )
            return apply(queryset, now)

        return hold_then_apply

    _wrap_apply(monkeypatch, "input_guest_contacts", wrapper)
    report = retention_run(dry_run=False, now=now)
    assert counts(report, "input_guest_contacts") == (1, 0, 0)
    item.refresh_from_db()
    assert item.contact_email == "ann@example.org"


def _waiting_on_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return bool(row) and row[0] == "Lock"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_hold_committed_while_a_chunk_runs_is_never_overtaken(now, monkeypatch, agency_admin):
    """Another request sets the hold while the chunk is between its selection and its purge:
    the chunk has locked the engagement, so the hold waits on that lock until the chunk has
    committed (the data was purged before the hold existed). Without the lock the hold would
    commit first and only the purge's own re-check would save the row; this test tells the two
    apart."""
    engagement = reported_engagement(days_ago=100, now=now)
    item = guest_input(engagement)
    seen = {}

    def set_hold():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                seen["pid"] = cursor.fetchone()[0]
            legal_hold_set(obj=engagement, reason="Claim 2026-9", set_by=agency_admin)
            seen["hold_committed_at"] = time.monotonic()
        finally:
            connection.close()

    def wrapper(apply):
        def race(queryset, now):
            thread = threading.Thread(target=set_hold)
            thread.start()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and thread.is_alive():
                if "pid" in seen and _waiting_on_a_lock(seen["pid"]):
                    seen["hold_waited"] = True
                    break
                time.sleep(0.02)
            seen["thread"] = thread
            done = apply(queryset, now)
            transaction.on_commit(lambda: seen.setdefault("chunk_committed_at", time.monotonic()))
            return done

        return race

    _wrap_apply(monkeypatch, "input_guest_contacts", wrapper)
    retention_run(dry_run=False, now=now)
    seen["thread"].join(timeout=30)
    close_old_connections()
    item.refresh_from_db()
    engagement.refresh_from_db()
    assert engagement.legal_hold is True
    # The hold really waited on the chunk's lock, and committed only after the chunk did.
    assert seen.get("hold_waited") is True
    assert seen["hold_committed_at"] > seen["chunk_committed_at"]
    assert item.contact_email == ""  # purged before the hold existed


@pytest.mark.django_db
def test_the_task_time_limit_stops_the_run_and_records_what_was_done(now, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    from engagements.models import RetentionRun

    monkeypatch.setattr(retention_service, "CHUNK_SIZE", 1)
    for i in range(3):
        guest_input(reported_engagement(days_ago=100, now=now), email=f"t{i}@example.org")
    calls = []

    def wrapper(apply):
        def chunk(queryset, now):
            calls.append(1)
            if len(calls) == 2:
                raise SoftTimeLimitExceeded
            return apply(queryset, now)

        return chunk

    _wrap_apply(monkeypatch, "input_guest_contacts", wrapper)
    with pytest.raises(SoftTimeLimitExceeded):
        retention_run(dry_run=False, now=now)
    run = RetentionRun.objects.get()
    assert run.finished_at is not None
    assert run.report["input_guest_contacts"]["done"] == 1
    assert "SoftTimeLimitExceeded" in run.report["input_guest_contacts"]["error"]
    assert Input.objects.exclude(contact_email="").count() == 2
