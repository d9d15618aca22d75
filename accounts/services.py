"""Writes to accounts. Views call these; nothing else changes a person's record."""

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import Demographics, User
from .roles import GROUP_ROLES

logger = logging.getLogger(__name__)

PROFILE_FIELDS = (
    "display_name",
    "language",
    "phone",
    "notify_by_email",
    "notify_by_sms",
    "notify_in_app",
    "neighborhood",
)


@transaction.atomic
def user_set_roles(*, user: User, roles: Iterable[str]) -> User:
    """Give `user` exactly these staff roles (none makes them a resident).

    Staff roles also open the Django admin (is_staff), where their group permissions apply.
    """
    wanted = {str(role) for role in roles} & {role.value for role in GROUP_ROLES}
    groups = list(Group.objects.filter(name__in=wanted))
    user.groups.remove(*Group.objects.filter(name__in=[r.value for r in GROUP_ROLES]))
    user.groups.add(*groups)
    user.is_staff = bool(wanted) or user.is_superuser
    user.save(update_fields=["is_staff"])
    # rules caches group names on the instance.
    user.__dict__.pop("_group_names_cache", None)
    return user


@transaction.atomic
def user_update_profile(*, user: User, values: Mapping[str, Any], sms_consent: bool) -> User:
    """Save profile fields. Text messages need a phone number and recorded consent; withdrawing
    consent also turns the channel off."""
    for field in PROFILE_FIELDS:
        if field in values:
            setattr(user, field, values[field])
    if sms_consent and user.phone:
        user.sms_consent_at = user.sms_consent_at or timezone.now()
    else:
        user.sms_consent_at = None
        user.notify_by_sms = False
    user.full_clean(exclude=["password"])
    user.save()
    if "topics_followed" in values:
        user.topics_followed.set(values["topics_followed"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def demographics_save(*, user: User, values: Mapping[str, Any]) -> Demographics:
    """Store self-described demographics. Call only with the person's explicit consent; the
    consent time is recorded with the answers."""
    demographics, _created = Demographics.objects.update_or_create(
        user=user,
        defaults={
            "consented_at": timezone.now(),
            "age_band": values.get("age_band", ""),
            "gender": values.get("gender", ""),
            "race_ethnicity": list(values.get("race_ethnicity") or []),
            "disability": values.get("disability", ""),
            "income_band": values.get("income_band", ""),
        },
    )
    demographics.languages_spoken.set(values.get("languages_spoken") or [])
    return demographics


def demographics_withdraw(*, user: User) -> None:
    """Withdrawing consent deletes the answers themselves, not just a flag."""
    Demographics.objects.filter(user=user).delete()


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and everything that is only about this person. Other apps keep what the
    community said (inputs, answers) without the link to the person, through SET_NULL keys."""
    user_id = user.pk
    user.delete()
    logger.info("account deleted", extra={"user_id": user_id})
