"""Demo programs: sessions rotating among venues, sign-ups, a full session with a waitlist."""

from datetime import date, time, timedelta

from django.utils import timezone

from accounts.models import User
from engagements.models import Engagement, Language, Neighborhood

from .models import Partner, Program, ProgramKind, Venue
from .services import Accommodations, Guest, SeriesPattern, registration_create, series_create

VENUES = [
    ("Riverside Library", "120 Mill Street", "riverside", True),
    ("St. Mark's Community Hall", "45 Elm Street", "eastgate", True),
    ("Harbor View Elementary School", "300 Harbor Boulevard", "harbor-view", True),
    ("Northpark Recreation Center", "12 Park Avenue", "northpark", False),
]

PARTNERS = [
    (
        "St. Mark's Church",
        "faith",
        "Hosts sessions and brings neighbors who would not come to a police building.",
    ),
    ("Harbor View Elementary", "school", "Opens its gym for briefings and youth programs."),
    (
        "Safe Harbor Victim Services",
        "victim_services",
        "Co-facilitates training on responding to domestic violence.",
    ),
    (
        "Vietnamese Community Association",
        "community",
        "Interprets and spreads the word in Vietnamese.",
    ),
]

PROGRAMS = {
    "Coffee with a Cop at Riverside Library": {
        "kind": ProgramKind.SESSIONS,
        "series": True,
        "partners": ["St. Mark's Church"],
    },
    "Front-porch line-up on Elm Street": {
        "kind": ProgramKind.SESSIONS,
        "capacity": 3,
        "partners": [],
    },
    "Neighborhood briefing: speeding on Harbor Boulevard": {
        "kind": ProgramKind.SESSIONS,
        "partners": ["Harbor View Elementary", "Vietnamese Community Association"],
    },
    "Ride along with patrol, K-9 or traffic officers": {
        "kind": ProgramKind.RIDE_OUT,
        "partners": [],
    },
    "Citizen Police Academy, spring cohort in Spanish and Vietnamese": {
        "kind": ProgramKind.ACADEMY,
        "partners": ["Vietnamese Community Association"],
    },
    "Police Explorers (ages 14 to 20)": {
        "kind": ProgramKind.ACADEMY,
        "partners": ["Harbor View Elementary"],
    },
    "Volunteers in Police Service": {"kind": ProgramKind.VOLUNTEER, "partners": []},
    "Role-players for officer hiring scenarios": {
        "kind": ProgramKind.SCENARIO,
        "partners": [],
        "confidential": True,
    },
    "Co-facilitated training: responding to domestic violence": {
        "kind": ProgramKind.TRAINING,
        "partners": ["Safe Harbor Victim Services"],
    },
}


def seed() -> list[tuple[str, str]]:
    staff = User.objects.filter(email="outreach@demo.example").first()
    if staff is None:
        return []
    venues = []
    for name, address, hood, step_free in VENUES:
        venue, _ = Venue.objects.update_or_create(
            name=name,
            defaults={
                "address": address,
                "neighborhood": Neighborhood.objects.filter(slug=hood).first(),
                "step_free": step_free,
                "near_transit": True,
            },
        )
        venues.append(venue)
    partners = {}
    for name, kind, description in PARTNERS:
        partners[name], _ = Partner.objects.update_or_create(
            name=name, defaults={"kind": kind, "description_en": description}
        )
    spanish = Language.objects.filter(code="es").first()
    vietnamese = Language.objects.filter(code="vi").first()
    residents = list(
        User.objects.filter(
            email__in=[
                "ana@demo.example",
                "minh@demo.example",
                "mei@demo.example",
                "fatima@demo.example",
                "jordan@demo.example",
            ]
        ).order_by("email")
    )

    for offset, (title, plan) in enumerate(PROGRAMS.items()):
        engagement = Engagement.objects.filter(title_en=title).first()
        if engagement is None:
            continue
        program, created = Program.objects.get_or_create(
            engagement=engagement,
            defaults={
                "kind": plan["kind"],
                "requires_confidentiality": plan.get("confidential", False),
            },
        )
        program.partners.set([partners[name] for name in plan["partners"]])
        program.coordinators.add(staff)
        if not created or program.sessions.exists():
            continue
        today = timezone.localdate()
        first = today + timedelta(days=3 + offset)
        if plan.get("series"):
            pattern = SeriesPattern(
                first_date=first,
                until=first + timedelta(weeks=12),
                start_time=time(8, 30),
                end_time=time(10),
                alt_start_time=time(18),
                alt_end_time=time(19, 30),
                every_weeks=2,
            )
            series_create(
                program=program,
                pattern=pattern,
                venues=venues[:3],
                values={"capacity": 25, "waitlist_enabled": True},
                description="Every second week, rotating",
                created_by=staff,
            )
        else:
            pattern = SeriesPattern(
                first_date=first,
                until=first + timedelta(weeks=4),
                start_time=time(18),
                end_time=time(20),
                every_weeks=2,
            )
            series_create(
                program=program,
                pattern=pattern,
                venues=venues[offset % 4 : offset % 4 + 1],
                values={"capacity": plan.get("capacity", 20), "waitlist_enabled": True},
                description="Every second week",
                created_by=staff,
            )
        first_session = program.sessions.order_by("starts_at").first()
        if spanish:
            first_session.interpretation.set(
                [language for language in (spanish, vietnamese) if language]
            )
        for index, person in enumerate(residents):
            registration_create(
                session=first_session,
                user=person,
                language=person.language,
                needs=Accommodations(
                    interpreter_language=vietnamese if person.language == "vi" else None,
                    step_free=index == 0,
                ),
                confidentiality_acknowledged=True,
            )
        if program.sessions.count() > 1:
            registration_create(
                session=program.sessions.order_by("starts_at")[1],
                guest=Guest(name="Guest Neighbor", email="guest.neighbor@example.org"),
                language="en",
                confidentiality_acknowledged=True,
            )
    _seed_kinds(staff)
    return []


WAIVER = (
    "I ride in a police vehicle at my own risk. I will follow the officer's instructions at all times, "
    "stay in the vehicle unless told otherwise, and keep what I see about people confidential. The "
    "officer may end the ride-out at any time."
)


def _seed_kinds(staff: User) -> None:
    from decimal import Decimal

    from .models import Application, Cohort, RideOutRequest, VolunteerHours, Waiver
    from .services import (
        Minor,
        application_decide,
        application_submit,
        hours_log,
        hours_review,
        rideout_approve,
        rideout_request_create,
        rideout_set_background_check,
    )

    residents = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    today = timezone.localdate()

    rides = Program.objects.filter(kind=ProgramKind.RIDE_OUT).first()
    if rides and not RideOutRequest.objects.filter(program=rides).exists():
        Waiver.objects.get_or_create(program=rides, version=1, defaults={"text_en": WAIVER})
        for email, unit, approve in (
            ("jordan@demo.example", "k9", True),
            ("minh@demo.example", "traffic", False),
        ):
            ride = rideout_request_create(
                program=rides,
                user=residents[email],
                unit=unit,
                preferred_dates=[today + timedelta(days=10)],
                date_of_birth=date(1985, 4, 12),
                lives_in_city=True,
                signature=residents[email].get_full_name(),
                waiver_accepted=True,
            )
            if approve:
                rideout_set_background_check(request=ride, status="cleared", by=staff)
                rideout_approve(
                    request=ride,
                    scheduled_at=timezone.now() + timedelta(days=12),
                    unit=unit,
                    officer=staff,
                    by=staff,
                )

    academy = Program.objects.filter(kind=ProgramKind.ACADEMY).first()
    if academy and not Application.objects.filter(program=academy).exists():
        academy.application_questions_en = (
            "Why do you want to take part?\nWhich language do you prefer for the sessions?"
        )
        academy.save()
        cohort = Cohort.objects.create(program=academy, name="Spring 2027")
        academy.sessions.update(cohort=cohort)
        accepted = application_submit(
            program=academy,
            user=residents["ana@demo.example"],
            answers=["Quiero entender cómo trabaja la policía.", "Español"],
            applicant_date_of_birth=date(1988, 2, 2),
        )
        application_decide(application=accepted, status="accepted", cohort=cohort, by=staff)
        application_submit(
            program=academy,
            user=residents["minh@demo.example"],
            answers=["Để giúp cộng đồng người Việt.", "Tiếng Việt"],
            applicant_date_of_birth=date(1975, 9, 9),
        )
        youth = Program.objects.filter(kind=ProgramKind.ACADEMY).exclude(pk=academy.pk).first()
        if youth:
            application_submit(
                program=youth,
                user=residents["fatima@demo.example"],
                answers=[],
                minor=Minor(
                    child_name="Omar",
                    date_of_birth=today.replace(year=today.year - 15),
                    school="Northpark High",
                    guardian_name="Fatima Al-Hassan",
                    guardian_consent=True,
                ),
            )

    volunteers = Program.objects.filter(kind=ProgramKind.VOLUNTEER).first()
    if volunteers and not VolunteerHours.objects.filter(program=volunteers).exists():
        for email, hours, approve in (
            ("mei@demo.example", "3.5", True),
            ("mei@demo.example", "2", None),
            ("jordan@demo.example", "4", True),
        ):
            entry = hours_log(
                program=volunteers,
                user=residents[email],
                worked_on=today - timedelta(days=7),
                hours=Decimal(hours),
                description="Community event",
            )
            if approve is not None:
                hours_review(entry=entry, approve=approve, by=staff)
