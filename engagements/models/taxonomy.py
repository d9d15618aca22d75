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
