"""Partner organizations and the venues sessions rotate among."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    FAITH = "faith", _("Faith community")
    SCHOOL = "school", _("School or university")
    TREATMENT = "treatment", _("Treatment or health provider")
    VICTIM_SERVICES = "victim_services", _("Victim services")
    COMMUNITY = "community", _("Community organization")
    BUSINESS = "business", _("Business")
    GOVERNMENT = "government", _("Other city department")


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    description = models.TextField(_("what they do"), blank=True)
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public email"), blank=True)
    neighborhoods = models.ManyToManyField(
        "engagements.Neighborhood", verbose_name=_("neighborhoods served"), blank=True
    )
    is_listed = models.BooleanField(
        _("listed in the public directory"), default=True, help_text=_("Ask the partner first.")
    )

    class Meta:
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    neighborhood = models.ForeignKey(
        "engagements.Neighborhood",
        verbose_name=_("neighborhood"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venues",
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_restroom = models.BooleanField(_("accessible restroom"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    near_transit = models.BooleanField(_("near public transit"), default=False)
    parking = models.BooleanField(_("accessible parking"), default=False)
    directions = models.TextField(_("how to get there"), blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def features(self) -> list[str]:
        present = [
            (self.step_free, _("Step-free access")),
            (self.accessible_restroom, _("Accessible restroom")),
            (self.hearing_loop, _("Hearing loop")),
            (self.near_transit, _("Near public transit")),
            (self.parking, _("Accessible parking")),
        ]
        return [label for has, label in present if has]
