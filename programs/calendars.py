"""iCalendar files: one session (for a confirmation), or a feed of a program's or all sessions.

Times are written in the agency's time zone with its VTIMEZONE, so calendar apps show the right local
time on both sides of a daylight-saving change.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Session, SessionStatus


def _event(session: Session, *, include_link: bool) -> Event:
    event = Event()
    zone = timezone.get_default_timezone()
    event.add("uid", f"session-{session.pk}@{settings.PORTAL_BASE_URL.split('//')[-1].rstrip('/')}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", session.display_title)
    location = []
    if session.venue_id:
        location.append(f"{session.venue.name}, {session.venue.address}")
    if session.virtual_link and include_link:
        location.append(session.virtual_link)
    if location:
        event.add("location", " / ".join(location))
    event.add("url", settings.PORTAL_BASE_URL.rstrip("/") + session.get_absolute_url())
    event.add("status", "CANCELLED" if session.status == SessionStatus.CANCELLED else "CONFIRMED")
    return event


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Engagement Portal//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def session_ics(session: Session, *, include_link: bool = False) -> str:
    calendar = _calendar(session.display_title)
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(session, include_link=include_link))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def sessions_ics(sessions: Iterable[Session], *, name: str) -> str:
    calendar = _calendar(name)
    for session in sessions:
        calendar.add_component(_event(session, include_link=False))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()
