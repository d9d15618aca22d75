from .academies import Application, ApplicationStatus, MinorDetails
from .cohorts import Cohort
from .places import Partner, PartnerKind, Venue
from .program import Program, ProgramKind
from .rideouts import BackgroundCheck, RideOutRequest, RideOutStatus, Unit, Waiver
from .sessions import (
    ACTIVE_STATUSES,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
)
from .volunteers import HoursStatus, VolunteerHours

__all__ = [
    "ACTIVE_STATUSES",
    "Application",
    "ApplicationStatus",
    "BackgroundCheck",
    "Cohort",
    "HoursStatus",
    "MinorDetails",
    "Partner",
    "PartnerKind",
    "Program",
    "ProgramKind",
    "Registration",
    "RegistrationStatus",
    "RideOutRequest",
    "RideOutStatus",
    "Series",
    "Session",
    "SessionStatus",
    "Unit",
    "Venue",
    "VolunteerHours",
    "Waiver",
]
