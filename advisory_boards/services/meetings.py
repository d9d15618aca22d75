"""Meetings: schedule, attendance and minutes (draft, approved, public)."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import Board, Meeting, MeetingDocument, Membership, MinutesStatus

MINUTES_ORDER = [
    MinutesStatus.NONE,
    MinutesStatus.DRAFT,
    MinutesStatus.APPROVED,
    MinutesStatus.PUBLIC,
]


class MeetingError(Exception):
    pass


@transaction.atomic
def meeting_save(
    *, board: Board, values: Mapping[str, Any], meeting: Meeting | None = None
) -> Meeting:
    meeting = meeting or Meeting(board=board)
    for field in ("starts_at", "place", "online_link", "agenda"):
        if field in values:
            setattr(meeting, field, values[field])
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_record(
    *,
    meeting: Meeting,
    attendees: Iterable[Membership],
    minutes: str,
    minutes_status: str,
) -> Meeting:
    """Attendance and minutes. Minutes move forward only (draft → approved → public), and only
    approved minutes can be made public."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    attendees = list(attendees)
    if any(membership.board_id != meeting.board_id for membership in attendees):
        raise MeetingError(_("Only the board's members can be recorded as present."))
    if MINUTES_ORDER.index(minutes_status) < MINUTES_ORDER.index(meeting.minutes_status):
        raise MeetingError(_("Approved minutes cannot go back to a draft."))
    if minutes_status != MinutesStatus.NONE and not minutes.strip():
        raise MeetingError(_("Write the minutes first."))
    if minutes_status == MinutesStatus.PUBLIC and meeting.minutes_status not in (
        MinutesStatus.APPROVED,
        MinutesStatus.PUBLIC,
    ):
        raise MeetingError(_("The board approves the minutes before they are made public."))
    if meeting.minutes_status in (MinutesStatus.APPROVED, MinutesStatus.PUBLIC) and (
        minutes.strip() != meeting.minutes
    ):
        raise MeetingError(_("Approved minutes cannot be edited."))
    meeting.minutes = minutes.strip()
    meeting.minutes_status = minutes_status
    meeting.save(update_fields=["minutes", "minutes_status"])
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def meeting_document_add(
    *, meeting: Meeting, title: str, upload, uploaded_by: User
) -> MeetingDocument:
    return MeetingDocument.objects.create(
        meeting=meeting, title=title, file=upload, uploaded_by=uploaded_by
    )
