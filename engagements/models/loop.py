"""The loop every engagement must close: input → action → report back."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

# Receipt codes avoid letters and digits people confuse (0/O, 1/I/L) when reading them aloud.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 10


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def normalize_receipt_code(raw: str) -> str:
    return "".join(char for char in raw.upper() if char.isalnum())


class Source(models.TextChoices):
    COMMENT_CARD = "comment_card", _("Comment card")
    MEETING_NOTE = "meeting_note", _("Note from a meeting")
    QUESTION = "question", _("Question")
    SURVEY_SUMMARY = "survey_summary", _("Survey result summary")
    BOARD_RECOMMENDATION = "board_recommendation", _("Board recommendation")
    ONLINE_COMMENT = "online_comment", _("Online comment")
    PHONE_OR_EMAIL = "phone_email", _("Phone call or email")


class Input(models.Model):
    """What the community said. It may be anonymous; its receipt code lets anyone follow it."""

    engagement = models.ForeignKey(
        "engagements.Engagement",
        verbose_name=_("engagement"),
        on_delete=models.PROTECT,
        related_name="inputs",
    )
    text = models.TextField(_("what was said"))
    source = models.CharField(
        _("source"), max_length=30, choices=Source.choices, default=Source.ONLINE_COMMENT
    )
    topic = models.ForeignKey(
        "engagements.Topic",
        verbose_name=_("topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
    )
    neighborhood = models.ForeignKey(
        "engagements.Neighborhood",
        verbose_name=_("neighborhood"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
    )
    # A guest may leave a way to reach them about this engagement only.
    contact_name = models.CharField(_("name"), max_length=100, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = PhoneNumberField(_("mobile phone"), blank=True)
    contact_consent = models.BooleanField(
        _("may be contacted about what happens next"), default=False
    )
    receipt_code = models.CharField(
        _("receipt code"), max_length=RECEIPT_LENGTH, unique=True, default=new_receipt_code
    )
    action = models.ForeignKey(
        "engagements.Action",
        verbose_name=_("action"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The staff member who typed it in from paper or a meeting."),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["engagement", "received_at"], name="input_engagement_received"),
            models.Index(
                fields=["received_at"],
                name="input_without_action",
                condition=Q(action__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.receipt_code}: {self.text[:60]}"

    @property
    def is_anonymous(self) -> bool:
        return self.author_id is None and not (self.contact_email or self.contact_phone)

    def get_receipt_url(self) -> str:
        return reverse("engagements:receipt_detail", kwargs={"code": self.receipt_code})


class ActionStatus(models.TextChoices):
    UNDER_REVIEW = "under_review", _("Under review")
    ADOPTED = "adopted", _("Adopted")
    PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    ALREADY_IN_PLACE = "already_in_place", _("Already in place")
    REFERRED = "referred", _("Referred to another body")


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)

    def overdue(self, *, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)


class Action(models.Model):
    """What the agency decided about one or more inputs."""

    engagement = models.ForeignKey(
        "engagements.Engagement",
        verbose_name=_("engagement"),
        on_delete=models.PROTECT,
        related_name="actions",
    )
    title = models.CharField(_("what we will do"), max_length=200)
    description = models.TextField(_("details"), blank=True)
    status = models.CharField(
        _("decision"),
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.UNDER_REVIEW,
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Required when the suggestion is not adopted."),
    )
    referred_to = models.CharField(
        _("referred to"),
        max_length=200,
        blank=True,
        help_text=_("The department or body now responsible."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_actions",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "pk"]
        constraints = [
            # The reason is translated; the default language's text is the one that must exist.
            models.CheckConstraint(
                name="action_not_adopted_has_reason",
                condition=~Q(status="not_adopted")
                | (Q(reason_en__isnull=False) & ~Q(reason_en="")),
            ),
            models.CheckConstraint(
                name="action_referred_names_body",
                condition=~Q(status="referred") | ~Q(referred_to=""),
            ),
        ]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"], name="action_owner_open")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.status == ActionStatus.NOT_ADOPTED and not (self.reason_en or "").strip():
            errors["reason_en"] = _("Say why it is not adopted: people deserve a reason.")
        if self.status == ActionStatus.REFERRED and not self.referred_to.strip():
            errors["referred_to"] = _("Name the body it was referred to.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_on and not self.done_on and self.due_on < timezone.localdate())


class ReportBack(models.Model):
    """The public "what we heard / what we did" of an engagement, translated."""

    engagement = models.ForeignKey(
        "engagements.Engagement",
        verbose_name=_("engagement"),
        on_delete=models.PROTECT,
        related_name="report_backs",
    )
    heard = models.TextField(_("what we heard"))
    did = models.TextField(_("what we did"))
    actions = models.ManyToManyField(
        Action, verbose_name=_("actions reported"), blank=True, related_name="report_backs"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("report-back")
        verbose_name_plural = _("report-backs")
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return str(_("Report-back on %(engagement)s")) % {"engagement": self.engagement}

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
