"""Reference lists the agency admin keeps: neighborhoods (or beats), topics and languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Neighborhood(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    beat = models.CharField(
        _("beat or district code"), max_length=20, blank=True, help_text=_("Optional.")
    )

    class Meta:
        verbose_name = _("neighborhood")
        verbose_name_plural = _("neighborhoods")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language an engagement can be offered in: the interface languages and any other the
    agency serves (interpretation on request, printed material)."""

    code = models.CharField(
        _("language code"), max_length=20, unique=True, help_text=_("For example es, vi, so.")
    )
    name = models.CharField(_("name in English"), max_length=60)
    native_name = models.CharField(_("name in the language itself"), max_length=60)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return (
            self.native_name
            if self.native_name == self.name
            else f"{self.native_name} ({self.name})"
        )


class CommunityFigures(models.Model):
    """What an admin knows of a neighborhood's people (census or city data), to see who takes
    part and who is missing. Shares are percentages keyed by the portal's own codes."""

    neighborhood = models.OneToOneField(
        Neighborhood,
        verbose_name=_("neighborhood"),
        on_delete=models.CASCADE,
        related_name="figures",
    )
    population = models.PositiveIntegerField(_("population"))
    language_shares = models.JSONField(
        _("languages spoken at home (%)"),
        default=dict,
        blank=True,
        help_text=_('Percent by language code, e.g. {"en": 60, "es": 30, "vi": 10}.'),
    )
    age_band_shares = models.JSONField(
        _("age bands (%)"),
        default=dict,
        blank=True,
        help_text=_('Percent by age band, e.g. {"18_24": 12, "25_34": 20}.'),
    )
    race_ethnicity_shares = models.JSONField(
        _("race and ethnicity (%)"),
        default=dict,
        blank=True,
        help_text=_('Percent by group, e.g. {"hispanic": 35, "white": 40}.'),
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("community figures")
        verbose_name_plural = _("community figures")

    def __str__(self) -> str:
        return str(self.neighborhood)

    def clean(self):
        from django.core.exceptions import ValidationError

        for field in ("language_shares", "age_band_shares", "race_ethnicity_shares"):
            shares = getattr(self, field) or {}
            if not isinstance(shares, dict) or any(
                not isinstance(value, int | float) or not 0 <= value <= 100
                for value in shares.values()
            ):
                raise ValidationError({field: _("Give percentages between 0 and 100.")})
