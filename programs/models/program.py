"""A program is one engagement that has sessions, and sometimes rules of its own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramKind(models.TextChoices):
    SESSIONS = "sessions", _("Drop-in sessions (Coffee with a Cop, town halls, briefings)")
    RIDE_OUT = "ride_out", _("Ride-outs")
    ACADEMY = "academy", _("Academy or youth program with applications")
    VOLUNTEER = "volunteer", _("Volunteer program with shifts")
    SCENARIO = "scenario", _("Training or hiring scenario role-play")
    TRAINING = "training", _("Co-facilitated training")


class Program(models.Model):
    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.PROTECT, related_name="program"
    )
    kind = models.CharField(
        _("kind of program"),
        max_length=20,
        choices=ProgramKind.choices,
        default=ProgramKind.SESSIONS,
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_programs",
        help_text=_("Staff who run it; only they see minors' details."),
    )
    partners = models.ManyToManyField(
        "programs.Partner",
        verbose_name=_("partner organizations"),
        blank=True,
        related_name="programs",
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder, hours before a session"), default=24
    )
    requires_confidentiality = models.BooleanField(
        _("sign-up needs a confidentiality acknowledgement"),
        default=False,
        help_text=_("For hiring and promotion scenarios."),
    )
    # Ride-outs
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=18)
    min_age_with_guardian = models.PositiveSmallIntegerField(
        _("minimum age with a guardian's consent"), null=True, blank=True, default=16
    )
    max_per_year = models.PositiveSmallIntegerField(
        _("at most this many per person in 12 months"), null=True, blank=True, default=1
    )
    residency_required = models.BooleanField(_("only residents of the city"), default=False)
    # Academies and youth programs
    completion_percent = models.PositiveSmallIntegerField(
        _("attendance needed to complete (%)"), default=80
    )
    application_questions = models.TextField(
        _("application questions"),
        blank=True,
        help_text=_("One question per line."),
    )

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return str(self.engagement)

    @property
    def questions(self) -> list[str]:
        return [line.strip() for line in self.application_questions.splitlines() if line.strip()]
