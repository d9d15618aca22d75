from .boards import (
    BoardError,
    agreement_accept,
    agreement_publish,
    board_save,
    membership_add,
    membership_remove,
)
from .drafts import DraftError, draft_create, draft_new_version, drafts_advance
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
    "BoardError",
    "DraftError",
    "ReviewError",
    "access_record",
    "agreement_accept",
    "agreement_publish",
    "board_save",
    "comment_add",
    "comment_respond",
    "draft_create",
    "draft_new_version",
    "drafts_advance",
    "membership_add",
    "membership_remove",
    "position_set",
    "recommendation_decide",
    "recommendation_draft",
    "recommendation_record_vote",
]
