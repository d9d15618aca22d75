"""One response per token or person, even when the same form is submitted many times at once.
Runs on PostgreSQL (SQLite serialises writers, which would hide a race); marked and run in CI."""

import threading

import pytest
from django.db import close_old_connections, connection

from surveys.models import Access, Anonymity, Invitation, Participation, Response
from surveys.services import AlreadyAnswered, invitations_for_people, response_submit
from tests.factories import UserFactory
from tests.surveys.conftest import answers_for, make_survey

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 20


def _at_once(function, times: int) -> tuple[int, list[BaseException]]:
    barrier = threading.Barrier(times)
    done: list[bool] = []
    errors: list[BaseException] = []

    def run():
        barrier.wait()
        try:
            function()
            done.append(True)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()
    return len(done), errors


def _answers(survey):
    return {int(key[1:]): value for key, value in answers_for(survey).items()}


def test_a_single_use_token_submitted_20_times_at_once_makes_one_response():
    survey = make_survey(access=Access.INVITATION)
    invitations_for_people(survey=survey, emails=["racer@example.org"])
    token = Invitation.objects.get().token
    answers = _answers(survey)

    succeeded, errors = _at_once(
        lambda: response_submit(survey=survey, answers=answers, language="en", token=token),
        ATTEMPTS,
    )
    assert succeeded == 1
    assert len(errors) == ATTEMPTS - 1
    assert all(isinstance(error, AlreadyAnswered) for error in errors), errors
    assert Response.objects.filter(survey=survey).count() == 1
    assert Invitation.objects.get().used


@pytest.mark.parametrize("anonymity", [Anonymity.ANONYMOUS, Anonymity.CONFIDENTIAL])
def test_one_person_submitting_20_times_at_once_is_counted_once(anonymity):
    survey = make_survey(anonymity=anonymity)
    person = UserFactory()
    answers = _answers(survey)

    succeeded, errors = _at_once(
        lambda: response_submit(survey=survey, answers=answers, language="en", user=person),
        ATTEMPTS,
    )
    assert succeeded == 1
    assert all(isinstance(error, AlreadyAnswered) for error in errors), errors
    assert Response.objects.filter(survey=survey).count() == 1
    assert Participation.objects.filter(survey=survey).count() == 1
