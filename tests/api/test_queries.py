"""Every list of the API reads in a fixed number of queries: the same for 2 items as for 20."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from announcements.models import Announcement, AnnouncementKind
from engagements.models import Action, ReportBack
from programs.models import Program, Venue
from tests.api.conftest import submit
from tests.factories import (
    EngagementFactory,
    LanguageFactory,
    NeighborhoodFactory,
    TopicFactory,
    session_factory,
    staff_user,
)
from tests.surveys.conftest import make_survey

pytestmark = pytest.mark.django_db


def _engagements(n, ctx):
    for _ in range(n):
        EngagementFactory(topics=[ctx.topic], neighborhoods=[ctx.place], languages=[ctx.spanish])


def _sessions(n, ctx):
    program = Program.objects.create(engagement=EngagementFactory())
    venue = Venue.objects.create(name="Hall", address="1 Main St", neighborhood=ctx.place)
    for day in range(n):
        session = session_factory(
            program=program, venue=venue, starts_at=timezone.now() + timedelta(days=day + 1)
        )
        session.languages.set([ctx.spanish])
        session.interpretation.set([ctx.spanish])


def _announcements(n, ctx):
    for number in range(n):
        announcement = Announcement.objects.create(
            kind=AnnouncementKind.EVENT,
            title_en=f"News {number}",
            summary_en=".",
            body_en=".",
            engagement=EngagementFactory(),
            published_at=timezone.now(),
        )
        announcement.topics.set([ctx.topic])
        announcement.neighborhoods.set([ctx.place])


def _surveys(n, ctx):
    for _ in range(n):
        submit(make_survey(staff=ctx.staff, results_published=True), 2)


def _report_backs(n, ctx):
    for _ in range(n):
        engagement = EngagementFactory()
        report_back = ReportBack.objects.create(
            engagement=engagement, heard_en=".", did_en=".", published_at=timezone.now()
        )
        report_back.actions.set(
            [
                Action.objects.create(engagement=engagement, title_en=f"Step {k}", owner=ctx.staff)
                for k in range(2)
            ]
        )


def _topics(n, ctx):
    for _ in range(n):
        TopicFactory()


# (list, builder, ceiling): the ceiling counts the page, its count, prefetches, the filters'
# lookups and the Last-Modified aggregates.
LISTS = [
    ("/api/v1/engagements/?topic=t&neighborhood=n&language=es", _engagements, 9),
    ("/api/v1/sessions/?neighborhood=n", _sessions, 7),
    ("/api/v1/announcements/?topic=t", _announcements, 6),
    ("/api/v1/survey-results/", _surveys, 2),
    ("/api/v1/report-backs/", _report_backs, 6),
    ("/api/v1/topics/", _topics, 2),
]


@pytest.fixture
def ctx():
    class Context:
        staff = staff_user()
        topic = TopicFactory(slug="t")
        place = NeighborhoodFactory(slug="n")
        spanish = LanguageFactory()

    return Context


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()["count"]


@pytest.mark.parametrize(("url", "build", "ceiling"), LISTS, ids=[url for url, *_ in LISTS])
def test_list_queries_do_not_grow_with_the_data(client, ctx, url, build, ceiling):
    build(2, ctx)
    few, listed = _count(client, url)
    assert listed >= 2
    build(18, ctx)
    many, listed = _count(client, url)
    assert listed >= 20

    assert many == few
    assert many <= ceiling
