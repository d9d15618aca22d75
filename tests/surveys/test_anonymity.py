"""Anonymous means anonymous: nothing in the database, the logs, task arguments or the session
links a response to the person who gave it."""

import logging
import uuid

import pytest
from django.apps import apps
from django.urls import reverse

from surveys.models import Anonymity, Participation, Response
from surveys.services.responses import participation_key
from tests.factories import UserFactory
from tests.surveys.conftest import answers_for, make_survey

pytestmark = pytest.mark.django_db


def _rows_mentioning(value: str) -> list[tuple[str, dict]]:
    """Every database row, of every model, with a field equal to or containing `value`."""
    found = []
    for model in apps.get_models():
        for row in model.objects.all().values():
            for field_value in row.values():
                if field_value is not None and value in str(field_value):
                    found.append((model._meta.label, row))
                    break
    return found


def test_an_anonymous_response_cannot_be_linked_to_the_person(client, survey, caplog, monkeypatch):
    person = UserFactory(email="rosa@example.org")
    client.force_login(person)
    session_key = client.session.session_key
    queued = []
    from celery.app.task import Task

    original = Task.apply_async
    monkeypatch.setattr(
        Task,
        "apply_async",
        lambda self, args=None, kwargs=None, **options: (
            queued.append((self.name, args, kwargs)) or original(self, args, kwargs, **options)
        ),
    )

    with caplog.at_level(logging.DEBUG):
        response = client.post(
            reverse("surveys:answer", kwargs={"pk": survey.pk}),
            answers_for(survey),
            REMOTE_ADDR="203.0.113.9",
        )
    assert response.status_code == 302

    stored = Response.objects.get()
    assert isinstance(stored.id, uuid.UUID)
    assert stored.user_id is None
    field_names = {field.name for field in Response._meta.get_fields()}
    assert not field_names & {
        "ip",
        "ip_address",
        "session",
        "session_key",
        "created_at",
        "submitted_at",
        "invitation",
    }
    assert stored.submitted_on.__class__.__name__ == "date"

    response_id = str(stored.id)
    # Only its own answers point at the response, and none of them names the person.
    holders = {label for label, _row in _rows_mentioning(response_id)}
    assert holders == {"surveys.Response", "surveys.Answer"}
    for identifier in (person.email, session_key, "203.0.113.9"):
        assert not [
            row for label, row in _rows_mentioning(identifier) if label.startswith("surveys.")
        ]
    # That the person answered is kept apart: a keyed hash with no link to the response.
    participation = Participation.objects.get()
    # A keyed hash (HMAC with the site's secret) of the person, not their id in clear.
    assert participation.key == participation_key(survey=survey, who=f"user:{person.pk}")
    assert len(participation.key) == 40
    assert f"user:{person.pk}" not in participation.key
    assert {field.name for field in Participation._meta.get_fields()} == {"id", "survey", "key"}

    # Logs and queued tasks carry neither the response nor the person.
    for record in caplog.records:
        message = record.getMessage()
        assert response_id not in message
        assert person.email not in message
        assert session_key not in message
    for _name, args, kwargs in queued:
        assert response_id not in repr((args, kwargs))
    # The session remembers only that this browser answered this survey.
    assert response_id not in repr(dict(client.session))


def test_a_person_answers_once(client, survey):
    client.force_login(UserFactory())
    url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    client.post(url, answers_for(survey))
    page = client.post(url, answers_for(survey))
    assert "already answered" in page.content.decode()
    assert Response.objects.count() == 1


def test_confidential_links_the_person_but_never_shows_them(client, staff):
    survey = make_survey(anonymity=Anonymity.CONFIDENTIAL, staff=staff)
    person = UserFactory(email="mei@example.org")
    client.force_login(person)
    client.post(reverse("surveys:answer", kwargs={"pk": survey.pk}), answers_for(survey))
    assert Response.objects.get().user == person
    client.force_login(staff)
    export = client.get(reverse("staff:surveys:export", kwargs={"pk": survey.pk})).content.decode(
        "utf-8-sig"
    )
    results = client.get(
        reverse("staff:surveys:results", kwargs={"pk": survey.pk})
    ).content.decode()
    assert "mei@example.org" not in export
    assert "mei@example.org" not in results


def test_identified_surveys_show_staff_who_answered(client, staff):
    survey = make_survey(anonymity=Anonymity.IDENTIFIED, staff=staff)
    client.force_login(UserFactory(email="jordan@example.org"))
    client.post(reverse("surveys:answer", kwargs={"pk": survey.pk}), answers_for(survey))
    client.force_login(staff)
    export = client.get(reverse("staff:surveys:export", kwargs={"pk": survey.pk})).content.decode(
        "utf-8-sig"
    )
    assert "jordan@example.org" in export


def test_confidential_surveys_need_a_sign_in(client):
    survey = make_survey(anonymity=Anonymity.CONFIDENTIAL)
    page = client.post(reverse("surveys:answer", kwargs={"pk": survey.pk}), answers_for(survey))
    assert "Sign in to answer" in page.content.decode()
    assert not Response.objects.exists()


def test_anonymous_link_surveys_limit_repeats_without_a_captcha(client, survey):
    url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    client.post(url, answers_for(survey))
    again = client.post(url, answers_for(survey))
    assert "already answered" in again.content.decode()
    from django.test import Client

    statuses = [
        Client().post(url, answers_for(survey), REMOTE_ADDR="198.51.100.7").status_code
        for _attempt in range(22)
    ]
    # Twenty an hour from one address, then a plain "too many requests"; no captcha.
    assert statuses[:20] == [302] * 20
    assert statuses[20:] == [429, 429]
    assert Response.objects.count() == 21


def test_a_filled_honeypot_is_refused_without_saving(client, survey):
    url = reverse("surveys:answer", kwargs={"pk": survey.pk})
    page = client.post(url, {**answers_for(survey), "website": "http://spam.example"})
    assert page.status_code == 200
    assert not Response.objects.exists()
