from .compose import NoticeStateError, notice_confirm, notice_draft_save
from .outbox import (
    deliveries_enqueue,
    deliveries_send,
    deliveries_sweep,
    delivery_render,
    notice_create,
    notice_release,
    notice_translated_languages,
)
from .preferences import (
    InvalidUnsubscribeLink,
    delivery_from_unsubscribe_token,
    inbox_mark_read,
    opt_outs_set,
    optional_kinds,
    unsubscribe,
)
from .scheduling import notice_cancel, notices_release_due

__all__ = [
    "InvalidUnsubscribeLink",
    "NoticeStateError",
    "deliveries_enqueue",
    "deliveries_send",
    "deliveries_sweep",
    "delivery_from_unsubscribe_token",
    "delivery_render",
    "inbox_mark_read",
    "notice_cancel",
    "notice_confirm",
    "notice_create",
    "notice_draft_save",
    "notice_release",
    "notice_translated_languages",
    "notices_release_due",
    "opt_outs_set",
    "optional_kinds",
    "unsubscribe",
]
