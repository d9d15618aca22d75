"""Policy drafts under review: versions of numbered sections, comments and the agency's answer to
each, members' positions, and the board's recommendations."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    PURSUIT = "pursuit", _("Vehicle pursuits")
    BODY_CAMERAS = "body_cameras", _("Body-worn cameras")
    EARLY_WARNING = "early_warning", _("Early warning systems")
    USE_OF_FORCE = "use_of_force", _("Use of force")
    TECHNOLOGY = "technology", _("New technology")
    ENFORCEMENT_PRIORITIES = "enforcement_priorities", _("Enforcement priorities")
    STRATEGIC_PLAN = "strategic_plan", _("Strategic plan")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    BOARD = "board", _("Board only (confidential)")
    PUBLIC = "public", _("Public comment period: any resident may comment")


class DraftStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    IN_REVIEW = "in_review", _("In review")
    CLOSED = "closed", _("Review closed")


class PolicyDraft(models.Model):
    board = models.ForeignKey(
        "advisory_boards.Board", on_delete=models.PROTECT, related_name="drafts"
    )
    # The review is an engagement: inputs (adopted recommendations) and actions live in its loop.
    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.PROTECT, related_name="policy_draft"
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("plain-language summary"),
        help_text=_(
            "What the policy does and what changes, for readers without a legal background."
        ),
    )
    glossary = models.TextField(
        _("glossary"), blank=True, help_text=_("One term per line: 'term: what it means'.")
    )
    visibility = models.CharField(
        _("who may read and comment"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.BOARD,
    )
    review_opens_on = models.DateField(_("review opens"))
    review_closes_on = models.DateField(_("review closes"))
    status = models.CharField(
        max_length=20, choices=DraftStatus.choices, default=DraftStatus.PREPARING
    )
    opening_notice_sent = models.BooleanField(default=False)
    closing_reminder_sent = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("policy draft")
        verbose_name_plural = _("policy drafts")
        ordering = ["-review_opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_closes_on__gte=models.F("review_opens_on")),
                name="draft_review_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advisory_boards:draft", kwargs={"pk": self.pk})

    def glossary_terms(self) -> list[tuple[str, str]]:
        terms = []
        for line in self.glossary.splitlines():
            # Chinese and Japanese keyboards type a full-width colon.
            term, _sep, meaning = line.replace("\uff1a", ":").partition(":")
            if term.strip() and meaning.strip():
                terms.append((term.strip(), meaning.strip()))
        return terms


class DraftVersion(models.Model):
    draft = models.ForeignKey(PolicyDraft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["draft", "number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="draft_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.draft} v{self.number}"


class Section(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="sections")
    # Stable across versions, so a section can be compared with its earlier self.
    key = models.SlugField(max_length=60)
    number = models.CharField(_("number"), max_length=20)
    position = models.PositiveIntegerField(default=0)
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="section_key_once_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.heading}"


class Comment(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="draft_comments"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted: the section was changed")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    NOTED = "noted", _("Noted")


class CommentResponse(models.Model):
    """The agency's answer to one comment; it reaches the commenter as a notice."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="response")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason or explanation"))
    # For adopted comments: the section of the later version that carries the change.
    changed_section = models.ForeignKey(
        Section,
        verbose_name=_("changed section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changed_by_responses",
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    responded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.get_outcome_display()


class Stance(models.TextChoices):
    SUPPORT = "support", _("Support")
    AMEND = "amend", _("Support with amendments")
    OPPOSE = "oppose", _("Oppose")
    ABSTAIN = "abstain", _("Abstain")


class Position(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="positions")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="draft_positions"
    )
    stance = models.CharField(_("your position"), max_length=10, choices=Stance.choices)
    rationale = models.TextField(_("why"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "member"], name="position_once_per_member")
        ]

    def __str__(self) -> str:
        return self.get_stance_display()


class RecommendationStatus(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    ADOPTED = "adopted", _("Adopted by the board")
    REJECTED = "rejected", _("Not adopted by the board")


class Recommendation(models.Model):
    draft = models.ForeignKey(PolicyDraft, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("recommendation"))
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.DRAFTED
    )
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    votes_abstaining = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    voted_at = models.DateTimeField(null=True, blank=True)
    # Set when adopted: the recommendation as an input of the review's engagement.
    input = models.OneToOneField(
        "engagements.Input",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_recommendation",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


def _private_storage():
    return storages["board_files"]


class Attachment(models.Model):
    """Served only through a permission-checked view; the storage has no public URL."""

    draft = models.ForeignKey(PolicyDraft, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=_private_storage, upload_to="drafts/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title


class AccessAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    DOWNLOAD = "download", _("Downloaded")


class AccessLog(models.Model):
    """Who opened which confidential material, and when. Kept for agency admins."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    board = models.ForeignKey(
        "advisory_boards.Board", on_delete=models.CASCADE, related_name="access_log"
    )
    # Set when the material opened belongs to a case, so the case's log follows its retention.
    case = models.ForeignKey(
        "advisory_boards.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_log",
    )
    # Set when the material opened belongs to a draft, so a legal hold on its engagement keeps it.
    draft = models.ForeignKey(
        PolicyDraft,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_log",
    )
    action = models.CharField(max_length=10, choices=AccessAction.choices)
    what = models.CharField(max_length=300)
    path = models.CharField(max_length=300)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["board", "-at"], name="accesslog_board_at")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} {self.what}"
