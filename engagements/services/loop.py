"""Writes of the loop: inputs, actions on them, and report-backs to the people who gave them."""

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from notices.models import Kind
from notices.services import notice_create
from notices.texts import in_every_language, neutral_url

from ..models import Action, Engagement, Input, ReportBack, Source, Status
from ..translated import portal_languages, set_translated

logger = logging.getLogger(__name__)


class LoopError(Exception):
    """A change the loop does not allow (closed engagement, input already acted on, ...)."""


@transaction.atomic
def input_create(
    *,
    engagement: Engagement,
    text: str,
    language: str,
    source: str = Source.ONLINE_COMMENT,
    topic=None,
    neighborhood=None,
    author: User | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    contact_consent: bool = False,
    entered_by: User | None = None,
) -> Input:
    """Record what someone said. Residents may only add to an open engagement that accepts input;
    staff entering from paper (`entered_by`) may add to any engagement that is not a draft.

    A person who can be reached gets a confirmation with the receipt code, in their language.
    """
    if entered_by is None and not (
        engagement.status == Status.PUBLISHED and engagement.accepts_input
    ):
        raise LoopError(_("This engagement is not taking comments now."))
    if engagement.status == Status.DRAFT:
        raise LoopError(_("A draft engagement cannot receive input."))
    item = Input(
        engagement=engagement,
        text=text.strip(),
        language=language,
        source=source,
        topic=topic,
        neighborhood=neighborhood,
        author=author,
        contact_name=contact_name,
        contact_email=contact_email.strip().lower(),
        contact_phone=contact_phone,
        contact_consent=contact_consent and bool(contact_email or contact_phone),
        entered_by=entered_by,
    )
    item.full_clean()
    item.save()
    if entered_by is None:
        _input_confirm(item)
    return item


def _input_confirm(item: Input) -> None:
    if item.author_id:
        audience = {"user_ids": [item.author_id]}
    elif item.contact_consent and item.contact_email:
        audience = {"emails": [item.contact_email], "language": item.language}
    else:
        return
    engagement = item.engagement

    def subject() -> str:
        return _("We received your comment (receipt %(code)s)") % {"code": item.receipt_code}

    def body() -> str:
        return _(
            "Thank you for your comment on “%(title)s”. Every comment is read, and we will report "
            "back on what we did with what we heard. Your receipt code is %(code)s: use it on our "
            "site at any time to see what happened to your comment."
        ) % {"title": engagement.title, "code": item.receipt_code}

    notice_create(
        kind=Kind.CONFIRMATION,
        subject=in_every_language(subject),
        body=in_every_language(body),
        audience_kind="people",
        audience_params=audience,
        engagement=engagement,
        link=neutral_url("engagements:receipt_detail", code=item.receipt_code),
        dedupe_key=f"input-received:{item.pk}",
    )


@transaction.atomic
def inputs_create_batch(
    *, engagement: Engagement, rows: Iterable[Mapping[str, Any]], entered_by: User
) -> list[Input]:
    """Many inputs typed in at once from a meeting or a stack of comment cards."""
    return [
        input_create(
            engagement=engagement,
            text=row["text"],
            language=row.get("language") or settings.LANGUAGE_CODE,
            source=row.get("source") or Source.COMMENT_CARD,
            topic=row.get("topic"),
            neighborhood=row.get("neighborhood"),
            entered_by=entered_by,
        )
        for row in rows
    ]


ACTION_FIELDS = ("status", "referred_to", "owner", "due_on", "done_on")
ACTION_TRANSLATED = ("title", "description", "reason")


@transaction.atomic
def action_create(
    *,
    engagement: Engagement,
    inputs: Sequence[Input],
    values: Mapping[str, Any],
    created_by: User,
) -> Action:
    """Decide about one or more inputs of one engagement. The inputs are locked so that two staff
    members cannot put the same input under two actions."""
    locked = list(Input.objects.select_for_update().filter(pk__in=[item.pk for item in inputs]))
    if not locked:
        raise LoopError(_("Choose at least one input."))
    if any(item.engagement_id != engagement.pk for item in locked):
        raise LoopError(_("All inputs of an action must come from the same engagement."))
    if any(item.action_id for item in locked):
        raise LoopError(_("Some of these inputs already have an action."))
    action = Action(engagement=engagement)
    for field in ACTION_FIELDS:
        if field in values:
            setattr(action, field, values[field])
    set_translated(action, values, ACTION_TRANSLATED)
    action.full_clean()
    action.save()
    Input.objects.filter(pk__in=[item.pk for item in locked]).update(action=action)
    logger.info("action created", extra={"action": action.pk, "by": created_by.pk})
    return action


@transaction.atomic
def action_update(*, action: Action, values: Mapping[str, Any], updated_by: User) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    for field in ACTION_FIELDS:
        if field in values:
            setattr(action, field, values[field])
    set_translated(action, values, ACTION_TRANSLATED)
    if action.status != "under_review" and action.done_on is None and values.get("mark_done"):
        action.done_on = timezone.localdate()
    action.full_clean()
    action.save()
    logger.info("action updated", extra={"action": action.pk, "by": updated_by.pk})
    return action


@transaction.atomic
def action_attach_inputs(*, action: Action, inputs: Sequence[Input]) -> Action:
    locked = list(Input.objects.select_for_update().filter(pk__in=[item.pk for item in inputs]))
    if any(item.engagement_id != action.engagement_id for item in locked):
        raise LoopError(_("All inputs of an action must come from the same engagement."))
    if any(item.action_id and item.action_id != action.pk for item in locked):
        raise LoopError(_("Some of these inputs already have an action."))
    Input.objects.filter(pk__in=[item.pk for item in locked]).update(action=action)
    return action


@transaction.atomic
def report_back_save(
    *,
    engagement: Engagement,
    values: Mapping[str, Any],
    actions: Sequence[Action],
    saved_by: User,
    report_back: ReportBack | None = None,
) -> ReportBack:
    """Create or edit a report-back draft. A published one can still be corrected; it is not sent
    again."""
    if any(action.engagement_id != engagement.pk for action in actions):
        raise LoopError(_("A report-back can only include actions of its engagement."))
    if report_back is None:
        report_back = ReportBack(engagement=engagement)
    else:
        report_back = ReportBack.objects.select_for_update().get(pk=report_back.pk)
    set_translated(report_back, values, ("heard", "did"))
    report_back.full_clean()
    report_back.save()
    report_back.actions.set(actions)
    return report_back


@transaction.atomic
def report_back_publish(*, report_back: ReportBack, published_by: User) -> ReportBack:
    """Publish the report-back on the engagement page and, in the same transaction, queue it to
    everyone who took part or gave input, each in their language. Publishing twice sends once."""
    report_back = (
        ReportBack.objects.select_for_update().select_related("engagement").get(pk=report_back.pk)
    )
    if report_back.is_published:
        return report_back
    if not report_back.actions.exists():
        raise ValidationError(_("Include at least one action: a report-back says what was done."))
    report_back.published_at = timezone.now()
    report_back.published_by = published_by
    report_back.save(update_fields=["published_at", "published_by", "updated_at"])
    engagement = report_back.engagement
    languages = [
        code
        for code in portal_languages()
        if getattr(report_back, build_localized_fieldname("did", code), "")
    ]
    subjects, bodies = {}, {}
    for code in languages:
        # Only the languages the report-back is written in; the rest fall back to the default.
        with translation.override(code):
            subjects[code] = _("What we did with what you said: %(title)s") % {
                "title": engagement.title
            }
            bodies[code] = "\n\n".join(
                [_("What we heard"), report_back.heard, _("What we did"), report_back.did]
            )
    notice_create(
        kind=Kind.REPORT_BACK,
        subject=subjects,
        body=bodies,
        audience_kind="engagement_participants",
        audience_params={"engagement_id": engagement.pk},
        engagement=engagement,
        link=neutral_url("engagements:detail", pk=engagement.pk),
        created_by=published_by,
        dedupe_key=f"report-back:{report_back.pk}",
    )
    return report_back
