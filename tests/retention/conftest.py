from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from advisory_boards.models import AccessLog, BoardKind, Case, CaseFile, CaseStatus
from engagements.models import Input, ReportBack
from notices.models import Delivery, DeliveryStatus, Notice, NoticeStatus
from programs.models import Application, Cohort, MinorDetails, Registration
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


def guest_input(engagement, *, email="ann@example.org"):
    return Input.objects.create(
        engagement=engagement,
        text="The crossing is dangerous.",
        contact_name="Ann Guest",
        contact_email=email,
        contact_phone="+12025550123",
        contact_consent=True,
    )


def reported_engagement(*, days_ago: int, now):
    engagement = EngagementFactory()
    report_back(engagement, published_at=now - days_ago * DAY)
    return engagement


def guest_registration(*, engagement=None, program=None, email="bo@example.org"):
    program = program or program_factory()
    if engagement is not None:
        program.engagement = engagement
        program.save()
    session = session_factory(program=program, starts_at=timezone.now() - 30 * DAY)
    return Registration.objects.create(
        session=session,
        guest_name="Bo Guest",
        guest_email=email,
        guest_phone="+12025550199",
        language="en",
        status="confirmed",
        needs_other="I use a wheelchair",
    )


def minor_application(*, ended_days_ago: int, with_cohort=True):
    program = program_factory()
    cohort = Cohort.objects.create(program=program, name="Spring") if with_cohort else None
    ends = timezone.now() - ended_days_ago * DAY
    session_factory(
        program=program, cohort=cohort, starts_at=ends - timedelta(hours=2), ends_at=ends
    )
    application = Application.objects.create(program=program, cohort=cohort, user=UserFactory())
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


def delivery(notice, *, address, status=DeliveryStatus.SENT, days_ago=0, language="en"):
    row = Delivery.objects.create(
        notice=notice, channel="email", address=address, language=language, status=status
    )
    Delivery.objects.filter(pk=row.pk).update(created_at=timezone.now() - days_ago * DAY)
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
