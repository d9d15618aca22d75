"""Confidential case review (citizen and serious-incident review boards). Only the board's current
members who accepted its agreement open a case; staff prepare it (write-only) and agency admins
read the log of who opened it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagements.models.retention import LegalHold, legal_hold_has_reason

from .drafts import _private_storage


class CaseStatus(models.TextChoices):
    IN_REVIEW = "in_review", _("In review by the board")
    FINDINGS = "findings", _("Board findings recorded")
    DECIDED = "decided", _("Agency decision recorded")


class Case(LegalHold):
    board = models.ForeignKey(
        "advisory_boards.Board", on_delete=models.PROTECT, related_name="cases"
    )
    reference = models.CharField(_("case reference"), max_length=40)
    summary = models.TextField(
        _("redacted summary"),
        help_text=_("Remove names, addresses and anything the board does not need."),
    )
    findings = models.TextField(_("the board's findings"), blank=True)
    recommendation = models.TextField(_("the board's recommendation"), blank=True)
    agency_decision = models.TextField(_("the agency's decision"), blank=True)
    status = models.CharField(
        max_length=20, choices=CaseStatus.choices, default=CaseStatus.IN_REVIEW
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The case is closed when the agency records its decision; the retention period runs from here.
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(
        _("confidential material purged"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("confidential case")
        verbose_name_plural = _("confidential cases")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["board", "reference"], name="case_reference_once"),
            legal_hold_has_reason("case_legal_hold_has_reason"),
        ]

    def __str__(self) -> str:
        return self.reference


class CaseFile(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=_private_storage, upload_to="cases/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
