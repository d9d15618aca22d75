"""Input → action → report back, end to end, and the figures that hold the agency to it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from engagements import services
from engagements.models import Action, ActionStatus, Input, ReportBack, Source, Status
from engagements.selectors import accountability_figures
from notices.models import Channel, Delivery, Kind, Notice
from tests.factories import EngagementFactory, NeighborhoodFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_full_loop_reaches_every_input_giver_in_their_language(
    client, staff, django_capture_on_commit_callbacks
):
    engagement = EngagementFactory(
        title_en="Town hall on speeding", title_es="Reunión sobre la velocidad"
    )
    ana = UserFactory(language="es", email="ana@example.org")

    # A resident with an account, in Spanish.
    client.force_login(ana)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/es/engagements/{engagement.pk}/comment/", {"text": "Necesitamos un semáforo en Elm."}
        )
    assert response.status_code == 302
    ana_input = Input.objects.get(author=ana)
    assert ana_input.language == "es"

    # A guest who leaves an email, in Vietnamese; an anonymous guest who leaves nothing.
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/vi/engagements/{engagement.pk}/comment/",
            {
                "text": "Xe chạy quá nhanh.",
                "contact_email": "minh@example.org",
                "contact_consent": "on",
            },
        )
        client.post(f"/en/engagements/{engagement.pk}/comment/", {"text": "Slow them down."})
    assert Input.objects.filter(engagement=engagement).count() == 3
    # Each reachable person got a receipt, in their language.
    receipts = {message.to[0]: message.subject for message in mail.outbox}
    assert set(receipts) == {"ana@example.org", "minh@example.org"}
    with override("es"):
        expected = gettext("We received your comment (receipt %(code)s)") % {
            "code": ana_input.receipt_code
        }
    assert receipts["ana@example.org"] == expected
    mail.outbox.clear()

    # Staff group the inputs into an action and adopt it.
    action = services.action_create(
        engagement=engagement,
        inputs=list(engagement.inputs.all()),
        values={
            "title_en": "Install a speed camera on Elm Street",
            "title_es": "Instalar un radar de velocidad en la calle Elm",
            "status": ActionStatus.ADOPTED,
            "owner": staff,
            "due_on": timezone.localdate() + timedelta(days=30),
        },
        created_by=staff,
    )
    report = services.report_back_save(
        engagement=engagement,
        values={
            "heard_en": "Speeding on Elm worries you.",
            "did_en": "We are installing a speed camera.",
            "heard_es": "Les preocupa la velocidad en Elm.",
            "did_es": "Instalaremos un radar de velocidad.",
        },
        actions=[action],
        saved_by=staff,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_back_publish(report_back=report, published_by=staff)

    notice = Notice.objects.get(kind=Kind.REPORT_BACK)
    emails = {d.address: d for d in notice.deliveries.filter(channel=Channel.EMAIL)}
    assert set(emails) == {"ana@example.org", "minh@example.org"}
    assert emails["ana@example.org"].language == "es"
    assert emails["minh@example.org"].language == "en"  # no Vietnamese report-back: fallback
    assert emails["minh@example.org"].fell_back is True
    sent = {message.to[0]: message for message in mail.outbox}
    assert "Instalaremos un radar de velocidad." in sent["ana@example.org"].body
    assert "Reunión sobre la velocidad" in sent["ana@example.org"].subject
    assert "We are installing a speed camera." in sent["minh@example.org"].body
    # Ana also has it in her inbox on the site.
    assert Delivery.objects.filter(
        notice=notice, user=ana, channel=Channel.IN_APP, status="sent"
    ).exists()

    # The report-back is on the engagement page, in the reader's language.
    page = client.get(f"/es/engagements/{engagement.pk}/").content.decode()
    assert "Instalaremos un radar de velocidad." in page
    assert "Instalar un radar de velocidad en la calle Elm" in page

    # Publishing again sends nothing more.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_back_publish(report_back=report, published_by=staff)
    assert mail.outbox == []


def test_receipt_code_shows_the_status_without_an_account(client, staff):
    engagement = EngagementFactory()
    item = services.input_create(
        engagement=engagement, text="More lights in the park", language="en"
    )
    response = client.get(reverse("engagements:receipt_detail", kwargs={"code": item.receipt_code}))
    assert "waiting to be reviewed" in response.content.decode()

    services.action_create(
        engagement=engagement,
        inputs=[item],
        values={
            "title_en": "Ask Parks to add lights",
            "status": ActionStatus.REFERRED,
            "referred_to": "Parks Department",
            "owner": staff,
        },
        created_by=staff,
    )
    # Codes are forgiving: lower case and dashes work.
    code = item.receipt_code.lower()
    response = client.post(
        reverse("engagements:receipt_lookup"), {"code": f"{code[:4]}-{code[4:]}"}
    )
    response = client.get(response["Location"])
    body = response.content.decode()
    assert "Ask Parks to add lights" in body
    assert "Parks Department" in body
    # Contact details and the text itself are never shown on the receipt page.
    assert "More lights in the park" not in body


def test_unknown_receipt_code_is_404(client):
    assert (
        client.get(reverse("engagements:receipt_detail", kwargs={"code": "ZZZZZZZZZZ"})).status_code
        == 404
    )


def test_closed_or_non_accepting_engagements_refuse_input(client):
    closed = EngagementFactory(status=Status.CLOSED)
    quiet = EngagementFactory(accepts_input=False)
    for engagement in (closed, quiet):
        client.post(f"/en/engagements/{engagement.pk}/comment/", {"text": "Hello"})
        assert not Input.objects.filter(engagement=engagement).exists()
    draft = EngagementFactory(status=Status.DRAFT, published_at=None)
    assert client.post(f"/en/engagements/{draft.pk}/comment/", {"text": "Hi"}).status_code == 404


def test_the_honeypot_stops_bots_and_keeps_the_text(client):
    engagement = EngagementFactory()
    response = client.post(
        f"/en/engagements/{engagement.pk}/comment/", {"text": "Buy now", "website": "spam.example"}
    )
    assert response.status_code == 200
    assert "Buy now" in response.content.decode()
    assert not Input.objects.exists()


def test_input_submissions_are_rate_limited(client):
    engagement = EngagementFactory()
    for number in range(10):
        client.post(f"/en/engagements/{engagement.pk}/comment/", {"text": f"Comment {number}"})
    response = client.post(f"/en/engagements/{engagement.pk}/comment/", {"text": "One more"})
    assert response.status_code == 429
    assert Input.objects.count() == 10


def test_not_adopted_needs_a_reason(staff):
    engagement = EngagementFactory()
    item = services.input_create(engagement=engagement, text="Ban all cars", language="en")
    with pytest.raises(Exception, match="reason"):
        services.action_create(
            engagement=engagement,
            inputs=[item],
            values={"title_en": "Ban cars", "status": ActionStatus.NOT_ADOPTED, "owner": staff},
            created_by=staff,
        )
    assert not Action.objects.exists()
    assert Input.objects.get().action is None


def test_an_input_gets_one_action_only(staff):
    engagement = EngagementFactory()
    item = services.input_create(engagement=engagement, text="Lights", language="en")
    values = {"title_en": "Lights", "status": ActionStatus.UNDER_REVIEW, "owner": staff}
    services.action_create(engagement=engagement, inputs=[item], values=values, created_by=staff)
    with pytest.raises(services.LoopError):
        services.action_create(
            engagement=engagement, inputs=[item], values=values, created_by=staff
        )


def _input_at(engagement, days_ago: int, **kwargs) -> Input:
    item = services.input_create(engagement=engagement, text="x", language="en", **kwargs)
    Input.objects.filter(pk=item.pk).update(received_at=timezone.now() - timedelta(days=days_ago))
    item.refresh_from_db()
    return item


def test_accountability_figures_on_known_data(staff):
    traffic = TopicFactory(slug="traffic")
    youth = TopicFactory(slug="youth")
    riverside = NeighborhoodFactory(slug="riverside")
    engagement = EngagementFactory()
    # Six inputs: four get actions, two of those are reported back (after 10 and 20 days).
    inputs = [
        _input_at(engagement, days_ago=30, topic=traffic, neighborhood=riverside) for _ in range(4)
    ]
    inputs += [_input_at(engagement, days_ago=5, topic=youth) for _ in range(2)]
    values = {"status": ActionStatus.ADOPTED, "owner": staff}
    reported_a = services.action_create(
        engagement=engagement,
        inputs=inputs[:1],
        values={**values, "title_en": "A"},
        created_by=staff,
    )
    reported_b = services.action_create(
        engagement=engagement,
        inputs=inputs[1:2],
        values={**values, "title_en": "B"},
        created_by=staff,
    )
    services.action_create(
        engagement=engagement,
        inputs=inputs[2:3],
        values={**values, "title_en": "C", "due_on": timezone.localdate() - timedelta(days=1)},
        created_by=staff,
    )
    services.action_create(
        engagement=engagement,
        inputs=inputs[4:5],
        values={**values, "title_en": "D"},
        created_by=staff,
    )
    for action, days_after in ((reported_a, 10), (reported_b, 20)):
        report = ReportBack.objects.create(
            engagement=engagement,
            heard_en="h",
            did_en="d",
            published_at=inputs[0].received_at + timedelta(days=days_after),
        )
        report.actions.add(action)

    figures = accountability_figures()
    assert (figures.inputs, figures.with_action, figures.reported_back) == (6, 4, 2)
    assert figures.share_with_action == pytest.approx(4 / 6)
    assert figures.share_reported_back == pytest.approx(2 / 6)
    assert figures.median_days_to_report_back == pytest.approx(15, abs=0.01)
    assert figures.overdue_actions == 1

    by_topic = accountability_figures(topic=youth)
    assert (by_topic.inputs, by_topic.with_action, by_topic.reported_back) == (2, 1, 0)
    assert by_topic.median_days_to_report_back is None
    assert accountability_figures(neighborhood=riverside).inputs == 4
    recent = accountability_figures(since=timezone.localdate() - timedelta(days=7))
    assert recent.inputs == 2
    assert accountability_figures(until=timezone.localdate() - timedelta(days=7)).inputs == 4


def test_accountability_page_shows_the_figures(client, staff):
    engagement = EngagementFactory()
    item = _input_at(engagement, days_ago=3)
    services.action_create(
        engagement=engagement,
        inputs=[item],
        values={"title_en": "A", "status": "adopted", "owner": staff},
        created_by=staff,
    )
    _input_at(engagement, days_ago=3)
    body = client.get("/en/engagements/accountability/").content.decode()
    # Two comments: so few would point at who sent them.
    assert 'id="figures-hidden"' in body
    assert 'id="figure-with-action">—<' in body
    for _ in range(10):
        _input_at(engagement, days_ago=3)
    body = client.get("/en/engagements/accountability/").content.decode()
    assert 'id="figure-inputs">12<' in body
    assert 'id="figure-with-action">8%<' in body
    bad = client.get(
        "/en/engagements/accountability/", {"since": "2026-05-01", "until": "2026-01-01"}
    )
    assert bad.status_code == 200
    assert bad.context["form"].errors["until"]


def test_daily_reminders_go_to_owners_once_a_day(staff, django_capture_on_commit_callbacks):
    engagement = EngagementFactory()
    item = services.input_create(engagement=engagement, text="x", language="en")
    services.action_create(
        engagement=engagement,
        inputs=[item],
        values={
            "title_en": "Late",
            "status": "adopted",
            "owner": staff,
            "due_on": timezone.localdate() - timedelta(days=2),
        },
        created_by=staff,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.actions_remind_owners() == 1
        services.actions_remind_owners()
    reminders = Notice.objects.filter(kind=Kind.REMINDER)
    assert reminders.count() == 1
    assert "1 action is overdue." in reminders.get().body_en
    assert [message.to[0] for message in mail.outbox] == [staff.email]


def test_closed_engagements_without_report_back_remind_their_owner(staff, settings):
    settings.PORTAL_REPORT_BACK_DUE_DAYS = 30
    late = EngagementFactory(
        status=Status.CLOSED, owner=staff, closed_at=timezone.now() - timedelta(days=31)
    )
    EngagementFactory(
        status=Status.CLOSED, owner=staff, closed_at=timezone.now() - timedelta(days=5)
    )
    done = EngagementFactory(
        status=Status.CLOSED, owner=staff, closed_at=timezone.now() - timedelta(days=40)
    )
    ReportBack.objects.create(
        engagement=done, heard_en="h", did_en="d", published_at=timezone.now()
    )
    assert services.report_backs_remind_missing() == 1
    notice = Notice.objects.get(kind=Kind.REMINDER)
    assert late.title in notice.subject_en


def test_staff_batch_entry_from_comment_cards(client, staff):
    engagement = EngagementFactory(status=Status.CLOSED)
    client.force_login(staff)
    data = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "0"}
    rows = [("Card one", "es"), ("Card two", "en"), ("", "en")]
    for index, (text, language) in enumerate(rows):
        data |= {
            f"form-{index}-text": text,
            f"form-{index}-source": Source.COMMENT_CARD,
            f"form-{index}-language": language,
        }
    response = client.post(reverse("staff:loop:inputs_batch", kwargs={"pk": engagement.pk}), data)
    assert response.status_code == 302
    saved = Input.objects.filter(engagement=engagement).order_by("pk")
    assert [(i.text, i.language, i.entered_by) for i in saved] == [
        ("Card one", "es", staff),
        ("Card two", "en", staff),
    ]


def test_staff_group_inputs_from_the_inbox(client, staff):
    engagement = EngagementFactory()
    first = services.input_create(engagement=engagement, text="one", language="en")
    second = services.input_create(engagement=engagement, text="two", language="en")
    client.force_login(staff)
    inbox = client.get(reverse("staff:loop:inbox"))
    assert list(inbox.context["inputs"]) == [first, second]
    chosen = client.post(
        reverse("staff:loop:action_create"), {"inputs_chosen": "1", "inputs": [first.pk, second.pk]}
    )
    assert chosen.status_code == 200
    response = client.post(
        reverse("staff:loop:action_create"),
        {
            "inputs": [first.pk, second.pk],
            "title_en": "Do it",
            "status": "adopted",
            "owner": staff.pk,
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert set(action.inputs.all()) == {first, second}
    assert list(client.get(reverse("staff:loop:inbox")).context["inputs"]) == []
