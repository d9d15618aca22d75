"""Joining a board, and conflicts of interest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected this time")


class BoardApplication(models.Model):
    board = models.ForeignKey(
        "advisory_boards.Board", on_delete=models.CASCADE, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_applications"
    )
    motivation = models.TextField(_("why you want to join"), max_length=3000)
    answers = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "user"],
                condition=models.Q(status="submitted"),
                name="one_open_application_per_board",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.board}"


class ConflictDeclaration(models.Model):
    """A member's declaration for one draft or one case; a declared conflict recuses them."""

    membership = models.ForeignKey(
        "advisory_boards.Membership", on_delete=models.CASCADE, related_name="declarations"
    )
    draft = models.ForeignKey(
        "advisory_boards.PolicyDraft",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="declarations",
    )
    case = models.ForeignKey(
        "advisory_boards.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="declarations",
    )
    has_conflict = models.BooleanField(_("I have a conflict of interest"))
    details = models.TextField(_("details"), blank=True)
    declared_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(draft__isnull=False, case__isnull=True)
                | models.Q(draft__isnull=True, case__isnull=False),
                name="declaration_is_for_one_item",
            ),
            models.UniqueConstraint(
                fields=["membership", "draft"],
                condition=models.Q(draft__isnull=False),
                name="declaration_once_per_draft",
            ),
            models.UniqueConstraint(
                fields=["membership", "case"],
                condition=models.Q(case__isnull=False),
                name="declaration_once_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership}: {self.has_conflict}"
