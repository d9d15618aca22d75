"""Retention of confidential case material and of the access log.

A decided case keeps its reference, board, status and dates (that it existed and was decided);
after the period its confidential text, its files (from the private storage too), the details of
conflict declarations and the log of who opened it are deleted; log entries written after that
(the emptied case page was opened) go on the next run. A legal hold on the case stops all of it.
The access log of other board material (drafts, meeting documents) has its own period; a legal
hold on a draft's engagement keeps the entries about that draft.
"""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from engagements.retention import RetentionRule, register

from .models import AccessLog, Case, CaseFile, CaseStatus, ConflictDeclaration


def _cases_due(cutoff: datetime, now: datetime) -> QuerySet:
    """Decided cases past the period not purged yet, and purged ones whose page was opened since:
    those log entries go on the next run."""
    late_log = Exists(AccessLog.objects.filter(case=OuterRef("pk")))
    return Case.objects.filter(
        Q(purged_at__isnull=True) | Q(late_log),
        status=CaseStatus.DECIDED,
        decided_at__lte=cutoff,
    )


def _cases_purge(queryset: QuerySet, now: datetime) -> int:
    case_ids = list(queryset.values_list("pk", flat=True))
    files = list(CaseFile.objects.filter(case_id__in=case_ids).select_for_update())
    CaseFile.objects.filter(pk__in=[case_file.pk for case_file in files]).delete()
    AccessLog.objects.filter(case_id__in=case_ids).delete()
    ConflictDeclaration.objects.filter(case_id__in=case_ids).update(details="")
    # A case purged before keeps the time its material went.
    changed = queryset.update(
        summary="",
        findings="",
        recommendation="",
        agency_decision="",
        purged_at=Coalesce("purged_at", Value(now)),
    )
    # Last, so a storage error rolls the rows back and the next run tries again; a file already
    # gone is no error (FileSystemStorage.delete ignores it).
    for case_file in files:
        if case_file.file.name:
            case_file.file.storage.delete(case_file.file.name)
    return changed


def _access_log_due(cutoff: datetime, now: datetime) -> QuerySet:
    # Entries about a case go with the case (above), never on their own. Entries about a draft
    # are held by a hold on the draft's engagement (hold_lookup below).
    return AccessLog.objects.filter(case__isnull=True, at__lte=cutoff)


def _access_log_delete(queryset: QuerySet, now: datetime) -> int:
    _total, by_model = queryset.delete()
    return by_model.get(AccessLog._meta.label, 0)


def register_rules() -> None:
    register(
        RetentionRule(
            key="case_material",
            label=_("Confidential case material (text, files, access log)"),
            description=_(
                "This many days after the agency's decision on a case, its summary, findings, "
                "recommendation, decision text, files, conflict details and access log are "
                "deleted; access-log entries written later go on the next run. The case "
                "reference, board and dates stay."
            ),
            default_days=1095,
            select_due=_cases_due,
            hold_lookup="legal_hold",
            apply=_cases_purge,
        )
    )
    register(
        RetentionRule(
            key="board_access_log",
            label=_("Log of who opened confidential board material (other than cases)"),
            description=_(
                "Entries older than this many days are deleted, except those about a draft "
                "whose engagement is under a legal hold."
            ),
            default_days=2555,
            select_due=_access_log_due,
            hold_lookup="draft__engagement__legal_hold",
            apply=_access_log_delete,
        )
    )
