from .cohorts import Cohort
from .places import Partner, PartnerKind, Venue
from .program import Program, ProgramKind
from .sessions import (
    ACTIVE_STATUSES,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
)

__all__ = [
    "ACTIVE_STATUSES",
    "Cohort",
    "Partner",
    "PartnerKind",
    "Program",
    "ProgramKind",
    "Registration",
    "RegistrationStatus",
    "Series",
    "Session",
    "SessionStatus",
    "Venue",
]
