from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from advisory_boards.models import AccessLog, BoardKind, Case, CaseFile, CaseStatus
from engagements.models import Input, ReportBack
from notices.models import Delivery, DeliveryStatus, Notice, NoticeStatus
from programs.models import (
    Application,
    ApplicationStatus,
    Cohort,
    MinorDetails,
    ProgramKind,
    Registration,
    RideOutRequest,
    RideOutStatus,
    Waiver,
)
from surveys.models import Invitation, Survey
from tests.advisory_boards.conftest import _private_files, make_board  # noqa: F401  (autouse)
from tests.factories import EngagementFactory, UserFactory, program_factory, session_factory

DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def rules_switched_on(db):
    """Rules start switched off on a new portal; these tests are about what they do when on."""
    from engagements.models import RetentionPolicy
    from engagements.services import retention_policies_ensure

    retention_policies_ensure()
    RetentionPolicy.objects.update(enabled=True)


@pytest.fixture
def now():
    return timezone.now()


def report_back(engagement, *, published_at):
    return ReportBack.objects.create(
        engagement=engagement, heard_en="Parking", did_en="More lights", published_at=published_at
    )


def guest_input(engagement, *, email="ann@example.org", days_ago=1000):
    """An input with a guest's contact, received `days_ago` (by default long before any
    report-back the tests publish)."""
    return Input.objects.create(
        engagement=engagement,
        text="The crossing is dangerous.",
        contact_name="Ann Guest",
        contact_email=email,
        contact_phone="+12025550123",
        contact_consent=True,
        received_at=timezone.now() - days_ago * DAY,
    )


def reported_engagement(*, days_ago: int, now):
    engagement = EngagementFactory()
    report_back(engagement, published_at=now - days_ago * DAY)
    return engagement


def guest_registration(
    *, engagement=None, program=None, email="bo@example.org", days_ago=1000, session_days_ago=500
):
    """A guest's sign-up made `days_ago` for a session `session_days_ago` (negative: ahead)."""
    program = program or program_factory()
    if engagement is not None:
        program.engagement = engagement
        program.save()
    session = session_factory(program=program, starts_at=timezone.now() - session_days_ago * DAY)
    registration = Registration.objects.create(
        session=session,
        guest_name="Bo Guest",
        guest_email=email,
        guest_phone="+12025550199",
        language="en",
        status="confirmed",
        needs_other="I use a wheelchair",
    )
    registration.created_at = timezone.now() - days_ago * DAY
    Registration.objects.filter(pk=registration.pk).update(created_at=registration.created_at)
    return registration


def rideout_request(
    *, engagement, status=RideOutStatus.DECLINED, days_ago=1000, scheduled_days_ago=500
):
    """A young person's ride-out request naming a guardian, made `days_ago`."""
    program = program_factory()
    program.engagement = engagement
    program.kind = ProgramKind.RIDE_OUT
    program.save()
    waiver = Waiver.objects.create(program=program, version=1, text_en="At my own risk.")
    approved = status == RideOutStatus.APPROVED
    request = RideOutRequest.objects.create(
        program=program,
        user=UserFactory(),
        unit="patrol",
        preferred_date_1=date(2026, 6, 1),
        date_of_birth=date(2009, 1, 1),
        guardian_name="Pat Parent",
        guardian_email="pat@example.org",
        guardian_consent_at=timezone.now() - days_ago * DAY,
        waiver=waiver,
        signature="Sam Young",
        signed_at=timezone.now() - days_ago * DAY,
        status=status,
        decline_reason="No places" if status == RideOutStatus.DECLINED else "",
        background_check="cleared" if approved else "pending",
        scheduled_at=timezone.now() - scheduled_days_ago * DAY if approved else None,
    )
    RideOutRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - days_ago * DAY)
    return request


def guest_invitation(engagement, *, email="inv@example.org", days_ago=1000, key="t1"):
    survey = Survey.objects.create(engagement=engagement, title_en="Safety", languages=["en"])
    return Invitation.objects.create(
        survey=survey,
        token=key,
        email=email,
        language="en",
        created_at=timezone.now() - days_ago * DAY,
    )


def minor_application(
    *,
    ended_days_ago: int,
    with_cohort=True,
    created_days_ago: int | None = None,
    decided_days_ago: int | None = None,
    status=ApplicationStatus.ACCEPTED,
):
    """A young person's application to a program whose (cohort's) last session ended
    `ended_days_ago`. By default made and decided before the program ran."""
    program = program_factory()
    cohort = Cohort.objects.create(program=program, name="Spring") if with_cohort else None
    ends = timezone.now() - ended_days_ago * DAY
    session_factory(
        program=program, cohort=cohort, starts_at=ends - timedelta(hours=2), ends_at=ends
    )
    created_days_ago = ended_days_ago + 100 if created_days_ago is None else created_days_ago
    if decided_days_ago is None and status != ApplicationStatus.SUBMITTED:
        decided_days_ago = created_days_ago - 10
    application = Application.objects.create(
        program=program,
        cohort=cohort,
        user=UserFactory(),
        status=status,
        decided_at=None if decided_days_ago is None else timezone.now() - decided_days_ago * DAY,
    )
    Application.objects.filter(pk=application.pk).update(
        created_at=timezone.now() - created_days_ago * DAY
    )
    MinorDetails.objects.create(
        application=application,
        child_name="Kid Young",
        date_of_birth=date(2012, 5, 1),
        school="Lincoln Middle",
        guardian_name="Pat Parent",
        guardian_phone="555-0100",
        guardian_consent_at=timezone.now() - 400 * DAY,
    )
    return application


def delivery(
    notice, *, address, status=DeliveryStatus.SENT, days_ago=0, language="en", channel="email"
):
    """A delivery queued `days_ago` (and sent then, if sent)."""
    user = None
    if channel == "in_app":
        user = UserFactory()
        address = f"user:{user.pk}"
    row = Delivery.objects.create(
        notice=notice,
        channel=channel,
        address=address,
        user=user,
        language=language,
        status=status,
    )
    at = timezone.now() - days_ago * DAY
    Delivery.objects.filter(pk=row.pk).update(
        created_at=at, sent_at=at if status == DeliveryStatus.SENT else None
    )
    row.refresh_from_db()
    return row


def released_notice(engagement=None):
    return Notice.objects.create(
        subject="Town hall",
        body="Come",
        audience_kind="engagement_participants",
        engagement=engagement,
        status=NoticeStatus.RELEASED,
        released_at=timezone.now(),
    )


def decided_case(*, board=None, reference="CR-1", decided_days_ago: int):
    board = board or make_board(f"review-{reference.lower()}", kind=BoardKind.CITIZEN_REVIEW)
    case = Case.objects.create(
        board=board,
        reference=reference,
        summary="Complaint by J. Doe about a stop on Main St.",
        findings="Force was excessive.",
        recommendation="Retrain.",
        agency_decision="Officer retrained.",
        status=CaseStatus.DECIDED,
        decided_at=timezone.now() - decided_days_ago * DAY,
    )
    case_file = CaseFile.objects.create(
        case=case, title="Bodycam notes", file=ContentFile(b"%PDF secret", name="notes.pdf")
    )
    AccessLog.objects.create(
        user=UserFactory(), board=board, case=case, action="view", what="case", path="/"
    )
    return case, case_file
