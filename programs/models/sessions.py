"""Sessions, the series that create them, and the sign-ups people trust."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_registration_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Series(models.Model):
    """A set of sessions created in one go; edits and cancellations can apply to the rest of it."""

    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="series")
    description = models.CharField(_("pattern"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return self.description


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CHANGED = "changed", _("Changed")
    CANCELLED = "cancelled", _("Cancelled")
    COMPLETED = "completed", _("Completed")


class SessionQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=SessionStatus.CANCELLED)

    def upcoming(self):
        return self.active().filter(ends_at__gte=timezone.now())


class Session(models.Model):
    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="sessions"
    )
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    cohort = models.ForeignKey(
        "programs.Cohort", on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Optional: e.g. 'Week 3: use of force'."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        "programs.Venue",
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
    )
    virtual_link = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to people signed up.")
    )
    capacity = models.PositiveIntegerField(_("places"), default=30)
    waitlist_enabled = models.BooleanField(_("waitlist when full"), default=True)
    registration_opens_at = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    languages = models.ManyToManyField(
        "engagements.Language", verbose_name=_("spoken in"), blank=True, related_name="+"
    )
    interpretation = models.ManyToManyField(
        "engagements.Language",
        verbose_name=_("interpretation into"),
        blank=True,
        related_name="+",
    )
    asl = models.BooleanField(_("ASL interpretation"), default=False)
    hosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hosts"),
        blank=True,
        related_name="hosted_sessions",
    )
    partner_hosts = models.ManyToManyField(
        "programs.Partner", verbose_name=_("partner hosts"), blank=True, related_name="sessions"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    thanks_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at", "status"], name="session_starts_status")]
        constraints = [
            models.CheckConstraint(
                name="session_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            ),
            models.CheckConstraint(
                name="session_has_a_place",
                condition=Q(venue__isnull=False) | ~Q(virtual_link=""),
            ),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{self.title or self.program} — {start:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("programs:session", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        return self.title or self.program.engagement.title

    @property
    def is_open_for_registration(self) -> bool:
        now = timezone.now()
        return (
            self.status in (SessionStatus.SCHEDULED, SessionStatus.CHANGED)
            and self.ends_at > now
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or self.registration_closes_at > now)
        )


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for your confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (
    RegistrationStatus.UNCONFIRMED,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
)


class Registration(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="registrations",
    )
    guest_name = models.CharField(_("name"), max_length=100, blank=True)
    guest_email = models.EmailField(_("email"), blank=True)
    guest_phone = PhoneNumberField(_("mobile phone"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    code = models.CharField(
        _("registration code"), max_length=8, unique=True, default=new_registration_code
    )
    # Lets a guest confirm and cancel from the links in their messages, without an account.
    token = models.CharField(max_length=64, unique=True, default=new_token)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    # Accommodations the person asked for; shown to staff on the roster.
    interpreter_language = models.ForeignKey(
        "engagements.Language",
        verbose_name=_("interpreter for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    needs_asl = models.BooleanField(_("ASL interpreter"), default=False)
    needs_step_free = models.BooleanField(_("step-free access"), default=False)
    needs_childcare = models.BooleanField(_("childcare"), default=False)
    needs_other = models.CharField(_("anything else we should know"), max_length=300, blank=True)
    confidentiality_acknowledged_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    no_show = models.BooleanField(_("did not come"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Set when the retention schedule blanked a guest's name, email and phone.
    contact_removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # A repeated sign-up finds the existing one instead of creating a second.
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="registration_one_active_per_user",
            ),
            models.UniqueConstraint(
                fields=["session", "guest_email"],
                condition=Q(user__isnull=True) & ~Q(guest_email="") & ~Q(status="cancelled"),
                name="registration_one_active_per_guest_email",
            ),
            models.CheckConstraint(
                name="registration_user_or_guest_contact",
                condition=Q(user__isnull=False)
                | ~Q(guest_email="")
                | ~Q(guest_phone="")
                | Q(contact_removed_at__isnull=False),
            ),
            models.CheckConstraint(
                name="registration_waitlist_has_time",
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status", "waitlisted_at"], name="registration_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("programs:registration", kwargs={"token": self.token})

    @property
    def has_place(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def name(self) -> str:
        if self.user_id:
            return self.user.get_full_name()
        return self.guest_name or (_("Guest (details removed)") if self.contact_removed_at else "")

    @property
    def needs(self) -> list[str]:
        present = [
            (
                self.interpreter_language_id,
                _("Interpreter: %(language)s") % {"language": self.interpreter_language},
            ),
            (self.needs_asl, _("ASL interpreter")),
            (self.needs_step_free, _("Step-free access")),
            (self.needs_childcare, _("Childcare")),
            (self.needs_other, self.needs_other),
        ]
        return [str(label) for has, label in present if has]
