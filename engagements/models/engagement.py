"""The engagement catalogue: one row per thing the community can take part in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .retention import LegalHold, legal_hold_has_reason


class Category(models.TextChoices):
    """The five bands of the engagement spectrum in the guides."""

    INFORMATION_SHARING = "information", _("Information sharing")
    IN_PERSON = "in_person", _("In-person interactions")
    STRUCTURED_PROGRAMS = "programs", _("Structured agency programs")
    PERSONNEL_DEVELOPMENT = "personnel", _("Personnel development")
    CO_PRODUCED_SOLUTIONS = "co_produced", _("Co-produced solutions")


class Format(models.TextChoices):
    # Information sharing
    MEDIA_RELEASE = "media_release", _("Media release or update")
    COMMUNITY_SURVEY = "community_survey", _("Community survey")
    PRESS_CONFERENCE = "press_conference", _("Press conference with community questions")
    # In-person interactions
    COMMUNITY_EVENT = "community_event", _("Community event")
    COFFEE_WITH_A_COP = "coffee_with_a_cop", _("Coffee with a Cop")
    NATIONAL_NIGHT_OUT = "national_night_out", _("National Night Out")
    RIDE_OUT = "ride_out", _("Ride-out")
    FRONT_PORCH_LINEUP = "front_porch_lineup", _("Front-porch line-up")
    NEIGHBORHOOD_BRIEFING = "neighborhood_briefing", _("Neighborhood briefing")
    TOWN_HALL = "town_hall", _("Town hall meeting")
    STRATEGIC_PARTNERSHIP = "strategic_partnership", _("Strategic partnership")
    # Structured agency programs
    CITIZEN_POLICE_ACADEMY = "citizen_police_academy", _("Citizen police academy")
    YOUTH_PROGRAM = "youth_program", _("Youth program (Explorers, schools)")
    VOLUNTEER_PROGRAM = "volunteer_program", _("Volunteer opportunity")
    # Personnel development
    TRAINING_SCENARIO = "training_scenario", _("Training scenario participation")
    CO_FACILITATED_TRAINING = "co_facilitated_training", _("Co-facilitated training")
    HIRING_SCENARIO = "hiring_scenario", _("Hiring or promotion scenario role-play")
    # Co-produced solutions
    LISTENING_SESSION = "listening_session", _("Listening session or focus group")
    POLICY_REVIEW = "policy_review", _("Policy review committee")
    HIRING_BOARD = "hiring_board", _("Hiring or promotion board")
    ADVISORY_GROUP = "advisory_group", _("Community advisory group")
    CITIZEN_REVIEW_BOARD = "citizen_review_board", _("Citizen review board")


FORMATS_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    Category.INFORMATION_SHARING: (
        Format.MEDIA_RELEASE,
        Format.COMMUNITY_SURVEY,
        Format.PRESS_CONFERENCE,
    ),
    Category.IN_PERSON: (
        Format.COMMUNITY_EVENT,
        Format.COFFEE_WITH_A_COP,
        Format.NATIONAL_NIGHT_OUT,
        Format.RIDE_OUT,
        Format.FRONT_PORCH_LINEUP,
        Format.NEIGHBORHOOD_BRIEFING,
        Format.TOWN_HALL,
        Format.STRATEGIC_PARTNERSHIP,
    ),
    Category.STRUCTURED_PROGRAMS: (
        Format.CITIZEN_POLICE_ACADEMY,
        Format.YOUTH_PROGRAM,
        Format.VOLUNTEER_PROGRAM,
    ),
    Category.PERSONNEL_DEVELOPMENT: (
        Format.TRAINING_SCENARIO,
        Format.CO_FACILITATED_TRAINING,
        Format.HIRING_SCENARIO,
    ),
    Category.CO_PRODUCED_SOLUTIONS: (
        Format.LISTENING_SESSION,
        Format.POLICY_REVIEW,
        Format.HIRING_BOARD,
        Format.ADVISORY_GROUP,
        Format.CITIZEN_REVIEW_BOARD,
    ),
}
CATEGORY_OF_FORMAT: dict[str, str] = {
    fmt: category for category, formats in FORMATS_BY_CATEGORY.items() for fmt in formats
}


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Open")
    CLOSED = "closed", _("Closed")


class EngagementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to_public(self):
        return self.filter(status__in=[Status.PUBLISHED, Status.CLOSED])

    def with_mode(self, mode: str):
        """In-person or online, counting hybrid engagements as both."""
        return self.filter(mode__in=[mode, Mode.HYBRID])


class Engagement(LegalHold):
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists.")
    )
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    format = models.CharField(_("format"), max_length=40, choices=Format.choices)
    topics = models.ManyToManyField(
        "engagements.Topic", verbose_name=_("topics"), blank=True, related_name="engagements"
    )
    neighborhoods = models.ManyToManyField(
        "engagements.Neighborhood",
        verbose_name=_("neighborhoods"),
        blank=True,
        related_name="engagements",
        help_text=_("Leave empty for the whole city."),
    )
    languages = models.ManyToManyField(
        "engagements.Language",
        verbose_name=_("languages offered"),
        blank=True,
        related_name="engagements",
    )
    mode = models.CharField(
        _("in person or online"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON
    )
    location = models.CharField(
        _("where"),
        max_length=200,
        blank=True,
        help_text=_("A place, an area, or 'several locations'. Exact venues belong to sessions."),
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    accepts_input = models.BooleanField(
        _("accepts comments and questions online"),
        default=True,
        help_text=_("While open, residents can send input from the engagement's page."),
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    asl_interpretation = models.BooleanField(_("ASL interpretation"), default=False)
    language_interpretation = models.BooleanField(
        _("interpretation into other languages"), default=False
    )
    childcare = models.BooleanField(_("childcare"), default=False)
    captioning = models.BooleanField(_("live captioning"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_engagements",
        help_text=_("The staff member answerable for this engagement and its report-back."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EngagementQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "category"], name="engagement_status_category")]
        constraints = [
            models.CheckConstraint(
                name="engagement_ends_after_start",
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gte=models.F("starts_at")),
            ),
            models.CheckConstraint(
                name="engagement_published_has_date",
                condition=Q(status="draft") | Q(published_at__isnull=False),
            ),
            legal_hold_has_reason("engagement_legal_hold_has_reason"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("engagements:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.format and self.category and CATEGORY_OF_FORMAT.get(self.format) != self.category:
            errors["format"] = _("This format does not belong to the chosen category.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def accessibility_features(self) -> list[str]:
        features = [
            (self.step_free_access, _("Step-free access")),
            (self.asl_interpretation, _("ASL interpretation")),
            (self.language_interpretation, _("Interpretation into other languages")),
            (self.childcare, _("Childcare")),
            (self.captioning, _("Live captioning")),
        ]
        return [label for present, label in features if present]


CATEGORY_DESCRIPTIONS: dict[str, str] = {
    Category.INFORMATION_SHARING: _(
        "News and updates from the agency, community surveys, and press conferences where you "
        "can send your questions."
    ),
    Category.IN_PERSON: _(
        "Meet officers where you live: Coffee with a Cop, ride-outs, front-porch line-ups, "
        "neighborhood briefings and town halls."
    ),
    Category.STRUCTURED_PROGRAMS: _(
        "Learn how policing works and lend a hand: the citizen police academy, youth programs "
        "and volunteering."
    ),
    Category.PERSONNEL_DEVELOPMENT: _(
        "Help train and select officers: play a part in training and hiring scenarios or "
        "co-facilitate training."
    ),
    Category.CO_PRODUCED_SOLUTIONS: _(
        "Shape decisions with the agency: listening sessions, policy review committees, "
        "advisory groups and review boards."
    ),
}
