"""The daily nudges that keep the loop from stalling (celery beat)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notices.models import Kind
from notices.services import notice_create
from notices.texts import in_every_language, neutral_url

from ..models import Action, Engagement, ReportBack, Status


def actions_remind_owners(*, today=None) -> int:
    """One reminder per owner with actions due within PORTAL_ACTION_DUE_SOON_DAYS or overdue.
    Running twice on a day sends once."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.PORTAL_ACTION_DUE_SOON_DAYS)
    due = Action.objects.open().filter(due_on__lte=horizon)
    sent = 0
    for owner_id in due.order_by().values_list("owner_id", flat=True).distinct():
        mine = due.filter(owner_id=owner_id)
        overdue = mine.filter(due_on__lt=today).count()
        soon = mine.count() - overdue

        def subject() -> str:
            return _("Actions waiting for you")

        def body(overdue=overdue, soon=soon) -> str:
            lines = []
            if overdue:
                lines.append(
                    ngettext(
                        "%(count)d action is overdue.", "%(count)d actions are overdue.", overdue
                    )
                    % {"count": overdue}
                )
            if soon:
                lines.append(
                    ngettext(
                        "%(count)d action is due in the next days.",
                        "%(count)d actions are due in the next days.",
                        soon,
                    )
                    % {"count": soon}
                )
            lines.append(_("People are waiting to hear what was done with what they said."))
            return "\n".join(lines)

        with transaction.atomic():
            notice_create(
                kind=Kind.REMINDER,
                subject=in_every_language(subject),
                body=in_every_language(body),
                audience_kind="people",
                audience_params={"user_ids": [owner_id]},
                link=neutral_url("staff:loop:actions_mine"),
                dedupe_key=f"action-reminder:{owner_id}:{today.isoformat()}",
            )
        sent += 1
    return sent


def report_backs_remind_missing(*, today=None) -> int:
    """Remind the owner of each engagement closed for PORTAL_REPORT_BACK_DUE_DAYS or more without a
    published report-back."""
    today = today or timezone.localdate()
    cutoff = timezone.now() - timedelta(days=settings.PORTAL_REPORT_BACK_DUE_DAYS)
    published = ReportBack.objects.filter(engagement=OuterRef("pk"), published_at__isnull=False)
    late = Engagement.objects.filter(
        Q(status=Status.CLOSED) & Q(closed_at__lte=cutoff) & Q(owner__isnull=False)
    ).filter(~Exists(published))
    sent = 0
    for engagement in late.only("pk", "owner_id"):

        def subject(engagement=engagement) -> str:
            return _("Report back on “%(title)s”") % {"title": engagement.title}

        def body(engagement=engagement) -> str:
            return _(
                "“%(title)s” closed more than %(days)d days ago and has no report-back yet. "
                "Tell the people who took part what was done with what they said."
            ) % {"title": engagement.title, "days": settings.PORTAL_REPORT_BACK_DUE_DAYS}

        with transaction.atomic():
            notice_create(
                kind=Kind.REMINDER,
                subject=in_every_language(subject),
                body=in_every_language(body),
                audience_kind="people",
                audience_params={"user_ids": [engagement.owner_id]},
                link=neutral_url("staff:loop:engagement", pk=engagement.pk),
                dedupe_key=f"report-back-missing:{engagement.pk}:{today.isoformat()}",
            )
        sent += 1
    return sent
