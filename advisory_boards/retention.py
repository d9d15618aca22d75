"""Retention of confidential case material and of the access log.

A decided case keeps its reference, board, status and dates (that it existed and was decided);
after the period its confidential text, its files (from the private storage too), the details of
conflict declarations and the log of who opened it are deleted. A legal hold on the case stops all
of it. The access log of other board material (drafts, meeting documents) has its own period.
"""

from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from engagements.retention import RetentionRule, register

from .models import AccessLog, Case, CaseFile, CaseStatus, ConflictDeclaration


def _cases_due(cutoff: datetime, now: datetime) -> QuerySet:
    return Case.objects.filter(
        status=CaseStatus.DECIDED, decided_at__lte=cutoff, purged_at__isnull=True
    )


def _cases_purge(queryset: QuerySet, now: datetime) -> int:
    case_ids = list(queryset.values_list("pk", flat=True))
    files = list(CaseFile.objects.filter(case_id__in=case_ids).select_for_update())
    CaseFile.objects.filter(pk__in=[case_file.pk for case_file in files]).delete()
    AccessLog.objects.filter(case_id__in=case_ids).delete()
    ConflictDeclaration.objects.filter(case_id__in=case_ids).update(details="")
    changed = queryset.update(
        summary="", findings="", recommendation="", agency_decision="", purged_at=now
    )
    # Last, so a storage error rolls the rows back and the next run tries again; a file already
    # gone is no error (FileSystemStorage.delete ignores it).
    for case_file in files:
        if case_file.file.name:
            case_file.file.storage.delete(case_file.file.name)
    return changed


def _access_log_due(cutoff: datetime, now: datetime) -> QuerySet:
    # Entries about a case go with the case (above), never on their own.
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
                "deleted. The case reference, board and dates stay."
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
            description=_("Entries older than this many days are deleted."),
            default_days=2555,
            select_due=_access_log_due,
            hold_lookup="case__legal_hold",
            apply=_access_log_delete,
        )
    )
