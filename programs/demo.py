"""Demo programs: sessions rotating among venues, sign-ups, a full session with a waitlist."""

from datetime import time, timedelta

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
    return []
