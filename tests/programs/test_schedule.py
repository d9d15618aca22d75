"""Series that remove barriers, DST-safe times, edits and cancellations, calendars, beat messages."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from notices.models import Kind, Notice
from programs.models import Registration, Session, SessionStatus, Venue
from programs.services import (
    SeriesPattern,
    registration_check_in,
    registration_create,
    series_create,
    series_dates,
    series_update_rest,
    session_cancel,
    session_update,
    sessions_send_reminders,
    sessions_send_thanks,
)
from tests.factories import UserFactory, session_factory

pytestmark = pytest.mark.django_db
CHICAGO = ZoneInfo("America/Chicago")


def test_every_second_tuesday_for_six_months():
    pattern = SeriesPattern(
        first_date=date(2027, 1, 5),
        until=date(2027, 7, 5),
        start_time=time(18),
        end_time=time(19),
        every_weeks=2,
    )
    dates = series_dates(pattern)
    assert dates[:3] == [date(2027, 1, 5), date(2027, 1, 19), date(2027, 2, 2)]
    assert all(day.weekday() == 1 for day in dates)
    assert len(dates) == 13  # Jan 5 ... Jun 22


def test_second_tuesday_of_each_month_and_last_thursday():
    second = SeriesPattern(
        first_date=date(2027, 1, 12),
        until=date(2027, 6, 30),
        start_time=time(18),
        end_time=time(19),
        nth_weekday_of_month=2,
    )
    assert series_dates(second) == [
        date(2027, 1, 12),
        date(2027, 2, 9),
        date(2027, 3, 9),
        date(2027, 4, 13),
        date(2027, 5, 11),
        date(2027, 6, 8),
    ]
    last = SeriesPattern(
        first_date=date(2027, 1, 28),
        until=date(2027, 3, 31),
        start_time=time(18),
        end_time=time(19),
        nth_weekday_of_month=-1,
    )
    assert series_dates(last) == [date(2027, 1, 28), date(2027, 2, 25), date(2027, 3, 25)]


def test_a_series_across_daylight_saving_keeps_local_times_and_rotates(program, staff):
    venues = [
        Venue.objects.create(name=name, address="x") for name in ("Library", "Church", "School")
    ]
    # DST starts in Chicago on 2027-03-14: the UTC offset changes from -6 to -5.
    pattern = SeriesPattern(
        first_date=date(2027, 3, 2),
        until=date(2027, 3, 30),
        start_time=time(18),
        end_time=time(19, 30),
        alt_start_time=time(9),
        alt_end_time=time(10, 30),
        every_weeks=1,
    )
    series = series_create(
        program=program,
        pattern=pattern,
        venues=venues,
        values={"capacity": 20},
        description="weekly",
        created_by=staff,
    )
    sessions = list(series.sessions.order_by("starts_at"))
    local = [timezone.localtime(s.starts_at, CHICAGO) for s in sessions]
    assert [(d.date().isoformat(), d.hour) for d in local] == [
        ("2027-03-02", 18),
        ("2027-03-09", 9),
        ("2027-03-16", 18),
        ("2027-03-23", 9),
        ("2027-03-30", 18),
    ]
    assert [s.starts_at.utcoffset() for s in sessions] == [timedelta(0)] * 5
    assert sessions[0].starts_at == datetime(2027, 3, 3, 0, 0, tzinfo=ZoneInfo("UTC"))  # 18:00 CST
    assert sessions[2].starts_at == datetime(
        2027, 3, 16, 23, 0, tzinfo=ZoneInfo("UTC")
    )  # 18:00 CDT
    assert [s.venue.name for s in sessions] == ["Library", "Church", "School", "Library", "Church"]


def test_the_series_form_creates_sessions(client, staff, program, venue):
    client.force_login(staff)
    response = client.post(
        reverse("staff:programs:series_create", kwargs={"engagement_pk": program.engagement_id}),
        {
            "first_date": "2027-01-05",
            "until": "2027-02-28",
            "frequency": "2",
            "start_time": "18:00",
            "end_time": "19:00",
            "venue_1": venue.pk,
            "capacity": "25",
            "waitlist_enabled": "on",
        },
    )
    assert response.status_code == 302
    assert Session.objects.filter(program=program).count() == 4


def test_the_series_form_explains_a_bad_pattern(client, staff, program):
    client.force_login(staff)
    response = client.post(
        reverse("staff:programs:series_create", kwargs={"engagement_pk": program.engagement_id}),
        {
            "first_date": "2027-03-01",
            "until": "2027-02-01",
            "frequency": "1",
            "start_time": "18:00",
            "end_time": "19:00",
            "capacity": "5",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"until", "venue_1"}
    assert not Session.objects.exists()


def test_changing_time_tells_everyone_signed_up(session, staff, django_capture_on_commit_callbacks):
    person = UserFactory()
    registration_create(session=session, user=person, language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        session_update(
            session=session,
            values={
                "starts_at": session.starts_at + timedelta(hours=1),
                "ends_at": session.ends_at + timedelta(hours=1),
            },
            updated_by=staff,
        )
    session.refresh_from_db()
    assert session.status == SessionStatus.CHANGED
    assert Notice.objects.filter(kind=Kind.CHANGE).count() == 1
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert mail.outbox[0].attachments[0][0] == "session.ics"


def test_edit_and_cancel_the_rest_of_a_series(program, staff, venue):
    pattern = SeriesPattern(
        first_date=date(2027, 5, 4),
        until=date(2027, 6, 1),
        start_time=time(18),
        end_time=time(19),
        every_weeks=1,
    )
    sessions = list(
        series_create(
            program=program,
            pattern=pattern,
            venues=[venue],
            values={"capacity": 10},
            description="w",
            created_by=staff,
        ).sessions.order_by("starts_at")
    )
    series_update_rest(session=sessions[2], values={"capacity": 40}, updated_by=staff)
    assert [s.capacity for s in Session.objects.order_by("starts_at")] == [10, 10, 40, 40, 40]
    session_cancel(session=sessions[3], cancelled_by=staff, rest_of_series=True)
    assert [s.status for s in Session.objects.order_by("starts_at")] == [
        "scheduled",
        "scheduled",
        "scheduled",
        "cancelled",
        "cancelled",
    ]
    session_cancel(session=sessions[0], cancelled_by=staff)
    assert Session.objects.filter(status="cancelled").count() == 3


def test_cancelling_tells_people_and_closes_sign_up(
    client, session, staff, django_capture_on_commit_callbacks
):
    person = UserFactory(language="es")
    registration_create(session=session, user=person, language="es")
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, cancelled_by=staff)
    notice = Notice.objects.get(kind=Kind.CANCELLATION)
    assert notice.deliveries.filter(user=person, language="es").exists()
    client.force_login(UserFactory())
    client.post(reverse("programs:sign_up", kwargs={"pk": session.pk}))
    assert Registration.objects.filter(session=session).count() == 1


@pytest.mark.parametrize("url_name", ["session_calendar", "program_calendar", "agency_calendar"])
def test_calendars_parse_with_local_times(client, program, venue, url_name):
    starts = datetime(2027, 7, 6, 18, 0, tzinfo=CHICAGO)
    session = session_factory(
        program=program,
        venue=venue,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        virtual_link="https://meet.example.org/secret",
    )
    kwargs = {
        "session_calendar": {"pk": session.pk},
        "program_calendar": {"pk": program.pk},
        "agency_calendar": {},
    }[url_name]
    response = client.get(reverse(f"programs:{url_name}", kwargs=kwargs))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == starts
    assert event["dtstart"].params["TZID"] == "America/Chicago"
    assert calendar.walk("VTIMEZONE")
    # The online link is for people signed up, never in a public calendar.
    assert b"meet.example.org" not in response.content


def test_reminders_go_once_within_the_window(session, django_capture_on_commit_callbacks):
    person = UserFactory()
    registration_create(session=session, user=person, language="en")
    session.program.reminder_hours = 24
    session.program.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sessions_send_reminders(now=session.starts_at - timedelta(hours=30)) == 0
        assert sessions_send_reminders(now=session.starts_at - timedelta(hours=20)) == 1
        assert sessions_send_reminders(now=session.starts_at - timedelta(hours=10)) == 0
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_after_the_session_attendees_are_thanked_and_asked_for_feedback(
    session, django_capture_on_commit_callbacks
):
    came, stayed_home = UserFactory(), UserFactory()
    registration_check_in(
        registration=registration_create(session=session, user=came, language="en")
    )
    registration_create(session=session, user=stayed_home, language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sessions_send_thanks(now=session.ends_at + timedelta(minutes=30)) == 1
    assert [m.to for m in mail.outbox] == [[came.email]]
    assert f"/engagements/{session.program.engagement_id}/comment/" in mail.outbox[0].body
    session.refresh_from_db()
    assert session.status == SessionStatus.COMPLETED
