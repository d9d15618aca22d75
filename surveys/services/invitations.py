"""Single-use invitations, sent through notices in each person's language."""

import secrets
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from notices.models import Kind
from notices.recipients import Recipient
from notices.services import notice_create

from ..models import Invitation, Survey, SurveyStatus


def _new_token() -> str:
    return secrets.token_urlsafe(24)


@transaction.atomic
def invitations_create(
    *, survey: Survey, recipients: Iterable[Recipient], occasion: str = ""
) -> int:
    """One invitation per person (by account or address); people already invited are skipped."""
    created = 0
    for recipient in recipients:
        invitation = Invitation(
            survey=survey,
            token=_new_token(),
            user_id=recipient.user_id,
            email="" if recipient.user_id else recipient.email.lower(),
            phone="" if recipient.user_id else recipient.phone,
            language=recipient.language,
            occasion=occasion,
        )
        if not (invitation.user_id or invitation.email or invitation.phone):
            continue
        try:
            with transaction.atomic():
                invitation.save()
        except IntegrityError:
            continue
        created += 1
    return created


def invitations_for_people(
    *, survey: Survey, users: Iterable[User] = (), emails: Iterable[str] = ()
) -> int:
    recipients = [Recipient(language=user.language, user_id=user.pk) for user in users]
    recipients += [Recipient(language=settings.LANGUAGE_CODE, email=email) for email in emails]
    return invitations_create(survey=survey, recipients=recipients)


@transaction.atomic
def invitations_send(*, survey: Survey, created_by: User | None = None) -> None:
    """Send every invitation not sent yet, each with its own link, in its reader's language."""
    if survey.status != SurveyStatus.OPEN:
        return
    subject, body = {}, {}
    for code in survey.languages or [settings.LANGUAGE_CODE]:
        with translation.override(code):
            subject[code] = _("Your views, please: %(survey)s") % {"survey": survey.title}
            body[code] = _(
                "We would like to hear from you. The survey takes a few minutes. The link is for you "
                "only and works once. %(promise)s"
            ) % {"promise": survey.get_anonymity_display()}
    notice_create(
        kind=Kind.INVITATION,
        subject=subject,
        body=body,
        audience_kind="survey_invitations",
        audience_params={"survey_id": survey.pk},
        engagement=survey.engagement,
        created_by=created_by,
    )
    survey.invitations.filter(sent=False).update(sent=True)
