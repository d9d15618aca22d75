"""Academies and youth programs: applications, selection, minors' details kept to coordinators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("application status", "Received")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waitlist")
    DECLINED = "declined", _("Not accepted this time")


class Application(models.Model):
    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="applications"
    )
    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    # The applicant, or for a child the guardian who applies for them.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    answers = models.JSONField(_("answers"), default=list)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the retention schedule deleted the young applicant's details after the program.
    minor_details_removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.program} — {self.user}"

    @property
    def is_for_minor(self) -> bool:
        return self.minor_details_removed_at is not None or hasattr(self, "minor")

    @property
    def applicant_name(self) -> str:
        try:
            return self.minor.child_name
        except MinorDetails.DoesNotExist:
            if self.minor_details_removed_at:
                return str(_("Young person (details removed)"))
            return self.user.get_full_name()


class MinorDetails(models.Model):
    """A young applicant's details. Only the program's coordinators see them."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="minor")
    child_name = models.CharField(_("young person's name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    school = models.CharField(_("school"), max_length=150, blank=True)
    guardian_name = models.CharField(_("guardian's name"), max_length=100)
    guardian_phone = models.CharField(_("guardian's phone"), max_length=30, blank=True)
    guardian_consent_at = models.DateTimeField(_("guardian's consent given"))

    class Meta:
        verbose_name = _("young applicant's details")
        verbose_name_plural = _("young applicants' details")

    def __str__(self) -> str:
        return self.child_name
