"""Academy and youth program applications, selection, cohorts and completion."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import (
    Application,
    ApplicationStatus,
    Cohort,
    MinorDetails,
    Program,
    ProgramKind,
    Registration,
    RegistrationStatus,
)
from . import notify_people
from .rideouts import age_on

GUARDIAN_REQUIRED_UNDER = 18
NO_ACCOUNT_UNDER = 13


class ApplicationError(Exception):
    pass


@dataclass(frozen=True, kw_only=True)
class Minor:
    """A young applicant, entered by their guardian (or by a 13-17-year-old with consent)."""

    child_name: str
    date_of_birth: date
    school: str = ""
    guardian_name: str
    guardian_phone: str = ""
    guardian_consent: bool


@transaction.atomic
def application_submit(
    *,
    program: Program,
    user: User,
    answers: list[str],
    minor: Minor | None = None,
    applicant_date_of_birth: date | None = None,
) -> Application:
    """Apply to an academy or youth program. A child under 13 cannot apply with their own account:
    a guardian applies for them; anyone under 18 needs a guardian's consent."""
    if program.kind != ProgramKind.ACADEMY or not program.engagement.is_open:
        raise ApplicationError(_("This program is not taking applications now."))
    if (
        applicant_date_of_birth
        and age_on(applicant_date_of_birth, timezone.localdate()) < NO_ACCOUNT_UNDER
    ):
        raise ApplicationError(
            _("Children under 13 cannot apply themselves. A parent or guardian can apply for them.")
        )
    if minor is not None:
        if not (minor.guardian_consent and minor.guardian_name.strip()):
            raise ApplicationError(
                _("A guardian's name and consent are needed for a young applicant.")
            )
        if age_on(minor.date_of_birth, timezone.localdate()) >= GUARDIAN_REQUIRED_UNDER:
            minor = None  # an adult after all: no minor's record to keep
    questions = program.questions
    application = Application.objects.create(
        program=program,
        user=user,
        answers=[
            {"question": question, "answer": answer}
            for question, answer in zip(questions, answers, strict=False)
        ],
    )
    if minor is not None:
        MinorDetails.objects.create(
            application=application,
            child_name=minor.child_name.strip(),
            date_of_birth=minor.date_of_birth,
            school=minor.school.strip(),
            guardian_name=minor.guardian_name.strip(),
            guardian_phone=minor.guardian_phone.strip(),
            guardian_consent_at=timezone.now(),
        )
    notify_people.application_received(application)
    return application


@transaction.atomic
def application_decide(
    *, application: Application, status: str, by: User, cohort: Cohort | None = None
) -> Application:
    """Accept (into a cohort: a place in each of its sessions), waitlist or decline, and tell the
    applicant."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if status == ApplicationStatus.ACCEPTED:
        if cohort is None or cohort.program_id != application.program_id:
            raise ApplicationError(_("Choose the cohort this applicant joins."))
        application.cohort = cohort
        now = timezone.now()
        for session in cohort.sessions.active():
            Registration.objects.get_or_create(
                session=session,
                user=application.user,
                status=RegistrationStatus.CONFIRMED,
                defaults={"language": application.user.language, "confirmed_at": now},
            )
    previous = application.status
    application.status = status
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save()
    if previous != status:
        notify_people.application_decided(application)
    return application


@dataclass(frozen=True)
class Progress:
    sessions: int
    attended: int
    required_percent: int

    @property
    def percent(self) -> int:
        return round(100 * self.attended / self.sessions) if self.sessions else 0

    @property
    def completed(self) -> bool:
        return self.sessions > 0 and self.percent >= self.required_percent


def application_progress(*, application: Application) -> Progress | None:
    if application.cohort_id is None or application.status != ApplicationStatus.ACCEPTED:
        return None
    sessions = application.cohort.sessions.active()
    attended = Registration.objects.filter(
        session__in=sessions, user=application.user, checked_in_at__isnull=False
    ).count()
    return Progress(
        sessions=sessions.count(),
        attended=attended,
        required_percent=application.program.completion_percent,
    )


@transaction.atomic
def cohort_create(*, program: Program, name: str) -> Cohort:
    return Cohort.objects.create(program=program, name=name.strip())
