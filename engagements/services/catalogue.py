"""Writes to the catalogue. Each function is one transaction and checks the state it changes."""

import logging
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import Engagement, Status

logger = logging.getLogger(__name__)

_M2M_FIELDS = ("topics", "neighborhoods", "languages")


class EngagementStateError(Exception):
    """The engagement is not in a state that allows this change."""


def _assign(engagement: Engagement, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        if name not in _M2M_FIELDS:
            setattr(engagement, name, value)


def _set_relations(engagement: Engagement, values: Mapping[str, Any]) -> None:
    for name in _M2M_FIELDS:
        if name in values:
            getattr(engagement, name).set(values[name])


@transaction.atomic
def engagement_create(*, created_by: User, values: Mapping[str, Any]) -> Engagement:
    """A new engagement, always a draft. Its owner defaults to the person creating it."""
    engagement = Engagement(status=Status.DRAFT)
    _assign(engagement, values)
    if engagement.owner_id is None:
        engagement.owner = created_by
    engagement.full_clean()
    engagement.save()
    _set_relations(engagement, values)
    logger.info("engagement created", extra={"engagement": engagement.pk, "by": created_by.pk})
    return engagement


@transaction.atomic
def engagement_update(
    *, engagement: Engagement, updated_by: User, values: Mapping[str, Any]
) -> Engagement:
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    _assign(engagement, values)
    engagement.full_clean()
    engagement.save()
    _set_relations(engagement, values)
    logger.info("engagement updated", extra={"engagement": engagement.pk, "by": updated_by.pk})
    return engagement


@transaction.atomic
def engagement_publish(*, engagement: Engagement, published_by: User) -> Engagement:
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.status != Status.DRAFT:
        raise EngagementStateError(_("Only a draft can be published."))
    engagement.status = Status.PUBLISHED
    engagement.published_at = timezone.now()
    engagement.save(update_fields=["status", "published_at", "updated_at"])
    logger.info("engagement published", extra={"engagement": engagement.pk, "by": published_by.pk})
    return engagement


@transaction.atomic
def engagement_close(*, engagement: Engagement, closed_by: User) -> Engagement:
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.status != Status.PUBLISHED:
        raise EngagementStateError(_("Only an open engagement can be closed."))
    engagement.status = Status.CLOSED
    engagement.closed_at = timezone.now()
    engagement.save(update_fields=["status", "closed_at", "updated_at"])
    logger.info("engagement closed", extra={"engagement": engagement.pk, "by": closed_by.pk})
    return engagement
