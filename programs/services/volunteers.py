"""Volunteer hours: logged by the volunteer, approved by staff."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import HoursStatus, Program, ProgramKind, Session, VolunteerHours


class HoursError(Exception):
    pass


@transaction.atomic
def hours_log(
    *,
    program: Program,
    user: User,
    worked_on: date,
    hours: Decimal,
    description: str,
    session: Session | None = None,
) -> VolunteerHours:
    if program.kind != ProgramKind.VOLUNTEER:
        raise HoursError(_("Hours can only be logged for a volunteer program."))
    if worked_on > timezone.localdate():
        raise HoursError(_("Log hours after you have worked them."))
    if not Decimal("0") < hours <= Decimal("24"):
        raise HoursError(_("Hours must be more than 0 and at most 24."))
    entry = VolunteerHours(
        program=program,
        user=user,
        worked_on=worked_on,
        hours=hours,
        description=description.strip(),
        session=session,
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def hours_review(*, entry: VolunteerHours, approve: bool, by: User) -> VolunteerHours:
    entry = VolunteerHours.objects.select_for_update().get(pk=entry.pk)
    entry.status = HoursStatus.APPROVED if approve else HoursStatus.REJECTED
    entry.reviewed_by = by
    entry.reviewed_at = timezone.now()
    entry.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return entry
