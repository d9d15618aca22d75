from .boards import (
    BoardError,
    agreement_accept,
    agreement_publish,
    board_save,
    membership_add,
    membership_remove,
)
from .cases import (
    CaseError,
    case_create,
    case_file_add,
    case_record_decision,
    case_record_findings,
)
from .drafts import DraftError, draft_create, draft_new_version, drafts_advance
from .meetings import MeetingError, meeting_record, meeting_save
from .people import (
    ApplicationError,
    application_decide,
    application_submit,
    conflict_declare,
    has_declared_conflict,
)
from .review import (
    ReviewError,
    access_record,
    comment_add,
    comment_respond,
    position_set,
    recommendation_decide,
    recommendation_draft,
    recommendation_record_vote,
)

__all__ = [
    "ApplicationError",
    "BoardError",
    "CaseError",
    "DraftError",
    "MeetingError",
    "ReviewError",
    "access_record",
    "agreement_accept",
    "agreement_publish",
    "application_decide",
    "application_submit",
    "board_save",
    "case_create",
    "case_file_add",
    "case_record_decision",
    "case_record_findings",
    "comment_add",
    "comment_respond",
    "conflict_declare",
    "draft_create",
    "draft_new_version",
    "drafts_advance",
    "has_declared_conflict",
    "meeting_record",
    "meeting_save",
    "membership_add",
    "membership_remove",
    "position_set",
    "recommendation_decide",
    "recommendation_draft",
    "recommendation_record_vote",
]
