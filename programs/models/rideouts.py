"""Ride-outs: requests with eligibility rules, a versioned waiver, and a staff-only background check."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Waiver(models.Model):
    """One version of a program's waiver. A new version never changes what people signed before."""

    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="waivers"
    )
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text of the waiver"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("waiver")
        verbose_name_plural = _("waivers")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["program", "version"], name="waiver_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.program} — v{self.version}"


class Unit(models.TextChoices):
    PATROL = "patrol", _("Patrol")
    K9 = "k9", _("K-9 unit")
    TRAFFIC = "traffic", _("Traffic enforcement")


class RideOutStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Received, being reviewed")
    APPROVED = "approved", _("Approved and scheduled")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class BackgroundCheck(models.TextChoices):
    PENDING = "pending", _("Pending")
    CLEARED = "cleared", _("Cleared")
    NOT_CLEARED = "not_cleared", _("Not cleared")


class RideOutRequest(models.Model):
    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="rideout_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rideout_requests"
    )
    unit = models.CharField(
        _("unit you would like to ride with"), max_length=20, choices=Unit.choices
    )
    preferred_date_1 = models.DateField(_("first choice of date"))
    preferred_date_2 = models.DateField(_("second choice"), null=True, blank=True)
    preferred_date_3 = models.DateField(_("third choice"), null=True, blank=True)
    date_of_birth = models.DateField(_("date of birth"))
    lives_in_city = models.BooleanField(_("I live in the city"), default=False)
    guardian_name = models.CharField(_("guardian's name"), max_length=100, blank=True)
    guardian_email = models.EmailField(_("guardian's email"), blank=True)
    guardian_consent_at = models.DateTimeField(null=True, blank=True)
    waiver = models.ForeignKey(Waiver, on_delete=models.PROTECT, related_name="+")
    signature = models.CharField(_("typed signature"), max_length=150)
    signed_at = models.DateTimeField()
    status = models.CharField(
        _("status"), max_length=20, choices=RideOutStatus.choices, default=RideOutStatus.SUBMITTED
    )
    # Staff only: never shown to the resident or anyone else.
    background_check = models.CharField(
        _("background check"),
        max_length=20,
        choices=BackgroundCheck.choices,
        default=BackgroundCheck.PENDING,
    )
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    assigned_unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rideouts_hosted",
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ride-out request")
        verbose_name_plural = _("ride-out requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="rideout_approved_is_scheduled_and_cleared",
                condition=~Q(status="approved")
                | (Q(scheduled_at__isnull=False) & Q(background_check="cleared")),
            ),
            models.CheckConstraint(
                name="rideout_declined_has_reason",
                condition=~Q(status="declined") | ~Q(decline_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_unit_display()}"

    @property
    def preferred_dates(self) -> list:
        return [
            d for d in (self.preferred_date_1, self.preferred_date_2, self.preferred_date_3) if d
        ]
