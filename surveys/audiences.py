"""Invitees of a survey: each recipient carries their own single-use link."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from notices.recipients import Recipient
from notices.texts import neutral_url

from .models import Invitation


@dataclass(frozen=True)
class InvitationAudience:
    key: str = "survey_invitations"
    label: str = _("People invited to a survey")

    def recipients(self, params: dict[str, Any]) -> Iterator[Recipient]:
        invitations = (
            Invitation.objects.filter(survey_id=params["survey_id"], sent=False, used=False)
            .select_related("user")
            .annotate(
                verified=Exists(
                    EmailAddress.objects.filter(
                        user=OuterRef("user"), email=OuterRef("user__email"), verified=True
                    )
                )
            )
            .order_by("pk")
            .iterator(chunk_size=2000)
        )
        for invitation in invitations:
            link = neutral_url("surveys:invited", token=invitation.token)
            user = invitation.user
            if user is not None:
                yield Recipient(
                    language=user.language,
                    user_id=user.pk,
                    email=user.email if invitation.verified else "",
                    phone=str(user.phone or ""),
                    email_ok=user.notify_by_email,
                    sms_ok=bool(user.notify_by_sms and user.sms_consent_at and user.phone),
                    in_app_ok=user.notify_in_app,
                    link=link,
                )
            else:
                yield Recipient(
                    language=invitation.language,
                    email=invitation.email,
                    phone=invitation.phone,
                    email_ok=bool(invitation.email),
                    sms_ok=bool(invitation.phone),
                    link=link,
                )
