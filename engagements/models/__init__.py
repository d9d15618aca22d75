from .engagement import Category, Engagement, EngagementQuerySet, Format, Mode, Status
from .loop import Action, ActionStatus, Input, ReportBack, Source
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
    "Mode",
    "Neighborhood",
    "ReportBack",
    "Source",
    "Status",
    "Topic",
]
