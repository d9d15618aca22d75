"""Retention of survey invitations' addresses. Responses hold no contact details (see
models/responses.py); an invitation's email or phone is a guest's contact for this engagement."""

from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from engagements.retention import RetentionRule, guest_contact_due, register, with_backstop

from .models import Invitation


def _invitations_due(cutoff: datetime, now: datetime) -> QuerySet:
    return Invitation.objects.filter(
        guest_contact_due(engagement="survey__engagement", given_at="created_at", cutoff=cutoff)
    ).exclude(email="", phone="")


def _invitations_anonymise(queryset: QuerySet, now: datetime) -> int:
    # The token and its used flag stay, so a used link still cannot be used again.
    return queryset.update(email="", phone="")


def register_rules() -> None:
    register(
        RetentionRule(
            key="survey_invitation_contacts",
            label=_("Email addresses and phone numbers of survey invitations"),
            description=with_backstop(
                _(
                    "Blanked this many days after the engagement's latest report-back, for "
                    "invitations made before it. The invitation and whether it was used stay."
                )
            ),
            default_days=90,
            select_due=_invitations_due,
            hold_lookup="survey__engagement__legal_hold",
            apply=_invitations_anonymise,
        )
    )
