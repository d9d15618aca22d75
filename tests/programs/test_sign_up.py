"""Signing up in a browser's terms: accounts, guests, waitlist, cancellation, promotion, messages."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from notices.models import Delivery, Kind, Notice
from programs.models import Registration, RegistrationStatus
from programs.services import registration_create, session_update
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, session, **data):
    return client.post(reverse("programs:sign_up", kwargs={"pk": session.pk}), data)


def test_a_resident_signs_up_and_gets_a_confirmation_with_a_calendar_file(
    client, session, django_capture_on_commit_callbacks
):
    person = UserFactory(language="es")
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_up(client, session, needs_asl="on", needs_other="Llego en silla de ruedas")
    registration = Registration.objects.get(user=person)
    assert response["Location"] == registration.get_absolute_url()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.needs_asl
    message = next(m for m in mail.outbox if m.to == [person.email])
    assert message.subject.startswith("Se ha inscrito") or "Coffee with a Cop" in message.subject
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("session.ics", "text/calendar")
    event = next(c for c in Calendar.from_ical(content).walk("VEVENT"))
    # iCalendar keeps whole seconds.
    assert event.decoded("dtstart") == session.starts_at.replace(microsecond=0)
    # The registration page shows the code and a QR code for the door.
    page = client.get(registration.get_absolute_url()).content.decode()
    assert registration.code in page
    assert "data:image/svg+xml;base64," in page


def test_a_repeated_sign_up_is_a_no_op_not_an_error(client, session):
    person = UserFactory()
    client.force_login(person)
    first = _sign_up(client, session)
    second = _sign_up(client, session)
    assert first["Location"] == second["Location"]
    assert Registration.objects.filter(user=person).count() == 1


def test_beyond_capacity_people_wait_in_line_and_see_their_position(client, session):
    for _ in range(2):
        registration_create(session=session, user=UserFactory(), language="en")
    late = UserFactory()
    client.force_login(late)
    response = _sign_up(client, session)
    registration = Registration.objects.get(user=late)
    assert registration.status == RegistrationStatus.WAITLISTED
    page = client.get(response["Location"]).content.decode()
    assert "You are number 1 on the waitlist." in page


def test_cancelling_promotes_the_next_in_line_and_tells_them(
    client, session, django_capture_on_commit_callbacks
):
    first = registration_create(session=session, user=UserFactory(), language="en")
    registration_create(session=session, user=UserFactory(), language="en")
    waiting = registration_create(session=session, user=UserFactory(language="vi"), language="vi")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:registration_cancel", kwargs={"token": first.token}))
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    promotion = Notice.objects.get(dedupe_key=f"registration-promoted:{waiting.pk}")
    delivery = promotion.deliveries.get(channel="email")
    assert delivery.language == "vi"
    assert delivery.status == "sent"


def test_more_places_promote_from_the_waitlist(session, staff):
    for _ in range(3):
        registration_create(session=session, user=UserFactory(), language="en")
    session_update(session=session, values={"capacity": 3}, updated_by=staff)
    assert session.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 3


def test_guests_confirm_by_link_then_take_a_place(
    client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_up(client, session, name="Rosa", email="Rosa@Example.org")
    registration = Registration.objects.get(guest_email="rosa@example.org")
    assert registration.status == RegistrationStatus.UNCONFIRMED
    assert registration.code in mail.outbox[-1].body
    client.post(
        reverse("programs:registration_confirm", kwargs={"token": registration.token}),
        {"via": "link"},
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    # The same guest signing up again gets the same registration.
    again = _sign_up(client, session, name="Rosa", email="rosa@example.org")
    assert again["Location"] == response["Location"]


def test_guests_can_confirm_with_the_code_from_a_text(client, session, settings):
    settings.NOTICES_SMS_PROVIDER = "notices.channels.sms.LocmemSmsProvider"
    settings.NOTICES_SMS_QUIET_HOURS = (0, 0)
    _sign_up(client, session, name="Minh", phone="+13125550199")
    registration = Registration.objects.get(guest_name="Minh")
    url = reverse("programs:registration_confirm", kwargs={"token": registration.token})
    client.post(url, {"code": "WRONG"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.UNCONFIRMED
    client.post(url, {"code": registration.code.lower()})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_guests_need_an_email_or_phone_and_keep_what_they_typed(client, session):
    response = _sign_up(client, session, name="Sam", needs_other="Large print")
    assert response.status_code == 200
    assert "Large print" in response.content.decode()
    assert not Registration.objects.exists()


def test_another_persons_registration_is_not_found(client, session):
    registration_create(session=session, user=UserFactory(), language="en")
    client.force_login(UserFactory())
    assert (
        client.get(reverse("programs:registration", kwargs={"token": "guess-token"})).status_code
        == 404
    )


def test_scenarios_need_the_confidentiality_acknowledgement(client, session):
    session.program.requires_confidentiality = True
    session.program.save()
    client.force_login(UserFactory())
    response = _sign_up(client, session)
    assert response.status_code == 200
    assert not Registration.objects.exists()
    _sign_up(client, session, confidentiality="on")
    assert Registration.objects.get().confidentiality_acknowledged_at is not None


def test_the_virtual_link_is_only_for_people_signed_up(client, session):
    session.virtual_link = "https://meet.example.org/coffee"
    session.save()
    assert "meet.example.org" not in client.get(session.get_absolute_url()).content.decode()
    person = UserFactory()
    registration = registration_create(session=session, user=person, language="en")
    client.force_login(person)
    assert "meet.example.org" in client.get(registration.get_absolute_url()).content.decode()


def test_attendance_counts_as_participation_for_report_backs(
    session, staff, django_capture_on_commit_callbacks
):
    from engagements import services as loop

    attendee = UserFactory()
    registration_create(session=session, user=attendee, language="en")
    engagement = session.program.engagement
    item = loop.input_create(engagement=engagement, text="x", language="en")
    action = loop.action_create(
        engagement=engagement,
        inputs=[item],
        values={"title_en": "A", "status": "adopted", "owner": staff},
        created_by=staff,
    )
    report = loop.report_back_save(
        engagement=engagement,
        values={"heard_en": "h", "did_en": "d"},
        actions=[action],
        saved_by=staff,
    )
    with django_capture_on_commit_callbacks(execute=True):
        loop.report_back_publish(report_back=report, published_by=staff)
    notice = Notice.objects.get(kind=Kind.REPORT_BACK)
    assert Delivery.objects.filter(notice=notice, user=attendee).exists()


def test_the_engagement_page_lists_sessions_with_places_left(client, session):
    registration_create(session=session, user=UserFactory(), language="en")
    body = client.get(session.program.engagement.get_absolute_url()).content.decode()
    assert "1 place left" in body
    registration_create(session=session, user=UserFactory(), language="en")
    body = client.get(session.program.engagement.get_absolute_url()).content.decode()
    assert "Full: you can join the waitlist" in body
