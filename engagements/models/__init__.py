from .engagement import Category, Engagement, EngagementQuerySet, Format, Mode, Status
from .taxonomy import Language, Neighborhood, Topic

__all__ = [
    "Category",
    "Engagement",
    "EngagementQuerySet",
    "Format",
    "Language",
    "Mode",
    "Neighborhood",
    "Status",
    "Topic",
]
