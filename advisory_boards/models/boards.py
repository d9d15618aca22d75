"""Boards, their members and terms, and the confidentiality agreement members accept."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BoardKind(models.TextChoices):
    ADVISORY = "advisory", _("Community advisory group")
    POLICY_REVIEW = "policy_review", _("Policy review committee")
    CITIZEN_REVIEW = "citizen_review", _("Citizen review board")
    INCIDENT_REVIEW = "incident_review", _("Serious-incident review board")
    HIRING_PANEL = "hiring_panel", _("Hiring and promotion panel")


class Board(models.Model):
    kind = models.CharField(_("kind of board"), max_length=20, choices=BoardKind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), unique=True)
    purpose = models.CharField(_("purpose"), max_length=300)
    charter = models.TextField(_("charter"), blank=True)
    meeting_schedule = models.CharField(
        _("meeting schedule"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Second Tuesday of each month, 6 p.m., City Hall room 2'."),
    )
    is_listed = models.BooleanField(_("listed publicly"), default=True)
    accepts_applications = models.BooleanField(_("residents may apply to join"), default=False)
    recruitment_questions = models.TextField(
        _("questions for applicants"),
        blank=True,
        help_text=_(
            "One per line. Ask what helps the board reflect the city, e.g. lived experience, "
            "languages spoken, neighborhood."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("board")
        verbose_name_plural = _("boards")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("advisory_boards:board", kwargs={"slug": self.slug})

    @property
    def reviews_cases(self) -> bool:
        return self.kind in (BoardKind.CITIZEN_REVIEW, BoardKind.INCIDENT_REVIEW)

    def recruitment_question_list(self) -> list[str]:
        return [line.strip() for line in self.recruitment_questions.splitlines() if line.strip()]


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")
    LIAISON = "liaison", _("Staff liaison")


class MembershipQuerySet(models.QuerySet):
    def current(self, *, on=None):
        """Members whose term has begun and not ended, and who were not removed."""
        today = on or timezone.localdate()
        return self.filter(
            Q(term_end__isnull=True) | Q(term_end__gte=today),
            term_start__lte=today,
            removed_at__isnull=True,
        )


class Membership(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    name_is_public = models.BooleanField(
        _("show my name on the board's public page"), default=False
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["board", "role", "user__display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="membership_term_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.board}"


class Agreement(models.Model):
    """A version of a board's confidentiality agreement. Members accept the latest one before any
    confidential material opens; a new version must be accepted again."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="agreements")
    version = models.PositiveIntegerField()
    text = models.TextField(_("text of the agreement"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("confidentiality agreement")
        verbose_name_plural = _("confidentiality agreements")
        ordering = ["board", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["board", "version"], name="agreement_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.board} v{self.version}"


class AgreementAcceptance(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="acceptances")
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="+")
    typed_name = models.CharField(_("your full name, as a signature"), max_length=200)
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "agreement"], name="agreement_accepted_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.membership} accepted v{self.agreement.version}"
