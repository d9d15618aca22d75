from .catalogue import (
    EngagementStateError,
    engagement_close,
    engagement_create,
    engagement_publish,
    engagement_update,
)
from .loop import (
    LoopError,
    action_attach_inputs,
    action_create,
    action_update,
    input_create,
    inputs_create_batch,
    report_back_publish,
    report_back_save,
)
from .reminders import actions_remind_owners, report_backs_remind_missing
from .retention import legal_hold_release, legal_hold_set, retention_policies_ensure, retention_run

__all__ = [
    "EngagementStateError",
    "LoopError",
    "action_attach_inputs",
    "action_create",
    "action_update",
    "actions_remind_owners",
    "engagement_close",
    "engagement_create",
    "engagement_publish",
    "engagement_update",
    "input_create",
    "inputs_create_batch",
    "legal_hold_release",
    "legal_hold_set",
    "report_back_publish",
    "report_back_save",
    "report_backs_remind_missing",
    "retention_policies_ensure",
    "retention_run",
]
