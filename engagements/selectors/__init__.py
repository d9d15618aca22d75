from .catalogue import (
    CatalogueFilters,
    engagement_counts_by_category,
    engagement_get_for_user,
    engagement_list_for_staff,
    engagement_list_open_now,
    engagement_list_public,
)
from .loop import (
    AccountabilityFigures,
    accountability_figures,
    action_list,
    action_list_for_engagement,
    input_get_by_receipt,
    input_list_without_action,
    report_back_list_published,
)

__all__ = [
    "AccountabilityFigures",
    "CatalogueFilters",
    "accountability_figures",
    "action_list",
    "action_list_for_engagement",
    "engagement_counts_by_category",
    "engagement_get_for_user",
    "engagement_list_for_staff",
    "engagement_list_open_now",
    "engagement_list_public",
    "input_get_by_receipt",
    "input_list_without_action",
    "report_back_list_published",
]
