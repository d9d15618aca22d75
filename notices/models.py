"""Notices and their outbox of deliveries.

A Notice is what the agency says (a subject and body per language) to an audience. Its Delivery rows,
one per recipient address and channel, are the outbox: written in the same transaction as the change
that caused the notice, then sent by Celery workers, each exactly once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation")
    REMINDER = "reminder", _("Reminder")
    CHANGE = "change", pgettext_lazy("kind of notice", "Change")
    CANCELLATION = "cancellation", _("Cancellation")
    INVITATION = "invitation", _("Invitation")
    REPORT_BACK = "report_back", _("Report-back")
    ANNOUNCEMENT = "announcement", _("Announcement")
    CUSTOM = "custom", _("Message from staff")


# Messages about something a person did themselves; they cannot be switched off per kind, only
# by leaving the channel altogether.
TRANSACTIONAL_KINDS = frozenset({Kind.CONFIRMATION, Kind.CHANGE, Kind.CANCELLATION})


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")
    IN_APP = "in_app", _("Inbox on this site")


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    RELEASED = "released", _("Sent to the outbox")
    CANCELLED = "cancelled", _("Cancelled")


class Notice(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    audience_kind = models.CharField(_("audience"), max_length=40)
    audience_params = models.JSONField(_("audience details"), default=dict, blank=True)
    channels = models.JSONField(
        _("channels"),
        default=list,
        help_text=_("Channels this notice may use; each person's own choices still apply."),
    )
    engagement = models.ForeignKey(
        "engagements.Engagement",
        verbose_name=_("engagement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notices",
    )
    # Files every recipient gets with the email, e.g. a session's calendar entry:
    # [{"filename": "session.ics", "mimetype": "text/calendar", "content": "..."}]
    attachments = models.JSONField(default=list, blank=True)
    link = models.CharField(
        _("link"),
        max_length=300,
        blank=True,
        help_text=_("A page on this site the message points to, e.g. /en/engagements/12/."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    released_at = models.DateTimeField(_("sent to the outbox"), null=True, blank=True)
    dedupe_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Counts of deliveries removed by the retention schedule, so the staff statistics stay whole:
    # rows of {"status", "channel", "language", "n", "fell_back"} summed with the live ones.
    purged_delivery_stats = models.JSONField(default=list, blank=True, editable=False)
    purged_deliveries = models.PositiveIntegerField(default=0, editable=False)
    purged_sent = models.PositiveIntegerField(default=0, editable=False)
    purged_failed = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "send_at"], name="notice_status_send_at")]

    def __str__(self) -> str:
        return self.subject


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One message to one address on one channel. Unique per notice, so never sent twice."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Email address, E.164 phone number, or "user:<id>" for the in-app inbox.
    address = models.CharField(max_length=320)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    language = models.CharField(max_length=10)
    # This recipient's own link, if the audience gave one (single-use invitations).
    link = models.CharField(max_length=300, blank=True)
    # True when the recipient's language had no translation and the default language was used.
    fell_back = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "channel", "address"], name="delivery_unique_per_address"
            ),
            models.CheckConstraint(
                name="delivery_in_app_has_user",
                condition=~Q(channel="in_app") | Q(user__isnull=False),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "not_before"], name="delivery_status_not_before"),
            models.Index(
                fields=["user", "channel", "read_at"],
                name="delivery_inbox",
                condition=Q(channel="in_app"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.channel}:{self.address}"


class OptOut(models.Model):
    """A person with an account does not want this kind of notice on this channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_opt_outs"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "channel"], name="opt_out_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: no {self.kind} by {self.channel}"


class Suppression(models.Model):
    """An address that must not be contacted on a channel (a guest's unsubscribe, a hard bounce)."""

    channel = models.CharField(max_length=10, choices=Channel.choices)
    address = models.CharField(max_length=320)
    reason = models.CharField(max_length=40, default="unsubscribed")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["channel", "address"], name="suppression_unique")
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.address} ({self.reason})"
