from .builder import (
    SurveyError,
    question_delete,
    question_move,
    question_save,
    survey_add_trust_bank,
    survey_close,
    survey_missing_translations,
    survey_open,
    survey_save,
)
from .invitations import invitations_create, invitations_for_people, invitations_send
from .responses import (
    AlreadyAnswered,
    ResponseError,
    has_answered,
    participation_key,
    response_submit,
    visible_questions,
)

__all__ = [
    "AlreadyAnswered",
    "ResponseError",
    "SurveyError",
    "has_answered",
    "invitations_create",
    "invitations_for_people",
    "invitations_send",
    "participation_key",
    "question_delete",
    "question_move",
    "question_save",
    "response_submit",
    "survey_add_trust_bank",
    "survey_close",
    "survey_missing_translations",
    "survey_open",
    "survey_save",
    "visible_questions",
]
