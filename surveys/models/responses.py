"""Responses, kept honest to the survey's promise of anonymity.

For an anonymous survey a Response stores no user, no IP address, no session key and no time of
day (the date only), and its id is a random UUID. Whether someone has answered is a separate
Participation row (a keyed hash of the person or token) with no link to their Response: nothing joins
the two.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ResponseMode(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper, entered by staff")


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey("surveys.Survey", on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField()
    language = models.CharField(max_length=10)
    mode = models.CharField(
        max_length=10, choices=ResponseMode.choices, default=ResponseMode.ONLINE
    )
    neighborhood = models.ForeignKey(
        "engagements.Neighborhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Only for confidential and identified surveys.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=models.Q(user__isnull=False),
                name="response_once_per_person",
            )
        ]
        indexes = [models.Index(fields=["survey", "language"], name="response_survey_language")]

    def __str__(self) -> str:
        return str(self.id)


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "surveys.Question", on_delete=models.CASCADE, related_name="answers"
    )
    # One row per chosen choice (several for a multiple-choice question).
    choice = models.ForeignKey(
        "surveys.Choice", on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["question", "choice"], name="answer_question_choice"),
            models.Index(fields=["question", "number"], name="answer_question_number"),
            # Respondents per multiple-choice question: an index-only distinct count.
            models.Index(fields=["question", "response"], name="answer_question_response"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}"


class Participation(models.Model):
    """That someone (a person or an invitation token) has answered: a keyed hash only."""

    survey = models.ForeignKey(
        "surveys.Survey", on_delete=models.CASCADE, related_name="participations"
    )
    key = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "key"], name="participation_once")]

    def __str__(self) -> str:
        return self.key[:8]


class Invitation(models.Model):
    """A single-use link for one person. Using it marks it used; nothing records which response."""

    survey = models.ForeignKey(
        "surveys.Survey", on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    language = models.CharField(max_length=10)
    occasion = models.CharField(max_length=60, blank=True)
    used = models.BooleanField(default=False)
    sent = models.BooleanField(default=False)
    # The retention clock: an address given after the engagement's report-back is kept longer.
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=models.Q(user__isnull=False),
                name="invitation_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["survey", "email"],
                condition=~models.Q(email=""),
                name="invitation_once_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.token[:6]}"
