"""Retention: how long each kind of personal data is kept, legal holds that stop it, and the record
of every run. The rules themselves live in `engagements/retention.py`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LegalHold(models.Model):
    """A flag that stops every retention rule for the data hanging on this object.

    Set by a records officer when litigation, an investigation or a records request is pending;
    nothing under a hold is purged or anonymised until the hold is released.
    """

    legal_hold = models.BooleanField(
        _("legal hold"),
        default=False,
        help_text=_("While set, nothing here is purged or anonymised by the retention schedule."),
    )
    legal_hold_reason = models.TextField(
        _("reason for the legal hold"),
        blank=True,
        help_text=_("E.g. the claim, request or investigation it is kept for."),
    )
    legal_hold_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("legal hold set by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_hold_set_at = models.DateTimeField(_("legal hold set"), null=True, blank=True)

    class Meta:
        abstract = True


def legal_hold_has_reason(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        name=name, condition=Q(legal_hold=False) | ~Q(legal_hold_reason="")
    )


class RetentionPolicy(models.Model):
    """The period a records officer set for one rule; editable in the admin without a deploy."""

    key = models.CharField(_("rule"), max_length=60, unique=True)
    period_days = models.PositiveIntegerField(
        _("keep for (days)"),
        help_text=_("Counted from the event the rule names, e.g. the report-back's publication."),
    )
    enabled = models.BooleanField(
        _("purge what is due"),
        default=False,
        help_text=_(
            "When off, the rule is still counted in every report but nothing is removed. Switch it "
            "on once the period matches the agency's records schedule."
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        ordering = ["key"]

    def __str__(self) -> str:
        from engagements.retention import rule_label

        return str(rule_label(self.key))


class RetentionRun(models.Model):
    """One pass of the retention schedule, dry or not: the audit trail of what was removed."""

    dry_run = models.BooleanField(_("dry run"))
    as_of = models.DateTimeField(_("as of"))
    triggered_by = models.CharField(_("started by"), max_length=100, blank=True)
    # {rule key: {"period_days", "enabled", "due", "held", "done", "error"}}
    report = models.JSONField(_("counts per rule"), default=dict)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        kind = _("dry run") if self.dry_run else _("purge")
        return f"{kind} {self.as_of:%Y-%m-%d %H:%M}"

    @property
    def total_done(self) -> int:
        return sum(row.get("done", 0) for row in self.report.values())
