"""Staff-written notices: a draft, previewed per language, then sent now or at a time."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import Notice, NoticeStatus
from .outbox import notice_create, notice_release


class NoticeStateError(Exception):
    pass


def _by_language(values: Mapping[str, str], field: str) -> dict[str, str]:
    """{"subject_zh_hans": "..."} -> {"zh-hans": "..."}, dropping empty texts."""
    return {
        key.removeprefix(f"{field}_").replace("_", "-"): text
        for key, text in values.items()
        if key.startswith(f"{field}_") and text
    }


@transaction.atomic
def notice_draft_save(
    *,
    values: Mapping[str, Any],
    audience_kind: str,
    audience_params: dict,
    created_by: User,
    notice: Notice | None = None,
) -> Notice:
    translated = {
        key: value for key, value in values.items() if key.startswith(("subject_", "body_"))
    }
    if notice is None:
        notice = notice_create(
            kind=values["kind"],
            subject=_by_language(translated, "subject"),
            body=_by_language(translated, "body"),
            audience_kind=audience_kind,
            audience_params=audience_params,
            channels=values["channels"],
            link=values.get("link", ""),
            created_by=created_by,
            send_at=values.get("send_at"),
            engagement=values.get("engagement"),
            release=False,
        )
        return notice
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status != NoticeStatus.DRAFT:
        raise NoticeStateError(_("Only a draft can be changed."))
    for key, text in translated.items():
        setattr(notice, key, text or "")
    notice.kind = values["kind"]
    notice.link = values.get("link", "")
    notice.channels = list(values["channels"])
    notice.send_at = values.get("send_at")
    notice.engagement = values.get("engagement")
    notice.audience_kind = audience_kind
    notice.audience_params = audience_params
    notice.save()
    return notice


@transaction.atomic
def notice_confirm(*, notice: Notice) -> Notice:
    """Send a draft now, or schedule it for its `send_at`."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status != NoticeStatus.DRAFT:
        raise NoticeStateError(_("This notice has already been sent or scheduled."))
    if notice.send_at and notice.send_at > timezone.now():
        notice.status = NoticeStatus.SCHEDULED
        notice.save(update_fields=["status"])
        return notice
    return notice_release(notice=notice)
