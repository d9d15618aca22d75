"""Confidential cases: staff prepare them (write-only), the board records findings and a
recommendation, the agency records its decision."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import Board, Case, CaseFile, CaseStatus


class CaseError(Exception):
    pass


@transaction.atomic
def case_create(*, board: Board, values: Mapping[str, Any], created_by: User) -> Case:
    if not board.reviews_cases:
        raise CaseError(_("Only citizen and serious-incident review boards review cases."))
    case = Case(board=board, created_by=created_by)
    for field in ("reference", "summary"):
        setattr(case, field, values[field])
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def case_file_add(*, case: Case, title: str, upload, uploaded_by: User) -> CaseFile:
    return CaseFile.objects.create(case=case, title=title, file=upload, uploaded_by=uploaded_by)


@transaction.atomic
def case_record_findings(*, case: Case, findings: str, recommendation: str) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.DECIDED:
        raise CaseError(_("The agency has decided this case; the findings cannot change."))
    if not findings.strip():
        raise CaseError(_("Write the board's findings."))
    case.findings = findings.strip()
    case.recommendation = recommendation.strip()
    case.status = CaseStatus.FINDINGS
    case.save(update_fields=["findings", "recommendation", "status"])
    return case


@transaction.atomic
def case_record_decision(*, case: Case, decision: str) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.FINDINGS:
        raise CaseError(_("Record the board's findings first."))
    if not decision.strip():
        raise CaseError(_("Write the agency's decision."))
    case.agency_decision = decision.strip()
    case.status = CaseStatus.DECIDED
    case.decided_at = timezone.now()
    case.save(update_fields=["agency_decision", "status", "decided_at"])
    return case
