"""The outbox: deliveries written with their cause, sent once each, never lost."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagement_portal.celery import app as celery_app
from notices.channels.sms import sms_segments
from notices.models import (
    Channel,
    Delivery,
    DeliveryStatus,
    Kind,
    Notice,
    NoticeStatus,
    OptOut,
    Suppression,
)
from notices.services import (
    deliveries_send,
    deliveries_sweep,
    notice_create,
    unsubscribe,
)
from notices.tasks import delivery_send_batch
from tests.factories import TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXTS = {
    "subject": {"en": "Town hall moved", "es": "La reunión cambió de lugar"},
    "body": {"en": "It is now at the library.", "es": "Ahora es en la biblioteca."},
}


def _notice(audience_params, **kwargs) -> Notice:
    return notice_create(
        kind=kwargs.pop("kind", Kind.ANNOUNCEMENT),
        subject=TEXTS["subject"],
        body=TEXTS["body"],
        audience_kind=kwargs.pop("audience_kind", "people"),
        audience_params=audience_params,
        **kwargs,
    )


def test_deliveries_use_each_language_and_record_the_fallback(django_capture_on_commit_callbacks):
    spanish = UserFactory(language="es")
    vietnamese = UserFactory(language="vi")
    with django_capture_on_commit_callbacks(execute=True):
        notice = _notice({"user_ids": [spanish.pk, vietnamese.pk]}, channels=[Channel.EMAIL])
    by_address = {d.address: d for d in notice.deliveries.all()}
    assert by_address[spanish.email].language == "es"
    assert by_address[spanish.email].fell_back is False
    assert by_address[vietnamese.email].language == "en"
    assert by_address[vietnamese.email].fell_back is True
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        spanish.email: "La reunión cambió de lugar",
        vietnamese.email: "Town hall moved",
    }
    assert all(d.status == DeliveryStatus.SENT for d in notice.deliveries.all())


def test_email_has_text_html_and_one_click_unsubscribe(django_capture_on_commit_callbacks, client):
    person = UserFactory(language="es")
    with django_capture_on_commit_callbacks(execute=True):
        _notice({"user_ids": [person.pk]}, channels=[Channel.EMAIL])
    message = mail.outbox[0]
    assert message.alternatives[0][1] == "text/html"
    assert '<html lang="es"' in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url in message.body

    # A mail client's one-click POST carries no CSRF token and must still work.
    path = url.split("127.0.0.1:8000", 1)[1]
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert OptOut.objects.filter(
        user=person, kind=Kind.ANNOUNCEMENT, channel=Channel.EMAIL
    ).exists()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _notice({"user_ids": [person.pk]}, channels=[Channel.EMAIL])
    assert mail.outbox == []


def test_a_tampered_unsubscribe_link_changes_nothing(client):
    response = client.post("/en/notices/unsubscribe/not-a-valid-token/")
    assert response.status_code == 404
    assert not OptOut.objects.exists()
    assert not Suppression.objects.exists()


def test_preferences_and_consent_decide_the_channels(
    django_capture_on_commit_callbacks, sms_outbox
):
    texter = UserFactory(phone="+13125550100", sms_consent_at=timezone.now(), notify_by_sms=True)
    email_only = UserFactory(notify_in_app=False)
    no_consent = UserFactory(phone="+13125550101", notify_by_sms=False)
    OptOut.objects.create(user=texter, kind=Kind.ANNOUNCEMENT, channel=Channel.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        notice = _notice({"user_ids": [texter.pk, email_only.pk, no_consent.pk]})
    channels = {(d.user_id, d.channel) for d in notice.deliveries.all()}
    assert channels == {
        (texter.pk, Channel.SMS),
        (texter.pk, Channel.IN_APP),
        (email_only.pk, Channel.EMAIL),
        (no_consent.pk, Channel.EMAIL),
        (no_consent.pk, Channel.IN_APP),
    }
    assert [text["to"] for text in sms_outbox] == ["+13125550100"]


def test_confirmations_ignore_kind_opt_outs_but_not_channels(django_capture_on_commit_callbacks):
    person = UserFactory()
    OptOut.objects.create(user=person, kind=Kind.CONFIRMATION, channel=Channel.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        notice = _notice(
            {"user_ids": [person.pk]}, kind=Kind.CONFIRMATION, channels=[Channel.EMAIL]
        )
    assert notice.deliveries.count() == 1


def test_guests_and_people_reached_twice_get_one_delivery(django_capture_on_commit_callbacks):
    person = UserFactory(email="rosa@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notice = _notice(
            {
                "user_ids": [person.pk],
                "emails": ["rosa@example.org", "guest@example.org", "guest@example.org"],
            },
            channels=[Channel.EMAIL],
        )
    assert sorted(notice.deliveries.values_list("address", flat=True)) == [
        "guest@example.org",
        "rosa@example.org",
    ]
    assert len(mail.outbox) == 2


def test_suppressed_addresses_are_never_written():
    Suppression.objects.create(channel=Channel.EMAIL, address="gone@example.org")
    notice = _notice({"emails": ["gone@example.org"]}, channels=[Channel.EMAIL])
    assert notice.deliveries.count() == 0


def test_a_delivery_task_run_twice_sends_once(django_capture_on_commit_callbacks):
    person = UserFactory()
    notice = _notice({"user_ids": [person.pk]}, channels=[Channel.EMAIL], release=False)
    from notices.services import notice_release

    notice_release(notice=notice)  # outside on_commit capture: nothing queued
    ids = list(notice.deliveries.values_list("pk", flat=True))
    first = delivery_send_batch.apply(args=[ids]).get()
    second = delivery_send_batch.apply(args=[ids]).get()
    assert first["sent"] == 1
    assert second == {"sent": 0, "failed": 0, "deferred": 0, "skipped": 1}
    assert len(mail.outbox) == 1


def test_with_the_broker_down_sending_succeeds_and_the_sweeper_sends_each_once(
    client, staff, django_capture_on_commit_callbacks, settings
):
    readers = [UserFactory(language=code) for code in ("en", "es", "vi")]
    original = {
        "task_always_eager": celery_app.conf.task_always_eager,
        "broker_url": celery_app.conf.broker_url,
    }
    celery_app.conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:1/0")
    celery_app._pool = None
    try:
        client.force_login(staff)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/en/staff/notices/new/",
                {
                    "kind": Kind.ANNOUNCEMENT,
                    "audience_kind": "people",
                    "emails": "\n".join(reader.email for reader in readers),
                    "channels": [Channel.EMAIL],
                    "subject_en": "Road closure",
                    "body_en": "Main Street is closed on Saturday.",
                },
            )
            notice = Notice.objects.get()
            response = client.post(f"/en/staff/notices/{notice.pk}/confirm/")
        assert response.status_code == 302
        notice.refresh_from_db()
        assert notice.status == NoticeStatus.RELEASED
        assert notice.deliveries.filter(status=DeliveryStatus.PENDING).count() == 3
        assert mail.outbox == []
    finally:
        celery_app.conf.update(
            task_always_eager=original["task_always_eager"], broker_url=original["broker_url"]
        )
        celery_app._pool = None

    # The broker is back; the sweeper finds what was left and sends it, twice run, once sent.
    settings.NOTICES_SWEEP_AFTER_SECONDS = 0
    deliveries_sweep()
    deliveries_sweep()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.email for r in readers)
    assert notice.deliveries.filter(status=DeliveryStatus.SENT).count() == 3


def test_transient_failures_back_off_then_fail(settings, monkeypatch):
    from notices.channels import TransientSendError
    from notices.channels.email import EmailChannel

    def broken(self, delivery, message):
        raise TransientSendError("421 try later")

    monkeypatch.setattr(EmailChannel, "send", broken)
    settings.NOTICES_MAX_ATTEMPTS = 2
    notice = _notice({"emails": ["a@example.org"]}, channels=[Channel.EMAIL], release=False)
    from notices.services import notice_release

    notice_release(notice=notice)
    delivery = notice.deliveries.get()
    assert deliveries_send(ids=[delivery.pk])["deferred"] == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.not_before > timezone.now()
    # Not due yet: a second run leaves it alone.
    assert deliveries_send(ids=[delivery.pk])["skipped"] == 1
    Delivery.objects.filter(pk=delivery.pk).update(not_before=timezone.now() - timedelta(seconds=1))
    assert deliveries_send(ids=[delivery.pk])["failed"] == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (
        DeliveryStatus.FAILED,
        2,
        "421 try later",
    )


def test_sms_waits_for_the_end_of_quiet_hours(settings, sms_outbox):
    settings.NOTICES_SMS_QUIET_HOURS = (0, 23)  # quiet almost all day
    now = timezone.localtime()
    if now.hour == 23:
        pytest.skip("the one hour of the day outside these quiet hours")
    texter = UserFactory(phone="+13125550100", sms_consent_at=timezone.now(), notify_by_sms=True)
    notice = _notice({"user_ids": [texter.pk]}, channels=[Channel.SMS], release=False)
    from notices.services import notice_release

    notice_release(notice=notice)
    delivery = notice.deliveries.get()
    assert deliveries_send(ids=[delivery.pk])["deferred"] == 1
    delivery.refresh_from_db()
    assert timezone.localtime(delivery.not_before).hour == 23
    assert sms_outbox == []


def test_followers_of_a_topic_are_an_audience(django_capture_on_commit_callbacks):
    topic = TopicFactory()
    follower = UserFactory()
    follower.topics_followed.add(topic)
    UserFactory()  # not following
    with django_capture_on_commit_callbacks(execute=True):
        notice = _notice(
            {"topic_id": topic.pk}, audience_kind="topic_followers", channels=[Channel.EMAIL]
        )
    assert list(notice.deliveries.values_list("user_id", flat=True)) == [follower.pk]


def test_unverified_addresses_get_no_email():
    person = UserFactory(verified=False)
    notice = _notice({"user_ids": [person.pk]}, channels=[Channel.EMAIL, Channel.IN_APP])
    assert list(notice.deliveries.values_list("channel", flat=True)) == [Channel.IN_APP]


def test_dedupe_key_makes_a_notice_once():
    first = _notice({"emails": ["a@example.org"]}, dedupe_key="once")
    second = _notice({"emails": ["a@example.org"]}, dedupe_key="once")
    assert first.pk == second.pk
    assert Notice.objects.count() == 1


def test_scheduled_notice_is_released_when_due(django_capture_on_commit_callbacks):
    from notices.services import notices_release_due

    notice = _notice({"emails": ["a@example.org"]}, send_at=timezone.now() + timedelta(hours=1))
    assert notice.status == NoticeStatus.SCHEDULED
    assert notice.deliveries.count() == 0
    assert notices_release_due() == 0
    Notice.objects.filter(pk=notice.pk).update(send_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_release_due() == 1
    assert len(mail.outbox) == 1


def test_guest_unsubscribe_suppresses_the_address():
    notice = _notice({"emails": ["guest@example.org"]}, channels=[Channel.EMAIL], release=False)
    from notices.services import notice_release

    notice_release(notice=notice)
    unsubscribe(delivery=notice.deliveries.get())
    assert Suppression.objects.filter(channel=Channel.EMAIL, address="guest@example.org").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("GSM-7", 0)),
        ("a" * 160, ("GSM-7", 1)),
        ("a" * 161, ("GSM-7", 2)),
        ("€" * 80, ("GSM-7", 1)),  # extension characters count twice
        ("€" * 81, ("GSM-7", 2)),
        ("Cuộc họp" * 8, ("UCS-2", 1)),
        ("会议" * 35, ("UCS-2", 1)),
        ("会议" * 36, ("UCS-2", 2)),
        ("اجتماع " * 20, ("UCS-2", 3)),
    ],
)
def test_sms_segments(text, expected):
    assert sms_segments(text) == expected
