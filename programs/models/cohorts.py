from django.db import models
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    """A group that goes through an academy or youth program together, over many sessions."""

    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("For example 'Spring 2027'."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.program} — {self.name}"
