from .responses import Answer, Invitation, Participation, Response, ResponseMode
from .survey import (
    AGREEMENT_LABELS,
    CHOICE_KINDS,
    SCALE_KINDS,
    TEXT_KINDS,
    Access,
    Anonymity,
    Choice,
    Question,
    QuestionKind,
    Survey,
    SurveyStatus,
)

__all__ = [
    "AGREEMENT_LABELS",
    "CHOICE_KINDS",
    "SCALE_KINDS",
    "TEXT_KINDS",
    "Access",
    "Anonymity",
    "Answer",
    "Choice",
    "Invitation",
    "Participation",
    "Question",
    "QuestionKind",
    "Response",
    "ResponseMode",
    "Survey",
    "SurveyStatus",
]
