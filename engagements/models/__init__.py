from .engagement import Category, Engagement, EngagementQuerySet, Format, Mode, Status
from .loop import Action, ActionStatus, Input, ReportBack, Source
from .retention import LegalHold, RetentionPolicy, RetentionRun
from .taxonomy import CommunityFigures, Language, Neighborhood, Topic

__all__ = [
    "Action",
    "ActionStatus",
    "Category",
    "CommunityFigures",
    "Engagement",
    "EngagementQuerySet",
    "Format",
    "Input",
    "Language",
    "LegalHold",
    "Mode",
    "Neighborhood",
    "ReportBack",
    "RetentionPolicy",
    "RetentionRun",
    "Source",
    "Status",
    "Topic",
]
