"""Surveys, their questions and choices."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Anonymity(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous: nothing links your answers to you")
    CONFIDENTIAL = "confidential", _("Confidential: linked to you only to count you once")
    IDENTIFIED = "identified", _("Identified: staff see who answered")


class Access(models.TextChoices):
    LINK = "link", _("Anyone with the link")
    INVITATION = "invitation", _("Invited people, each with a single-use link")
    ATTENDEES = "attendees", _("People who attended a session, invited when it ends")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Survey(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.PROTECT, related_name="surveys"
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    anonymity = models.CharField(
        _("anonymity"), max_length=20, choices=Anonymity.choices, default=Anonymity.ANONYMOUS
    )
    access = models.CharField(
        _("who may answer"), max_length=20, choices=Access.choices, default=Access.LINK
    )
    languages = models.JSONField(
        _("languages offered"),
        default=list,
        help_text=_(
            "The survey opens only when every question has text in each of these languages."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    trust_wave = models.CharField(
        _("trust survey wave"),
        max_length=60,
        blank=True,
        help_text=_(
            "For trust surveys repeated over time, e.g. '2027 spring'. Results form a trend."
        ),
    )
    ask_neighborhood = models.BooleanField(
        _("ask which neighborhood people live in"), default=True, help_text=_("Optional for them.")
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    results_published = models.BooleanField(_("results are public"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:answer", kwargs={"pk": self.pk})


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    AGREEMENT = "agreement", _("Agreement (5 points)")
    RATING = "rating", _("Rating from 0 to 10")
    NUMBER = "number", pgettext_lazy("kind of question", "Number")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
SCALE_KINDS = (QuestionKind.AGREEMENT, QuestionKind.RATING)
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
AGREEMENT_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neither agree nor disagree"),
    4: _("Agree"),
    5: _("Strongly agree"),
}


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    # Shown only when the answer to an earlier choice question includes this choice.
    show_if_choice = models.ForeignKey(
        "surveys.Choice",
        verbose_name=_("show only if this earlier answer was chosen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    publish_results = models.BooleanField(
        _("publish results of this question"),
        default=True,
        help_text=_("Free text is never published."),
    )
    bank_key = models.CharField(
        max_length=40, blank=True, help_text=_("Set for trust bank questions.")
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(_("choice"), max_length=200)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text
