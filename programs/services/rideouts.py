"""Ride-out requests: eligibility per program, a signed waiver, a staff review that notifies."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import BackgroundCheck, Program, ProgramKind, RideOutRequest, RideOutStatus, Waiver
from . import notify_people


class RideOutError(Exception):
    def __init__(self, reasons):
        self.reasons = [str(reason) for reason in reasons]
        super().__init__(" ".join(self.reasons))


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass
class Eligibility:
    reasons: list = field(default_factory=list)
    needs_guardian: bool = False

    @property
    def ok(self) -> bool:
        return not self.reasons


def waiver_current(*, program: Program) -> Waiver | None:
    return program.waivers.order_by("-version").first()


def rideout_eligibility(
    *,
    program: Program,
    user: User,
    date_of_birth: date,
    lives_in_city: bool,
    guardian_consent: bool,
    today: date | None = None,
) -> Eligibility:
    """Apply the program's rules: minimum age (or a younger age with a guardian's consent), at most
    N ride-outs in 12 months (pending requests count), residency if the agency asks."""
    today = today or timezone.localdate()
    result = Eligibility()
    age = age_on(date_of_birth, today)
    if age < program.min_age:
        younger = program.min_age_with_guardian
        if younger is not None and age >= younger:
            result.needs_guardian = True
            if not guardian_consent:
                result.reasons.append(
                    _("Riders under %(age)d need a guardian's consent.") % {"age": program.min_age}
                )
        else:
            result.reasons.append(
                _("Riders must be at least %(age)d years old.")
                % {"age": younger if younger is not None else program.min_age}
            )
    if program.max_per_year:
        since = timezone.now() - timedelta(days=365)
        recent = RideOutRequest.objects.filter(program=program, user=user).filter(
            Q(status=RideOutStatus.SUBMITTED)
            | Q(status=RideOutStatus.APPROVED, scheduled_at__gte=since)
        )
        if recent.count() >= program.max_per_year:
            result.reasons.append(
                _(
                    "You can ride out at most %(count)d time(s) in 12 months, and you already have a request or a ride-out in that time."
                )
                % {"count": program.max_per_year}
            )
    if program.residency_required and not lives_in_city:
        result.reasons.append(_("Ride-outs are for people who live in the city."))
    return result


@transaction.atomic
def rideout_request_create(
    *,
    program: Program,
    user: User,
    unit: str,
    preferred_dates: list[date],
    date_of_birth: date,
    lives_in_city: bool,
    signature: str,
    waiver_accepted: bool,
    guardian_name: str = "",
    guardian_email: str = "",
    guardian_consent: bool = False,
) -> RideOutRequest:
    if program.kind != ProgramKind.RIDE_OUT or not program.engagement.is_open:
        raise RideOutError([_("This program is not taking ride-out requests now.")])
    # Serialise a person's requests so two at once cannot both pass the yearly limit.
    User.objects.select_for_update().get(pk=user.pk)
    eligibility = rideout_eligibility(
        program=program,
        user=user,
        date_of_birth=date_of_birth,
        lives_in_city=lives_in_city,
        guardian_consent=guardian_consent and bool(guardian_name.strip()),
    )
    waiver = waiver_current(program=program)
    reasons = list(eligibility.reasons)
    if waiver is None:
        reasons.append(_("The waiver is not available yet. Please try again later."))
    if not (waiver_accepted and signature.strip()):
        reasons.append(_("Read the waiver, tick the box and type your full name to sign it."))
    if reasons:
        raise RideOutError(reasons)
    now = timezone.now()
    dates = [*preferred_dates[:3], None, None]
    request = RideOutRequest.objects.create(
        program=program,
        user=user,
        unit=unit,
        preferred_date_1=dates[0],
        preferred_date_2=dates[1],
        preferred_date_3=dates[2],
        date_of_birth=date_of_birth,
        lives_in_city=lives_in_city,
        guardian_name=guardian_name.strip() if eligibility.needs_guardian else "",
        guardian_email=guardian_email.strip() if eligibility.needs_guardian else "",
        guardian_consent_at=now if eligibility.needs_guardian else None,
        waiver=waiver,
        signature=signature.strip(),
        signed_at=now,
    )
    notify_people.rideout_received(request)
    return request


@transaction.atomic
def rideout_set_background_check(
    *, request: RideOutRequest, status: str, by: User
) -> RideOutRequest:
    request = RideOutRequest.objects.select_for_update().get(pk=request.pk)
    request.background_check = status
    request.save(update_fields=["background_check"])
    return request


@transaction.atomic
def rideout_approve(
    *, request: RideOutRequest, scheduled_at, unit: str, officer: User | None, by: User
) -> RideOutRequest:
    request = RideOutRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RideOutStatus.SUBMITTED:
        raise RideOutError([_("Only a request under review can be approved.")])
    if request.background_check != BackgroundCheck.CLEARED:
        raise RideOutError([_("Approve only after the background check has cleared.")])
    request.status = RideOutStatus.APPROVED
    request.scheduled_at = scheduled_at
    request.assigned_unit = unit
    request.officer = officer
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save()
    notify_people.rideout_approved(request)
    return request


@transaction.atomic
def rideout_decline(*, request: RideOutRequest, reason: str, by: User) -> RideOutRequest:
    request = RideOutRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RideOutStatus.SUBMITTED:
        raise RideOutError([_("Only a request under review can be declined.")])
    if not reason.strip():
        raise RideOutError([_("Give the reason: the resident will read it.")])
    request.status = RideOutStatus.DECLINED
    request.decline_reason = reason.strip()
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save()
    notify_people.rideout_declined(request)
    return request


@transaction.atomic
def rideout_cancel(*, request: RideOutRequest) -> RideOutRequest:
    request = RideOutRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (RideOutStatus.SUBMITTED, RideOutStatus.APPROVED):
        request.status = RideOutStatus.CANCELLED
        request.save(update_fields=["status"])
    return request
