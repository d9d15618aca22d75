"""Information sharing: media releases and updates, and press-conference questions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AnnouncementKind(models.TextChoices):
    TRAFFIC = "traffic", _("Traffic update")
    HELP_IDENTIFY = "help_identify", _("Help us identify a suspect")
    EVENT = "event", _("Community event")
    POSITIVE_STORY = "positive_story", _("Good news")
    PRESS_RELEASE = "press_release", _("Press release")


class AnnouncementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Announcement(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=AnnouncementKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("text"))
    topics = models.ManyToManyField(
        "engagements.Topic", verbose_name=_("topics"), blank=True, related_name="announcements"
    )
    neighborhoods = models.ManyToManyField(
        "engagements.Neighborhood",
        verbose_name=_("neighborhoods"),
        blank=True,
        related_name="announcements",
    )
    engagement = models.ForeignKey(
        "engagements.Engagement",
        verbose_name=_("related engagement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announcements",
        help_text=_("For example the press conference where residents can send questions."),
    )
    notify_followers = models.BooleanField(
        _("notify followers"),
        default=False,
        help_text=_("On publishing, send it to people who follow its topics or neighborhoods."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["published_at"], name="announcement_published")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("announcements:detail", kwargs={"pk": self.pk})


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Not published")


class QuestionReview(models.Model):
    """Moderation and answer of a question sent before a press conference. The question itself
    is an Input of the press conference's engagement, so it also enters the loop."""

    input = models.OneToOneField(
        "engagements.Input", on_delete=models.CASCADE, related_name="question_review"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    answer = models.TextField(_("answer"), blank=True)
    decline_reason = models.CharField(
        _("why it is not published"),
        max_length=200,
        blank=True,
        help_text=_("For staff records, e.g. a duplicate, or it names a private person."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("question review")
        verbose_name_plural = _("question reviews")

    def __str__(self) -> str:
        return f"{self.input_id}: {self.status}"
