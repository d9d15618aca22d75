from .catalogue import (
    CatalogueFilterForm,
    EngagementForm,
    StaffEngagementFilterForm,
    grouped_format_choices,
)
from .loop import (
    AccountabilityFilterForm,
    ActionForm,
    BatchInputFormSet,
    InputForm,
    ReceiptLookupForm,
    ReportBackForm,
)

__all__ = [
    "AccountabilityFilterForm",
    "ActionForm",
    "BatchInputFormSet",
    "CatalogueFilterForm",
    "EngagementForm",
    "InputForm",
    "ReceiptLookupForm",
    "ReportBackForm",
    "StaffEngagementFilterForm",
    "grouped_format_choices",
]
