"""Ride-outs: eligibility rules, the signed waiver, and a review whose background check stays private."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notices.models import Notice
from programs.models import ProgramKind, RideOutRequest, RideOutStatus, Waiver
from programs.services import (
    RideOutError,
    rideout_approve,
    rideout_decline,
    rideout_eligibility,
    rideout_request_create,
    rideout_set_background_check,
)
from tests.factories import UserFactory, program_factory

pytestmark = pytest.mark.django_db
TODAY = date(2027, 6, 1)


@pytest.fixture
def rideouts():
    program = program_factory(title_en="Ride-outs")
    program.kind = ProgramKind.RIDE_OUT
    program.save()
    Waiver.objects.create(program=program, version=1, text_en="Old waiver")
    Waiver.objects.create(
        program=program,
        version=2,
        text_en="I ride at my own risk and follow the officer's instructions.",
    )
    return program


def _born(years: int, days: int = 0) -> date:
    return date(TODAY.year - years, TODAY.month, TODAY.day) - timedelta(days=days)


@pytest.mark.parametrize(
    ("age", "guardian", "resident", "residency_required", "ok"),
    [
        (18, False, True, False, True),
        (45, False, False, False, True),
        (17, True, True, False, True),
        (16, True, True, False, True),
        (17, False, True, False, False),
        (15, True, True, False, False),
        (30, False, False, True, False),
        (30, False, True, True, True),
    ],
)
def test_eligibility_matrix(rideouts, age, guardian, resident, residency_required, ok):
    rideouts.residency_required = residency_required
    result = rideout_eligibility(
        program=rideouts,
        user=UserFactory(),
        date_of_birth=_born(age, days=1),
        lives_in_city=resident,
        guardian_consent=guardian,
        today=TODAY,
    )
    assert result.ok is ok


def test_at_most_one_ride_out_in_twelve_months(rideouts):
    person = UserFactory()
    kwargs = {
        "program": rideouts,
        "user": person,
        "unit": "patrol",
        "preferred_dates": [timezone.localdate() + timedelta(days=10)],
        "date_of_birth": date(1990, 1, 1),
        "lives_in_city": True,
        "signature": "Ana García",
        "waiver_accepted": True,
    }
    rideout_request_create(**kwargs)
    with pytest.raises(RideOutError, match="at most 1"):
        rideout_request_create(**kwargs)
    assert RideOutRequest.objects.count() == 1


def _form(**overrides):
    soon = timezone.localdate() + timedelta(days=14)
    return {
        "unit": "k9",
        "preferred_date_1": soon.isoformat(),
        "date_of_birth": "1990-05-05",
        "lives_in_city": "on",
        "waiver_accepted": "on",
        "signature": "Ana García",
        **overrides,
    }


def test_resident_requests_with_the_current_waiver_signed(client, rideouts):
    person = UserFactory()
    client.force_login(person)
    page = client.get(
        reverse("programs:rideout_request", kwargs={"pk": rideouts.pk})
    ).content.decode()
    assert "I ride at my own risk" in page
    assert "Old waiver" not in page
    response = client.post(reverse("programs:rideout_request", kwargs={"pk": rideouts.pk}), _form())
    ride = RideOutRequest.objects.get()
    assert response["Location"] == reverse("programs:rideout", kwargs={"pk": ride.pk})
    assert (ride.waiver.version, ride.signature, ride.status) == (
        2,
        "Ana García",
        RideOutStatus.SUBMITTED,
    )
    assert ride.signed_at is not None
    assert Notice.objects.filter(dedupe_key=f"rideout-received:{ride.pk}").exists()


def test_without_signature_nothing_is_saved_and_input_is_kept(client, rideouts):
    client.force_login(UserFactory())
    response = client.post(
        reverse("programs:rideout_request", kwargs={"pk": rideouts.pk}),
        _form(signature="", waiver_accepted=""),
    )
    assert response.status_code == 200
    assert 'value="1990-05-05"' in response.content.decode()
    assert not RideOutRequest.objects.exists()


def test_a_minor_needs_a_guardian(client, rideouts):
    client.force_login(UserFactory())
    seventeen = (timezone.localdate() - timedelta(days=17 * 365 + 30)).isoformat()
    response = client.post(
        reverse("programs:rideout_request", kwargs={"pk": rideouts.pk}),
        _form(date_of_birth=seventeen),
    )
    assert "need a guardian" in response.content.decode()
    client.post(
        reverse("programs:rideout_request", kwargs={"pk": rideouts.pk}),
        _form(date_of_birth=seventeen, guardian_name="Luis García", guardian_consent="on"),
    )
    ride = RideOutRequest.objects.get()
    assert ride.guardian_consent_at is not None


def test_review_approve_needs_a_cleared_check_and_the_check_stays_private(
    client, rideouts, staff, django_capture_on_commit_callbacks
):
    person = UserFactory()
    ride = rideout_request_create(
        program=rideouts,
        user=person,
        unit="traffic",
        preferred_dates=[timezone.localdate() + timedelta(days=5)],
        date_of_birth=date(1980, 1, 1),
        lives_in_city=True,
        signature="Sam",
        waiver_accepted=True,
    )
    with pytest.raises(RideOutError):
        rideout_approve(
            request=ride,
            scheduled_at=timezone.now() + timedelta(days=5),
            unit="traffic",
            officer=staff,
            by=staff,
        )
    rideout_set_background_check(request=ride, status="not_cleared", by=staff)
    client.force_login(person)
    page = client.get(reverse("programs:rideout", kwargs={"pk": ride.pk})).content.decode()
    assert "Background check" not in page
    assert "Not cleared" not in page

    rideout_set_background_check(request=ride, status="cleared", by=staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        rideout_approve(
            request=ride,
            scheduled_at=timezone.now() + timedelta(days=5),
            unit="traffic",
            officer=staff,
            by=staff,
        )
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "Traffic enforcement" in mail.outbox[0].body
    assert "cleared" not in mail.outbox[0].body.lower()


def test_decline_needs_a_reason_that_the_resident_reads(
    rideouts, staff, django_capture_on_commit_callbacks
):
    person = UserFactory()
    ride = rideout_request_create(
        program=rideouts,
        user=person,
        unit="patrol",
        preferred_dates=[timezone.localdate() + timedelta(days=5)],
        date_of_birth=date(1980, 1, 1),
        lives_in_city=True,
        signature="Sam",
        waiver_accepted=True,
    )
    with pytest.raises(RideOutError):
        rideout_decline(request=ride, reason="  ", by=staff)
    with django_capture_on_commit_callbacks(execute=True):
        rideout_decline(
            request=ride, reason="No patrol places this month; please ask again in July.", by=staff
        )
    assert "please ask again in July" in mail.outbox[-1].body


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("other", 404), ("staff", 200), ("anonymous", 302)]
)
def test_a_request_is_seen_by_its_owner_and_staff_only(client, rideouts, staff, who, status):
    owner = UserFactory()
    ride = rideout_request_create(
        program=rideouts,
        user=owner,
        unit="patrol",
        preferred_dates=[timezone.localdate() + timedelta(days=5)],
        date_of_birth=date(1980, 1, 1),
        lives_in_city=True,
        signature="O",
        waiver_accepted=True,
    )
    people = {"owner": owner, "other": UserFactory(), "staff": staff}
    if who in people:
        client.force_login(people[who])
    assert client.get(reverse("programs:rideout", kwargs={"pk": ride.pk})).status_code == status


def test_staff_review_page_and_matrix(client, rideouts, staff, resident):
    ride = rideout_request_create(
        program=rideouts,
        user=UserFactory(),
        unit="patrol",
        preferred_dates=[timezone.localdate() + timedelta(days=5)],
        date_of_birth=date(1980, 1, 1),
        lives_in_city=True,
        signature="O",
        waiver_accepted=True,
    )
    url = reverse("staff:programs:rideout", kwargs={"pk": ride.pk})
    client.force_login(resident)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.post(url, {"action": "check", "background_check": "cleared"})
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    client.post(
        url, {"action": "approve", "scheduled_at": when, "unit": "patrol", "officer": staff.pk}
    )
    ride.refresh_from_db()
    assert (ride.status, ride.officer) == (RideOutStatus.APPROVED, staff)
