"""Academies and youth programs: applications, minors' details, cohorts, completion; volunteer hours."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import (
    Application,
    ApplicationStatus,
    Cohort,
    MinorDetails,
    ProgramKind,
    Registration,
)
from programs.services import (
    ApplicationError,
    HoursError,
    Minor,
    application_decide,
    application_progress,
    application_submit,
    hours_log,
    hours_review,
    registration_check_in,
)
from tests.factories import UserFactory, program_factory, session_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def academy():
    program = program_factory(title_en="Police Explorers")
    program.kind = ProgramKind.ACADEMY
    program.application_questions_en = "Why do you want to join?\nHow did you hear about us?"
    program.completion_percent = 80
    program.save()
    return program


def _years_ago(years: int) -> date:
    return timezone.localdate() - timedelta(days=int(years * 365.25) + 10)


def test_a_child_under_13_cannot_apply_alone(academy):
    with pytest.raises(ApplicationError, match="under 13"):
        application_submit(
            program=academy,
            user=UserFactory(),
            answers=["x", "y"],
            applicant_date_of_birth=_years_ago(12),
        )
    assert not Application.objects.exists()


def test_a_guardian_applies_for_a_child(client, academy):
    guardian = UserFactory()
    client.force_login(guardian)
    response = client.post(
        reverse("programs:apply", kwargs={"pk": academy.pk}),
        {
            "applying_for": "child",
            "child_name": "Leo",
            "child_date_of_birth": _years_ago(11).isoformat(),
            "school": "Northpark Middle",
            "guardian_name": guardian.display_name,
            "guardian_consent": "on",
            "answer_0": "He loves helping",
            "answer_1": "School",
        },
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.minor.child_name == "Leo"
    assert application.answers[0] == {
        "question": "Why do you want to join?",
        "answer": "He loves helping",
    }


def test_guardian_consent_is_required_for_a_child(client, academy):
    client.force_login(UserFactory())
    response = client.post(
        reverse("programs:apply", kwargs={"pk": academy.pk}),
        {
            "applying_for": "child",
            "child_name": "Leo",
            "child_date_of_birth": _years_ago(11).isoformat(),
            "guardian_name": "G",
            "answer_0": "a",
            "answer_1": "b",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["guardian_consent"]


@pytest.mark.parametrize(("who", "sees_details"), [("coordinator", True), ("staff", False)])
def test_minors_details_are_for_the_programs_coordinators_only(
    client, academy, staff, who, sees_details
):
    coordinator = UserFactory(roles=["outreach_staff"])
    academy.coordinators.add(coordinator)
    application = application_submit(
        program=academy,
        user=UserFactory(),
        answers=["a", "b"],
        minor=Minor(
            child_name="Leo",
            date_of_birth=date(2015, 3, 9),
            school="Northpark Middle",
            guardian_name="Ana",
            guardian_consent=True,
        ),
    )
    client.force_login(coordinator if who == "coordinator" else staff)
    body = client.get(
        reverse("staff:programs:application", kwargs={"pk": application.pk})
    ).content.decode()
    assert ("Northpark Middle" in body) is sees_details
    assert ("2015" in body) is sees_details
    listing = client.get(
        reverse("staff:programs:applications", kwargs={"engagement_pk": academy.engagement_id})
    ).content.decode()
    assert ("Leo" in listing) is sees_details


def test_acceptance_places_the_applicant_in_every_cohort_session_and_completion_needs_80_percent(
    client, academy, staff
):
    cohort = Cohort.objects.create(program=academy, name="Spring 2027")
    sessions = [
        session_factory(
            program=academy, cohort=cohort, starts_at=timezone.now() + timedelta(days=day)
        )
        for day in range(1, 6)
    ]
    person = UserFactory()
    application = application_submit(
        program=academy, user=person, answers=["a", "b"], applicant_date_of_birth=_years_ago(30)
    )
    with pytest.raises(ApplicationError):
        application_decide(application=application, status=ApplicationStatus.ACCEPTED, by=staff)
    application = application_decide(
        application=application, status=ApplicationStatus.ACCEPTED, cohort=cohort, by=staff
    )
    registrations = Registration.objects.filter(user=person)
    assert registrations.count() == 5
    for registration in registrations.order_by("session__starts_at")[:3]:
        registration_check_in(registration=registration)
    progress = application_progress(application=application)
    assert (progress.attended, progress.sessions, progress.percent, progress.completed) == (
        3,
        5,
        60,
        False,
    )
    client.force_login(person)
    assert (
        client.get(reverse("programs:certificate", kwargs={"pk": application.pk})).status_code
        == 404
    )
    registration_check_in(registration=registrations.get(session=sessions[3]))
    assert application_progress(application=application).completed is True
    certificate = client.get(reverse("programs:certificate", kwargs={"pk": application.pk}))
    assert certificate.status_code == 200
    assert person.get_full_name() in certificate.content.decode()


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("other", 404), ("staff", 200)])
def test_an_application_is_seen_by_its_owner_and_staff_only(client, academy, staff, who, status):
    owner = UserFactory()
    application = application_submit(
        program=academy, user=owner, answers=["a", "b"], applicant_date_of_birth=_years_ago(30)
    )
    client.force_login({"owner": owner, "other": UserFactory(), "staff": staff}[who])
    assert (
        client.get(reverse("programs:application", kwargs={"pk": application.pk})).status_code
        == status
    )


@pytest.fixture
def volunteers():
    program = program_factory(title_en="Volunteers in Police Service")
    program.kind = ProgramKind.VOLUNTEER
    program.save()
    return program


def test_volunteers_log_hours_staff_approve_and_totals_add_up(client, volunteers, staff):
    ana, sam = UserFactory(display_name="Ana"), UserFactory(display_name="Sam")
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(HoursError):
        hours_log(
            program=volunteers,
            user=ana,
            worked_on=timezone.localdate() + timedelta(days=1),
            hours=Decimal(2),
            description="future",
        )
    client.force_login(ana)
    client.post(
        reverse("programs:hours", kwargs={"pk": volunteers.pk}),
        {"worked_on": yesterday.isoformat(), "hours": "3.5", "description": "Community event"},
    )
    entries = [
        volunteers.volunteer_hours.get(user=ana),
        hours_log(
            program=volunteers,
            user=ana,
            worked_on=yesterday,
            hours=Decimal("1.5"),
            description="Phone bank",
        ),
        hours_log(
            program=volunteers,
            user=sam,
            worked_on=yesterday,
            hours=Decimal(2),
            description="Patrol",
        ),
        hours_log(
            program=volunteers,
            user=sam,
            worked_on=yesterday,
            hours=Decimal(8),
            description="Not real",
        ),
    ]
    for entry in entries[:3]:
        hours_review(entry=entry, approve=True, by=staff)
    hours_review(entry=entries[3], approve=False, by=staff)
    client.force_login(staff)
    page = client.get(
        reverse("staff:programs:hours", kwargs={"engagement_pk": volunteers.engagement_id})
    )
    totals = {row["user__display_name"]: row["total"] for row in page.context["totals"]}
    assert totals == {"Ana": Decimal("5.00"), "Sam": Decimal("2.00")}
    client.force_login(ana)
    mine = client.get(reverse("programs:mine")).content.decode()
    assert "5 hours approved, 0 waiting" in mine


@pytest.mark.parametrize("count", [5, 60])
def test_my_engagements_query_count_does_not_grow(
    client, volunteers, academy, django_assert_max_num_queries, count
):
    person = UserFactory()
    for number in range(count):
        hours_log(
            program=volunteers,
            user=person,
            worked_on=timezone.localdate(),
            hours=Decimal(1),
            description=f"{number}",
        )
        application_submit(
            program=academy, user=person, answers=["a", "b"], applicant_date_of_birth=_years_ago(30)
        )
    client.force_login(person)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("programs:mine")).status_code == 200


def test_under_age_minor_record_is_not_kept_for_adults(academy):
    application = application_submit(
        program=academy,
        user=UserFactory(),
        answers=["a", "b"],
        minor=Minor(
            child_name="Grown",
            date_of_birth=_years_ago(25),
            guardian_name="G",
            guardian_consent=True,
        ),
    )
    assert not MinorDetails.objects.filter(application=application).exists()
