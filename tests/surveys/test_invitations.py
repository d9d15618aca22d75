"""Who may answer: invitations with single-use links in each person's language, and attendees
invited when their session ends."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from notices.models import Channel, Delivery
from programs.models import RegistrationStatus
from programs.services import registration_create, sessions_send_thanks
from surveys.models import Access, Anonymity, Invitation, Response
from surveys.services import invitations_for_people, invitations_send
from tests.factories import UserFactory, session_factory
from tests.surveys.conftest import answers_for, make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def email_only(settings):
    settings.NOTICES_CHANNEL_BACKENDS = {
        **settings.NOTICES_CHANNEL_BACKENDS,
        "sms": "notices.channels.noop.NoopChannel",
        "in_app": "notices.channels.noop.NoopChannel",
    }


def _vietnamese_subject() -> str:
    with translation.override("vi"):
        subject = gettext("Your views, please: %(survey)s") % {"survey": "An ninh khu phố"}
    assert not subject.startswith("Your views")  # translated, not the English fallback
    return subject


def test_a_vietnamese_respondent_sees_the_survey_in_vietnamese(client, survey):
    survey.languages = ["en", "vi"]
    survey.save()
    with translation.override("vi"):
        url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    assert url.startswith("/vi/")
    page = client.get(url).content.decode()
    assert "Quý vị có đi bộ ban đêm không?" in page
    assert "Do you walk at night?" not in page
    assert 'lang="vi"' in page
    client.post(url, answers_for(survey))
    assert Response.objects.get().language == "vi"


def test_a_language_the_survey_is_not_offered_in_says_so_and_links_the_others(client, survey):
    with translation.override("es"):
        url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    page = client.get(url).content.decode()
    assert "English" in page
    with translation.override("en"):
        assert reverse("surveys:answer", kwargs={"pk": survey.pk}) in page


def test_a_vietnamese_invitee_gets_a_vietnamese_invitation_with_their_own_link(
    client, staff, django_capture_on_commit_callbacks, email_only
):
    survey = make_survey(access=Access.INVITATION, languages=("en", "vi"), staff=staff)
    nga = UserFactory(language="vi", email="nga@example.org")
    sam = UserFactory(language="en", email="sam@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert invitations_for_people(survey=survey, users=[nga, sam]) == 2
        invitations_send(survey=survey, created_by=staff)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"nga@example.org", "sam@example.org"}
    assert by_address["nga@example.org"].subject == _vietnamese_subject()
    assert by_address["sam@example.org"].subject == "Your views, please: Neighborhood safety"
    links = {}
    for address, message in by_address.items():
        token = Invitation.objects.get(user__email=address).token
        assert f"/i/{token}/" in message.body
        links[address] = token
    assert links["nga@example.org"] != links["sam@example.org"]
    # Each delivery carries only its own link.
    delivery = Delivery.objects.get(address="nga@example.org", channel=Channel.EMAIL)
    assert links["sam@example.org"] not in delivery.link

    # The link opens the survey in the reader's language and works once.
    with translation.override("vi"):
        url = reverse("surveys:invited", kwargs={"token": links["nga@example.org"]})
    assert "Quý vị có đi bộ ban đêm không?" in client.get(url).content.decode()
    assert client.post(url, answers_for(survey)).status_code == 302
    again = client.post(url, answers_for(survey))
    assert again.status_code == 200
    assert Response.objects.count() == 1
    # Sending again reaches only those not yet sent to.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invitations_send(survey=survey, created_by=staff)
    assert mail.outbox == []


def test_an_invitation_survey_refuses_the_plain_link(client, staff):
    survey = make_survey(access=Access.INVITATION, staff=staff)
    url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, answers_for(survey)).status_code == 403
    assert client.get(reverse("surveys:invited", kwargs={"token": "made-up"})).status_code == 404
    assert not Response.objects.exists()


def test_an_anonymous_invited_response_does_not_record_the_invitation(client, staff):
    survey = make_survey(access=Access.INVITATION, staff=staff)
    invitations_for_people(survey=survey, emails=["lee@example.org"])
    invitation = Invitation.objects.get()
    client.post(reverse("surveys:invited", kwargs={"token": invitation.token}), answers_for(survey))
    invitation.refresh_from_db()
    assert invitation.used
    response = Response.objects.get()
    assert response.user is None
    assert invitation.token not in str(Response.objects.values().get())


def test_a_confidential_invited_response_is_linked_to_the_invitee(client, staff):
    survey = make_survey(access=Access.INVITATION, anonymity=Anonymity.CONFIDENTIAL, staff=staff)
    person = UserFactory()
    invitations_for_people(survey=survey, users=[person])
    token = Invitation.objects.get().token
    client.post(reverse("surveys:invited", kwargs={"token": token}), answers_for(survey))
    assert Response.objects.get().user == person


def test_staff_invite_by_address_from_the_invitations_page(client, staff, email_only):
    survey = make_survey(access=Access.INVITATION, staff=staff)
    client.force_login(staff)
    url = reverse("staff:surveys:invitations", kwargs={"pk": survey.pk})
    page = client.post(url, {"emails": "a@example.org\nnot-an-address"})
    assert page.status_code == 200
    assert not Invitation.objects.exists()  # bad input loses nothing and says what is wrong
    assert "not-an-address" in page.content.decode()
    page = client.post(url, {"emails": "a@example.org\nB@example.org\na@example.org"})
    assert page.status_code == 302
    assert Invitation.objects.filter(survey=survey).count() == 2


def test_people_who_came_to_a_session_are_invited_when_it_ends(
    staff, django_capture_on_commit_callbacks, email_only
):
    survey = make_survey(access=Access.ATTENDEES, languages=("en", "vi"), staff=staff)
    session = session_factory(capacity=10)
    session.program.engagement = survey.engagement
    session.program.save()
    came = UserFactory(language="vi", email="came@example.org")
    stayed_home = UserFactory(email="home@example.org")
    for person in (came, stayed_home):
        registration = registration_create(session=session, user=person, language=person.language)
        assert registration.status == RegistrationStatus.CONFIRMED
    # The session took place: it ended an hour ago and one of the two came.
    start = timezone.now() - timedelta(hours=3)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=2)
    )
    session.registrations.filter(user=came).update(checked_in_at=start)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sessions_send_thanks()
    invitation = Invitation.objects.get(survey=survey)
    assert invitation.user == came
    assert invitation.occasion == f"session:{session.pk}"
    invites = [m for m in mail.outbox if invitation.token in m.body]
    assert len(invites) == 1
    assert invites[0].to == ["came@example.org"]
    assert invites[0].subject == _vietnamese_subject()

    # The beat task running again invites no one twice.
    with django_capture_on_commit_callbacks(execute=True):
        sessions_send_thanks()
    assert Invitation.objects.filter(survey=survey).count() == 1


def test_invitations_prepared_on_a_draft_are_sent_when_it_opens(
    client, staff, django_capture_on_commit_callbacks, email_only
):
    survey = make_survey(access=Access.INVITATION, staff=staff, open_it=False)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("staff:surveys:invitations", kwargs={"pk": survey.pk}),
            {"emails": "early@example.org"},
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("staff:surveys:action", kwargs={"pk": survey.pk}), {"action": "open"})
    assert [message.to for message in mail.outbox] == [["early@example.org"]]
    assert Invitation.objects.get().sent
