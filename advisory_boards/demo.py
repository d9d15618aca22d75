"""Demo boards (see seed_demo): one of each kind, a pursuit-policy draft in review with comments
and the agency's answers, a second version with its redline, a public comment period, and an
adopted recommendation with the agency's decision."""

from datetime import timedelta

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User

from .models import Board, BoardKind, MemberRole, Membership, Outcome, Visibility
from .services import (
    agreement_accept,
    agreement_publish,
    board_save,
    comment_add,
    comment_respond,
    draft_create,
    draft_new_version,
    membership_add,
    position_set,
    recommendation_decide,
    recommendation_draft,
    recommendation_record_vote,
)

BOARDS = [
    (
        "community-advisory",
        BoardKind.ADVISORY,
        {
            "en": "Community Advisory Group",
            "es": "Grupo Asesor Comunitario",
            "vi": "Nhóm Tư vấn Cộng đồng",
            "zh-hans": "社区咨询小组",
            "ar": "المجموعة الاستشارية المجتمعية",
        },
        "Residents from every neighborhood advise the chief on priorities and policies.",
    ),
    (
        "policy-review",
        BoardKind.POLICY_REVIEW,
        {
            "en": "Policy Review Committee",
            "es": "Comité de Revisión de Políticas",
            "vi": "Ủy ban Xem xét Chính sách",
            "zh-hans": "政策审查委员会",
            "ar": "لجنة مراجعة السياسات",
        },
        "Reviews draft policies section by section before the department adopts them.",
    ),
    (
        "citizen-review",
        BoardKind.CITIZEN_REVIEW,
        {"en": "Citizen Review Board", "es": "Junta de Revisión Ciudadana"},
        "Reviews completed complaint investigations and recommends changes.",
    ),
    (
        "incident-review",
        BoardKind.INCIDENT_REVIEW,
        {"en": "Serious Incident Review Board", "es": "Junta de Revisión de Incidentes Graves"},
        "Reviews serious incidents, such as uses of force, after the investigation.",
    ),
    (
        "hiring-panel",
        BoardKind.HIRING_PANEL,
        {"en": "Community Hiring and Promotion Panel", "es": "Panel Comunitario de Contratación"},
        "Residents sit on interview panels for new officers and promotions.",
    ),
]

MEMBERS = [
    ("board.chair@demo.example", "Grace Whitfield", MemberRole.CHAIR, True),
    ("board.member@demo.example", "Tomás Herrera", MemberRole.MEMBER, True),
    ("ana@demo.example", None, MemberRole.MEMBER, False),
]

SECTIONS_V1 = [
    {
        "key": "purpose",
        "number": "1",
        "heading": "Purpose",
        "body": "This policy sets when officers may pursue a vehicle whose driver refuses to stop.",
    },
    {
        "key": "when-to-pursue",
        "number": "2",
        "heading": "When a pursuit is allowed",
        "body": "Officers may pursue when they believe a serious crime was committed.",
    },
    {
        "key": "when-to-stop",
        "number": "3",
        "heading": "When to stop",
        "body": "A supervisor may end a pursuit at any time.",
    },
]
SECTIONS_V2 = [
    SECTIONS_V1[0],
    {
        "key": "when-to-pursue",
        "number": "2",
        "heading": "When a pursuit is allowed",
        "body": (
            "Officers may pursue only when the driver is suspected of a violent felony. "
            "No pursuit for traffic offences or property crimes."
        ),
    },
    {
        "key": "when-to-stop",
        "number": "3",
        "heading": "When to stop",
        "body": (
            "A supervisor must end a pursuit when speeds put people at risk, in school zones, "
            "or when the driver can be found later."
        ),
    },
    {
        "key": "reporting",
        "number": "4",
        "heading": "Reporting",
        "body": "Every pursuit is reported within 24 hours and published in quarterly figures.",
    },
]


def _person(email: str, name: str | None) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        from allauth.account.models import EmailAddress

        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def seed() -> list[tuple[str, str]]:
    staff = User.objects.filter(email="outreach@demo.example").first()
    if staff is None or Board.objects.filter(slug="policy-review").exists():
        return []
    today = timezone.localdate()
    boards = {}
    for slug, kind, names, purpose in BOARDS:
        boards[slug] = board_save(
            values={
                "kind": kind,
                "slug": slug,
                **{f"name_{code.replace('-', '_')}": name for code, name in names.items()},
                "purpose_en": purpose,
                "meeting_schedule_en": "Second Tuesday of each month, 6 p.m., Riverside Library",
            }
        )
        agreement_publish(
            board=boards[slug],
            text=(
                "I will not share, copy or discuss the board's confidential material outside "
                "board meetings, and I will declare any conflict of interest."
            ),
        )
    board = boards["policy-review"]
    members = []
    for email, name, role, accept in MEMBERS:
        person = _person(email, name)
        membership = membership_add(
            board=board,
            user=person,
            role=role,
            term_start=today - timedelta(days=200),
            term_end=today + timedelta(days=530),
            name_is_public=accept,
        )
        if accept:
            agreement_accept(
                membership=membership,
                agreement=board.agreements.first(),
                typed_name=person.display_name,
            )
        members.append(person)
    # A former member: the term ended, access with it.
    Membership.objects.create(
        board=board,
        user=_person("board.former@demo.example", "Priya Raman"),
        term_start=today - timedelta(days=900),
        term_end=today - timedelta(days=30),
    )
    chair, member = members[0], members[1]
    draft = draft_create(
        board=board,
        values={
            "topic": "pursuit",
            "title": "Vehicle pursuit policy, 2027 revision",
            "summary": (
                "Police car chases can kill bystanders. This draft narrows when officers may "
                "chase a car and says when they must stop."
            ),
            "glossary": (
                "Pursuit: following a driver who refuses to stop, with lights and siren\n"
                "Violent felony: a serious crime that hurts or threatens a person"
            ),
            "visibility": Visibility.BOARD,
            "review_opens_on": today - timedelta(days=10),
            "review_closes_on": today + timedelta(days=12),
        },
        sections=SECTIONS_V1,
        created_by=staff,
    )
    draft.status = "in_review"
    draft.save(update_fields=["status"])
    first = draft.versions.get(number=1)
    when_to_pursue = first.sections.get(key="when-to-pursue")
    when_to_stop = first.sections.get(key="when-to-stop")
    adopted = comment_add(
        section=when_to_pursue,
        author=member,
        text="'Serious crime' is too vague. Limit pursuits to violent felonies.",
    )
    comment_add(
        section=when_to_pursue,
        author=chair,
        text="Agreed; stolen cars alone should not justify a chase.",
        parent=adopted,
    )
    stop = comment_add(
        section=when_to_stop,
        author=chair,
        text="'May end' should be 'must end' when speeds are dangerous.",
    )
    noted = comment_add(
        section=first.sections.get(key="purpose"),
        author=member,
        text="Could the purpose mention bystanders' safety?",
    )
    second = draft_new_version(
        draft=draft,
        sections=SECTIONS_V2,
        note="Violent felonies only; supervisors must stop dangerous pursuits; reporting added.",
        created_by=staff,
    )
    comment_respond(
        comment=adopted,
        outcome=Outcome.ADOPTED,
        reason="Section 2 now limits pursuits to violent felonies.",
        changed_section=second.sections.get(key="when-to-pursue"),
        responded_by=staff,
    )
    comment_respond(
        comment=stop,
        outcome=Outcome.ADOPTED,
        reason="Section 3 now says 'must end' and names the cases.",
        changed_section=second.sections.get(key="when-to-stop"),
        responded_by=staff,
    )
    comment_respond(
        comment=noted,
        outcome=Outcome.NOTED,
        reason="The purpose stays short; section 3 carries the safety rule.",
        responded_by=staff,
    )
    position_set(version=second, member=chair, stance="support", rationale="The changes work.")
    position_set(
        version=second, member=member, stance="amend", rationale="Add a yearly public review."
    )
    recommendation = recommendation_draft(
        draft=draft,
        text="Publish the number of pursuits, crashes and injuries every quarter.",
        created_by=staff,
    )
    recommendation = recommendation_record_vote(
        recommendation=recommendation,
        votes_for=7,
        votes_against=1,
        votes_abstaining=1,
        recorded_by=staff,
    )
    recommendation_decide(
        recommendation=recommendation,
        status="adopted",
        explanation="Quarterly pursuit figures will be published from January.",
        decided_by=staff,
    )
    public = draft_create(
        board=boards["community-advisory"],
        values={
            "topic": "body_cameras",
            "title": "Body-worn camera footage: how long we keep it",
            "summary": "How long camera footage is kept, and who may watch it. Tell us what you think.",
            "visibility": Visibility.PUBLIC,
            "review_opens_on": today - timedelta(days=3),
            "review_closes_on": today + timedelta(days=25),
        },
        sections=[
            {
                "number": "1",
                "heading": "Keeping footage",
                "body": "Footage is kept 90 days, or longer when it is evidence.",
            },
            {
                "number": "2",
                "heading": "Who may watch",
                "body": "The people filmed may ask to watch footage of themselves.",
            },
        ],
        created_by=staff,
    )
    public.status = "in_review"
    public.save(update_fields=["status"])
    seed_more(staff, boards, chair)
    return [
        ("board.chair@demo.example", "Board chair (policy review)"),
        ("board.member@demo.example", "Board member (policy review)"),
        ("board.former@demo.example", "Former board member (no access)"),
    ]


def seed_more(staff: User, boards: dict, chair: User) -> None:
    """Meetings with public minutes, an open call for members, a confidential case visible only to
    its board, and community figures for the composition report."""
    from engagements.models import CommunityFigures, Neighborhood

    from .models import Case
    from .services import case_create, meeting_record, meeting_save

    now = timezone.now()
    board = boards["policy-review"]
    past = meeting_save(
        board=board,
        values={
            "starts_at": now - timedelta(days=28),
            "place": "Riverside Library, community room",
            "agenda": "Welcome\nPursuit policy, version 1\nPublic comment",
        },
    )
    members = list(Membership.objects.current().filter(board=board))
    meeting_record(
        meeting=past,
        attendees=members,
        minutes="The committee read version 1 and asked for a clear rule on when to stop.",
        minutes_status="approved",
    )
    meeting_record(
        meeting=past,
        attendees=members,
        minutes="The committee read version 1 and asked for a clear rule on when to stop.",
        minutes_status="public",
    )
    meeting_save(
        board=board,
        values={
            "starts_at": now + timedelta(days=9),
            "place": "Riverside Library, community room",
            "online_link": "https://meet.example.org/policy-review",
            "agenda": "Pursuit policy, version 2\nVote on recommendations",
        },
    )
    advisory = boards["community-advisory"]
    advisory.accepts_applications = True
    advisory.recruitment_questions_en = (
        "Which neighborhood do you live or work in?\n"
        "Which languages do you speak?\n"
        "What experience with the police would you bring to the group?"
    )
    advisory.save()

    review = boards["citizen-review"]
    membership = membership_add(
        board=review,
        user=chair,
        role=MemberRole.CHAIR,
        term_start=timezone.localdate() - timedelta(days=100),
        term_end=timezone.localdate() + timedelta(days=600),
    )
    agreement_accept(
        membership=membership, agreement=review.agreements.first(), typed_name=chair.display_name
    )
    if not Case.objects.filter(board=review).exists():
        case_create(
            board=review,
            values={
                "reference": "CRB-2026-014",
                "summary": (
                    "A resident complained that officers searched her car during a traffic stop "
                    "without explaining why. Internal affairs found the search lawful. Names and "
                    "plate numbers are removed."
                ),
            },
            created_by=staff,
        )
    for index, neighborhood in enumerate(Neighborhood.objects.order_by("pk")):
        CommunityFigures.objects.update_or_create(
            neighborhood=neighborhood,
            defaults={
                "population": [18000, 9000, 22000, 12000, 7000, 15000][index % 6],
                "language_shares": [
                    {"en": 70, "es": 25, "vi": 5},
                    {"en": 45, "es": 50, "zh-hans": 5},
                    {"en": 60, "vi": 30, "es": 10},
                    {"en": 80, "ar": 15, "es": 5},
                    {"en": 55, "zh-hans": 35, "es": 10},
                    {"en": 75, "es": 20, "ar": 5},
                ][index % 6],
                "age_band_shares": {
                    "18_24": 12,
                    "25_34": 18,
                    "35_44": 17,
                    "45_54": 15,
                    "65_plus": 16,
                },
                "race_ethnicity_shares": {"hispanic": 30, "white": 40, "asian": 15, "black": 10},
                "source": "Demo figures (not real census data)",
            },
        )
