"""Capacity under concurrency, on PostgreSQL: threads sign up at once; the session row lock keeps
every promise. SQLite ignores row locks, so these are marked and run in CI on PostgreSQL."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from accounts.models import User
from programs.models import Registration, RegistrationStatus
from programs.services import registration_cancel, registration_create
from tests.factories import session_factory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


# All requests start together, but like web workers behind a connection pool at most this many
# hold a database connection at once (PostgreSQL's default limit is 100 connections).
POOL = 60


def _run_at_once(functions) -> list[BaseException]:
    barrier = threading.Barrier(len(functions))
    pool = threading.BoundedSemaphore(POOL)
    errors: list[BaseException] = []

    def run(function):
        barrier.wait()
        with pool:
            try:
                function()
            except BaseException as error:
                errors.append(error)
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    close_old_connections()
    return errors


def _people(count: int) -> list[User]:
    return User.objects.bulk_create(
        [User(email=f"racer{number}@example.org", language="en") for number in range(count)]
    )


def test_200_simultaneous_sign_ups_for_50_places(settings):
    settings.NOTICES_CHANNEL_BACKENDS = dict.fromkeys(
        ("email", "sms", "in_app"), "notices.channels.noop.NoopChannel"
    )
    session = session_factory(capacity=50)
    people = _people(200)
    errors = _run_at_once(
        [
            lambda person=person: registration_create(session=session, user=person, language="en")
            for person in people
        ]
    )
    assert errors == []
    registrations = Registration.objects.filter(session=session)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 50
    waitlisted = list(
        registrations.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlisted_at", "pk")
    )
    assert len(waitlisted) == 150
    from programs.services import waitlist_position

    positions = [waitlist_position(registration) for registration in waitlisted]
    assert positions == list(range(1, 151))


def test_the_same_person_signing_up_20_times_at_once_gets_one_registration():
    session = session_factory(capacity=5)
    person = _people(1)[0]
    results = []
    errors = _run_at_once(
        [
            lambda: results.append(registration_create(session=session, user=person, language="en"))
            for _ in range(20)
        ]
    )
    assert errors == []
    assert len({registration.pk for registration in results}) == 1
    assert Registration.objects.filter(session=session, user=person).count() == 1


def test_cancellations_racing_sign_ups_never_exceed_capacity_and_promote_in_order():
    session = session_factory(capacity=10)
    first = _people(25)
    registrations = [
        registration_create(session=session, user=person, language="en") for person in first
    ]
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITLISTED]
    assert (len(confirmed), len(waiting)) == (10, 15)

    newcomers = User.objects.bulk_create(
        [User(email=f"late{number}@example.org", language="en") for number in range(20)]
    )
    work = [lambda r=r: registration_cancel(registration=r) for r in confirmed[:6]]
    work += [
        lambda p=p: registration_create(session=session, user=p, language="en") for p in newcomers
    ]
    errors = _run_at_once(work)
    assert errors == []

    active = Registration.objects.filter(session=session)
    assert active.filter(status=RegistrationStatus.CONFIRMED).count() == 10
    # The six places went to the first six who were already waiting, in their order.
    promoted = set(active.filter(status=RegistrationStatus.CONFIRMED).values_list("pk", flat=True))
    assert {r.pk for r in waiting[:6]} <= promoted
    assert not ({r.pk for r in waiting[6:]} & promoted)


def test_a_sign_up_does_not_wait_for_a_lock_on_the_engagement(settings):
    """A retention chunk locks the engagement (FOR NO KEY UPDATE) while it purges; a sign-up
    locks only the session row, so it goes ahead instead of waiting for the chunk."""
    from engagements.models import Engagement

    settings.NOTICES_CHANNEL_BACKENDS = dict.fromkeys(
        ("email", "sms", "in_app"), "notices.channels.noop.NoopChannel"
    )
    session = session_factory(capacity=5)
    person = _people(1)[0]
    locked, release = threading.Event(), threading.Event()

    def hold_the_engagement():
        try:
            with transaction.atomic():
                list(
                    Engagement.objects.filter(pk=session.program.engagement_id)
                    .select_for_update(no_key=True)
                    .values_list("pk", flat=True)
                )
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=hold_the_engagement)
    thread.start()
    try:
        assert locked.wait(timeout=10)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
        try:
            registration = registration_create(session=session, user=person, language="en")
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
    finally:
        release.set()
        thread.join(timeout=30)
        close_old_connections()
    assert registration.status == RegistrationStatus.CONFIRMED
