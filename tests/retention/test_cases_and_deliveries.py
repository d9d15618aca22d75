"""Confidential cases (files leave the private storage) and the delivery log (stats stay)."""

import pytest
from django.urls import reverse

from advisory_boards.models import AccessLog, CaseFile, ConflictDeclaration
from engagements.services import legal_hold_release, legal_hold_set, retention_run
from notices.models import Delivery, DeliveryStatus
from notices.selectors import notice_delivery_stats, notice_list_for_staff
from programs.models import MinorDetails
from tests.advisory_boards.conftest import add_member

from .conftest import decided_case, delivery, minor_application, released_notice

pytestmark = pytest.mark.django_db


def counts(report, key):
    row = next(row for row in report.rows if row.key == key)
    return row.due, row.held, row.done


def test_case_material_and_files_are_purged_after_the_period(now):
    case, case_file = decided_case(reference="CR-1", decided_days_ago=2000)
    recent, recent_file = decided_case(reference="CR-2", decided_days_ago=30)
    storage = case_file.file.storage
    name = case_file.file.name
    assert storage.exists(name)
    membership = add_member(case.board).board_memberships.get()
    ConflictDeclaration.objects.create(
        membership=membership, case=case, has_conflict=True, details="I know the complainant"
    )

    assert counts(retention_run(dry_run=True, now=now), "case_material") == (1, 0, 0)
    assert storage.exists(name)

    assert counts(retention_run(dry_run=False, now=now), "case_material") == (1, 0, 1)
    case.refresh_from_db()
    assert case.purged_at is not None
    assert (case.summary, case.findings, case.recommendation, case.agency_decision) == (
        "",
        "",
        "",
        "",
    )
    assert case.reference == "CR-1"
    assert not CaseFile.objects.filter(case=case).exists()
    assert not storage.exists(name)
    assert not AccessLog.objects.filter(case=case).exists()
    assert ConflictDeclaration.objects.get(case=case).details == ""
    # The recent case is untouched.
    recent.refresh_from_db()
    assert recent.summary
    assert recent_file.file.storage.exists(recent_file.file.name)
    assert AccessLog.objects.filter(case=recent).exists()


def test_held_case_keeps_its_files_until_released(now, agency_admin):
    case, case_file = decided_case(decided_days_ago=2000)
    legal_hold_set(obj=case, reason="Lawsuit pending", set_by=agency_admin)
    assert counts(retention_run(dry_run=False, now=now), "case_material") == (0, 1, 0)
    assert case_file.file.storage.exists(case_file.file.name)
    assert CaseFile.objects.filter(case=case).exists()

    legal_hold_release(obj=case, released_by=agency_admin)
    assert counts(retention_run(dry_run=False, now=now), "case_material") == (1, 0, 1)
    assert not case_file.file.storage.exists(case_file.file.name)


def test_old_board_access_log_entries_are_deleted_but_case_entries_wait_for_the_case(now):
    case, _file = decided_case(decided_days_ago=30)
    AccessLog.objects.all().update(at=now.replace(year=now.year - 8))
    AccessLog.objects.create(
        user=agency_user(), board=case.board, action="view", what="draft 3", path="/"
    )
    AccessLog.objects.filter(case__isnull=True).update(at=now.replace(year=now.year - 8))
    assert counts(retention_run(dry_run=False, now=now), "board_access_log") == (1, 0, 1)
    assert AccessLog.objects.filter(case=case).count() == 1


def agency_user():
    from tests.factories import UserFactory

    return UserFactory()


def test_delivery_purge_keeps_the_notice_statistics(now, staff, client):
    notice = released_notice()
    delivery(notice, address="a@example.org", days_ago=800)
    delivery(notice, address="b@example.org", days_ago=200, status=DeliveryStatus.FAILED)
    delivery(notice, address="c@example.org", days_ago=800, language="es")
    delivery(notice, address="d@example.org", days_ago=10)
    delivery(notice, address="e@example.org", days_ago=800, status=DeliveryStatus.PENDING)
    before_stats = notice_delivery_stats(notice=notice)
    before_list = notice_list_for_staff().get(pk=notice.pk)

    assert counts(retention_run(dry_run=False, now=now), "notice_deliveries") == (3, 0, 3)
    assert set(Delivery.objects.values_list("address", flat=True)) == {
        "d@example.org",
        "e@example.org",  # pending: still the outbox's
    }
    notice.refresh_from_db()
    assert notice_delivery_stats(notice=notice) == before_stats
    after_list = notice_list_for_staff().get(pk=notice.pk)
    assert (after_list.delivery_count, after_list.sent_count, after_list.failed_count) == (
        before_list.delivery_count,
        before_list.sent_count,
        before_list.failed_count,
    )
    assert (after_list.delivery_count, after_list.sent_count, after_list.failed_count) == (5, 3, 1)
    # A second purge adds to the kept counts rather than replacing them.
    Delivery.objects.filter(address="d@example.org").update(
        created_at=now.replace(year=2000), sent_at=now.replace(year=2000)
    )
    retention_run(dry_run=False, now=now)
    notice.refresh_from_db()
    assert notice_delivery_stats(notice=notice) == before_stats
    client.force_login(staff)
    page = client.get(reverse("staff:notices:detail", kwargs={"pk": notice.pk}))
    assert page.status_code == 200
    assert b"a@example.org" not in page.content


def test_deliveries_of_a_held_engagement_are_kept(now, agency_admin):
    from tests.factories import EngagementFactory

    engagement = EngagementFactory()
    notice = released_notice(engagement)
    delivery(notice, address="a@example.org", days_ago=800)
    other = released_notice()
    delivery(other, address="b@example.org", days_ago=800)
    legal_hold_set(obj=engagement, reason="Records request", set_by=agency_admin)
    assert counts(retention_run(dry_run=False, now=now), "notice_deliveries") == (1, 1, 1)
    assert Delivery.objects.filter(notice=notice).exists()
    assert not Delivery.objects.filter(notice=other).exists()


def test_minor_details_without_a_cohort_follow_the_program(now):
    application = minor_application(ended_days_ago=400, with_cohort=False)
    retention_run(dry_run=False, now=now)
    assert not MinorDetails.objects.filter(application=application).exists()


def test_the_inbox_is_the_residents_own_and_never_purged(now):
    notice = released_notice()
    inbox = delivery(notice, address="", channel="in_app", days_ago=3000)
    sms = delivery(notice, address="+12025550123", channel="sms", days_ago=200)
    assert counts(retention_run(dry_run=False, now=now), "notice_deliveries") == (1, 0, 1)
    assert Delivery.objects.filter(pk=inbox.pk).exists()
    assert not Delivery.objects.filter(pk=sms.pk).exists()


def test_an_email_is_kept_while_its_unsubscribe_link_works(now, client):
    from notices.models import Suppression
    from notices.services import delivery_render
    from notices.services.preferences import UNSUBSCRIBE_MAX_AGE

    notice = released_notice()
    link_days = UNSUBSCRIBE_MAX_AGE // 86400
    recent = delivery(notice, address="a@example.org", days_ago=200)
    expired = delivery(notice, address="b@example.org", days_ago=link_days + 1)
    failed = delivery(notice, address="c@example.org", days_ago=200, status=DeliveryStatus.FAILED)
    url = delivery_render(recent).unsubscribe_url

    assert counts(retention_run(dry_run=False, now=now), "notice_deliveries") == (2, 0, 2)
    assert set(Delivery.objects.values_list("pk", flat=True)) == {recent.pk}
    assert {expired.pk, failed.pk}.isdisjoint(Delivery.objects.values_list("pk", flat=True))

    # The guest acts on the 200-day-old email: one click still works.
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Suppression.objects.filter(channel="email", address="a@example.org").exists()


def test_log_entries_written_after_a_case_was_purged_go_on_the_next_run(now):
    case, _file = decided_case(decided_days_ago=2000)
    retention_run(dry_run=False, now=now)
    case.refresh_from_db()
    purged_at = case.purged_at
    assert purged_at is not None
    # A member opens the (now empty) case page afterwards: the view is logged with the case.
    AccessLog.objects.create(
        user=agency_user(), board=case.board, case=case, action="view", what="case", path="/"
    )
    assert counts(retention_run(dry_run=False, now=now), "case_material") == (1, 0, 1)
    assert not AccessLog.objects.filter(case=case).exists()
    case.refresh_from_db()
    assert case.purged_at == purged_at  # still the time the material went
    assert counts(retention_run(dry_run=False, now=now), "case_material") == (0, 0, 0)


def test_late_log_entries_of_a_held_purged_case_are_kept(now, agency_admin):
    case, _file = decided_case(decided_days_ago=2000)
    retention_run(dry_run=False, now=now)
    AccessLog.objects.create(
        user=agency_user(), board=case.board, case=case, action="view", what="case", path="/"
    )
    legal_hold_set(obj=case, reason="Claim", set_by=agency_admin)
    assert counts(retention_run(dry_run=False, now=now), "case_material") == (0, 1, 0)
    assert AccessLog.objects.filter(case=case).exists()


def test_a_hold_on_a_drafts_engagement_keeps_the_drafts_access_log(now, agency_admin):
    from tests.advisory_boards.conftest import make_board, make_draft

    board = make_board("pol")
    held_draft, other_draft = make_draft(board), make_draft(board, title="Other")
    for draft in (held_draft, other_draft):
        AccessLog.objects.create(
            user=agency_user(), board=board, draft=draft, action="view", what="d", path="/"
        )
    AccessLog.objects.update(at=now.replace(year=now.year - 8))
    legal_hold_set(obj=held_draft.engagement, reason="Records request", set_by=agency_admin)
    assert counts(retention_run(dry_run=False, now=now), "board_access_log") == (1, 1, 1)
    assert AccessLog.objects.filter(draft=held_draft).exists()
    assert not AccessLog.objects.filter(draft=other_draft).exists()


def test_existing_log_entries_are_linked_to_their_draft_by_their_text():
    """The migration that adds AccessLog.draft."""
    import importlib

    from django.apps import apps

    from tests.advisory_boards.conftest import make_board, make_draft

    migration = importlib.import_module(
        "advisory_boards.migrations.0004_accesslog_linked_to_its_draft"
    )
    board, other_board = make_board("pol"), make_board("other")
    draft = make_draft(board)
    user = agency_user()
    texts = {
        f"draft {draft.pk} v2": draft,
        f"draft {draft.pk} changes v3": draft,
        f"attachment 9 of draft {draft.pk}": draft,
        "meeting document 4": None,
        f"draft {draft.pk + 1000} v1": None,  # no such draft
    }
    for what in texts:
        AccessLog.objects.create(user=user, board=board, action="view", what=what, path="/")
    AccessLog.objects.create(
        user=user, board=other_board, action="view", what=f"draft {draft.pk} v1", path="/"
    )
    migration.link_entries_to_their_draft(apps, None)
    linked = dict(AccessLog.objects.filter(board=board).values_list("what", "draft"))
    assert linked == {what: (d.pk if d else None) for what, d in texts.items()}
    assert AccessLog.objects.get(board=other_board).draft is None


def test_the_draft_link_migration_reads_every_entry_before_it_updates_the_table(monkeypatch):
    """Streaming the rows it updates (`draft IS NULL` while `bulk_update` sets `draft`) is
    undefined on SQLite: the migration takes the (pk, draft) pairs into a list first."""
    import importlib

    from django.apps import apps
    from django.db.models.query import QuerySet

    from tests.advisory_boards.conftest import make_board, make_draft

    migration = importlib.import_module(
        "advisory_boards.migrations.0004_accesslog_linked_to_its_draft"
    )
    board = make_board("pol")
    draft = make_draft(board)
    user = agency_user()
    for version in range(3):
        AccessLog.objects.create(
            user=user, board=board, action="view", what=f"draft {draft.pk} v{version}", path="/"
        )

    def no_streaming(self, *args, **kwargs):
        raise AssertionError("the migration streams the table it updates")

    monkeypatch.setattr(QuerySet, "iterator", no_streaming)
    migration.link_entries_to_their_draft(apps, None)
    assert AccessLog.objects.filter(draft=draft).count() == 3
