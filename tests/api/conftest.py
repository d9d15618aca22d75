"""Seeded data for the open data API: one public thing of each kind, and beside each a thing that
must never appear (a draft, an unpublished or board-only one), with recognisable strings to search
every response body for."""

from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from announcements.models import Announcement, AnnouncementKind
from engagements.models import Action, ActionStatus, Format, Input, ReportBack, Status
from programs.models import Program, SessionStatus, Venue
from surveys.models import SurveyStatus
from surveys.services import response_submit
from tests.advisory_boards.conftest import make_board, make_draft
from tests.factories import (
    EngagementFactory,
    LanguageFactory,
    NeighborhoodFactory,
    TopicFactory,
    session_factory,
    staff_user,
)
from tests.surveys.conftest import answers_for, make_survey

# Strings that only non-public or personal things carry: none may appear in any API response.
SECRETS = {
    "draft_engagement": "Secret draft engagement",
    "board_draft": "Confidential pursuit rewrite",
    "draft_announcement": "Unpublished announcement title",
    "draft_report_back": "Unpublished report-back words",
    "report_back_of_draft": "Report-back of a draft engagement",
    "draft_session": "Session of a draft engagement",
    "virtual_link": "https://meet.example.org/j/secret-room-4815",
    "unpublished_survey": "Survey with unpublished results",
    "draft_survey": "Draft survey title",
    "free_text": "My neighbor at 12 Elm Street deals drugs",
    "contact_name": "Jane Q. Resident",
    "contact_email": "jane.resident@example.org",
    "contact_phone": "+13125550187",
    "input_text": "Please add a crosswalk by my house",
}


def submit(survey, count, **answers):
    for _number in range(count):
        response_submit(
            survey=survey,
            answers={int(key[1:]): value for key, value in answers_for(survey, **answers).items()},
            language="en",
        )


@dataclass
class Seed:
    staff: object
    riverside: object
    downtown: object
    traffic: object
    spanish: object
    engagement: object
    closed: object
    draft: object
    board_engagement: object
    session: object
    past_session: object
    cancelled_session: object
    draft_session: object
    announcement: object
    draft_announcement: object
    survey: object
    report_back: object
    action: object
    extra: SimpleNamespace


def seed_public_data() -> Seed:
    staff = staff_user()
    riverside = NeighborhoodFactory(name_en="Riverside", slug="riverside")
    downtown = NeighborhoodFactory(name_en="Downtown", slug="downtown")
    traffic = TopicFactory(name_en="Traffic safety", slug="traffic")
    spanish = LanguageFactory()
    now = timezone.now()

    engagement = EngagementFactory(
        title_en="Riverside town hall",
        title_es="Asamblea de Riverside",
        summary_en="Talk with the chief.",
        topics=[traffic],
        neighborhoods=[riverside],
        languages=[spanish],
        owner=staff,
    )
    closed = EngagementFactory(
        title_en="Closed listening session",
        format=Format.LISTENING_SESSION,
        category="co_produced",
        status=Status.CLOSED,
        closed_at=now,
        neighborhoods=[downtown],
    )
    draft = EngagementFactory(
        title_en=SECRETS["draft_engagement"], status=Status.DRAFT, published_at=None
    )
    board_draft = make_draft(make_board("api"), title=SECRETS["board_draft"], staff=staff)

    venue = Venue.objects.create(
        name="Riverside Library", address="120 Mill St", neighborhood=riverside
    )
    program = Program.objects.create(engagement=engagement)
    session = session_factory(
        program=program, venue=venue, virtual_link=SECRETS["virtual_link"], capacity=25
    )
    session.languages.set([spanish])
    past_session = session_factory(program=program, venue=venue, starts_at=now - timedelta(days=30))
    cancelled_session = session_factory(
        program=program, venue=venue, status=SessionStatus.CANCELLED
    )
    draft_session = session_factory(
        program=Program.objects.create(engagement=draft), title_en=SECRETS["draft_session"]
    )

    announcement = Announcement.objects.create(
        kind=AnnouncementKind.TRAFFIC,
        title_en="Bridge closed Saturday",
        summary_en="Use Main Street.",
        body_en="The river bridge is closed for repairs.",
        engagement=draft,
        author=staff,
        published_at=now,
    )
    announcement.topics.set([traffic])
    announcement.neighborhoods.set([riverside])
    draft_announcement = Announcement.objects.create(
        kind=AnnouncementKind.EVENT,
        title_en=SECRETS["draft_announcement"],
        summary_en="Not yet.",
        body_en="Not yet.",
        author=staff,
    )

    survey = make_survey(staff=staff, results_published=True)
    submit(survey, 40, walk="Yes", safe=4, text=SECRETS["free_text"])
    submit(survey, 3, walk="No", safe=None, text=SECRETS["free_text"])
    unpublished = make_survey(staff=staff, title_en=SECRETS["unpublished_survey"])
    submit(unpublished, 12)
    draft_survey = make_survey(
        staff=staff, open_it=False, results_published=True, title_en=SECRETS["draft_survey"]
    )
    assert draft_survey.status == SurveyStatus.DRAFT

    item = Input.objects.create(
        engagement=engagement,
        text=SECRETS["input_text"],
        contact_name=SECRETS["contact_name"],
        contact_email=SECRETS["contact_email"],
        contact_phone=SECRETS["contact_phone"],
        contact_consent=True,
        received_at=now - timedelta(days=10),
    )
    action = Action.objects.create(
        engagement=engagement,
        title_en="Paint a crosswalk on Mill Street",
        status=ActionStatus.ADOPTED,
        owner=staff,
        due_on=timezone.localdate() + timedelta(days=30),
    )
    item.action = action
    item.save(update_fields=["action"])
    report_back = ReportBack.objects.create(
        engagement=engagement,
        heard_en="People asked for safer crossings.",
        did_en="We will paint a crosswalk.",
        published_at=now,
        published_by=staff,
    )
    report_back.actions.set([action])
    ReportBack.objects.create(
        engagement=engagement, heard_en=SECRETS["draft_report_back"], did_en="."
    )
    ReportBack.objects.create(
        engagement=draft, heard_en=SECRETS["report_back_of_draft"], did_en=".", published_at=now
    )

    return Seed(
        staff=staff,
        riverside=riverside,
        downtown=downtown,
        traffic=traffic,
        spanish=spanish,
        engagement=engagement,
        closed=closed,
        draft=draft,
        board_engagement=board_draft.engagement,
        session=session,
        past_session=past_session,
        cancelled_session=cancelled_session,
        draft_session=draft_session,
        announcement=announcement,
        draft_announcement=draft_announcement,
        survey=survey,
        report_back=report_back,
        action=action,
        extra=SimpleNamespace(
            unpublished_survey=unpublished, draft_survey=draft_survey, input=item
        ),
    )


@pytest.fixture
def seed(db):
    return seed_public_data()


def assert_no_secrets(body: str) -> None:
    leaked = [name for name, value in SECRETS.items() if value in body]
    assert not leaked, f"not public, yet in the response: {leaked}"
