"""Volunteers log the hours they give; staff approve them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HoursStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


class VolunteerHours(models.Model):
    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="volunteer_hours"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_hours"
    )
    session = models.ForeignKey(
        "programs.Session",
        verbose_name=_("shift"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    worked_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    description = models.CharField(_("what you did"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=HoursStatus.choices, default=HoursStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        ordering = ["-worked_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="volunteer_hours_positive_and_at_most_a_day",
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=24),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.hours} h"
