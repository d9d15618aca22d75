"""A participation picture for the demo: enough residents taking part for the equity page to show
real figures, with Westfield and Vietnamese speakers clearly under-represented (as they often are
in a real agency's first year) and a few small groups hidden by suppression."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import AgeBand, Demographics, RaceEthnicity, User
from engagements.models import Action, Engagement, Input, Neighborhood, Status
from engagements.models.loop import Source

RESIDENTS = 160
EMAIL = "resident-{:03d}@demo.example"

# Slugs of engagements/demo.py neighborhoods with how many of every 100 demo participants live
# there; Westfield (a sixth of the people by the community figures) sends very few.
NEIGHBORHOOD_WEIGHTS = [
    ("eastgate", 22),
    ("harbor-view", 8),
    ("lakeshore", 17),
    ("northpark", 12),
    ("old-town", 10),
    ("riverside", 17),
    ("university", 11),
    ("westfield", 3),
]
LANGUAGE_WEIGHTS = [("en", 70), ("es", 21), ("zh-hans", 4), ("ar", 3), ("vi", 2)]
AGES = [
    AgeBand.FROM_18_TO_24,
    AgeBand.FROM_25_TO_34,
    AgeBand.FROM_35_TO_44,
    AgeBand.FROM_45_TO_54,
    AgeBand.FROM_55_TO_64,
    AgeBand.FROM_65,
    AgeBand.FROM_45_TO_54,
    AgeBand.FROM_55_TO_64,
]
RACES = [
    [RaceEthnicity.WHITE],
    [RaceEthnicity.HISPANIC],
    [RaceEthnicity.WHITE],
    [RaceEthnicity.BLACK],
    [RaceEthnicity.ASIAN],
    [RaceEthnicity.HISPANIC, RaceEthnicity.WHITE],
    [RaceEthnicity.WHITE],
    [RaceEthnicity.PREFER_NOT],
]
SOURCES = [Source.ONLINE_COMMENT, Source.COMMENT_CARD, Source.ONLINE_COMMENT, Source.PHONE_OR_EMAIL]
COMMENTS = [
    "Please hold the next meeting in the evening so working parents can come.",
    "Speeding near the school is my biggest worry.",
    "Thank you for coming to our block party.",
    "More officers on foot in the park, please.",
]


def _spread(weights: list[tuple[str, int]], index: int) -> str:
    """The index-th item of a fixed sequence in which each key appears in proportion to its
    weight, interleaved so that any prefix has roughly the same mix."""
    total = sum(weight for _key, weight in weights)
    position = (index * 37) % total  # 37 is prime to 100: every slot is visited
    for key, weight in weights:
        if position < weight:
            return key
        position -= weight
    return weights[-1][0]


def seed() -> list[tuple[str, str]]:
    neighborhoods = {n.slug: n for n in Neighborhood.objects.all()}
    # Spread over every engagement people can see, so the transparency table has figures in
    # several neighborhoods and bands.
    engagements = list(
        Engagement.objects.exclude(status=Status.DRAFT).order_by("pk").only("pk", "status")
    )
    if not engagements or not neighborhoods:
        return []
    emails = [EMAIL.format(index) for index in range(RESIDENTS)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    new_users = []
    for index, email in enumerate(emails):
        if email in existing:
            continue
        user = User(
            email=email,
            display_name=f"Demo resident {index}",
            language=_spread(LANGUAGE_WEIGHTS, index),
            neighborhood=neighborhoods.get(_spread(NEIGHBORHOOD_WEIGHTS, index)),
        )
        # Figures for the equity page, not logins.
        user.set_unusable_password()
        new_users.append(user)
    User.objects.bulk_create(new_users)
    residents = list(User.objects.filter(email__in=emails).order_by("email"))
    now = timezone.now()
    Demographics.objects.bulk_create(
        [
            Demographics(
                user=user,
                consented_at=now,
                age_band=AGES[index % len(AGES)],
                race_ethnicity=[str(race) for race in RACES[index % len(RACES)]],
            )
            # Two in three describe themselves, as in a typical sign-up form.
            for index, user in enumerate(residents)
            if index % 3 != 2
        ],
        ignore_conflicts=True,
    )
    # Most of what people said already has a decision, as in a portal that keeps its promise.
    decided = {}
    for action in Action.objects.filter(engagement__in=engagements).order_by("pk"):
        decided.setdefault(action.engagement_id, action)
    already = set(
        Input.objects.filter(author__in=residents).values_list("author_id", flat=True).distinct()
    )
    with_action = [engagement for engagement in engagements if engagement.pk in decided]

    def where(index: int) -> tuple[Engagement, Action | None]:
        # Three in four went to engagements the agency has acted on, and got that decision; the
        # rest spread over every engagement, still waiting.
        if with_action and index % 4:
            engagement = with_action[index % len(with_action)]
            return engagement, decided[engagement.pk]
        return engagements[index % len(engagements)], None

    Input.objects.bulk_create(
        [
            Input(
                engagement=where(index)[0],
                text=COMMENTS[index % len(COMMENTS)],
                source=SOURCES[index % len(SOURCES)],
                language=user.language,
                author=user,
                received_at=now - timedelta(days=3 + index % 150),
                action=where(index)[1],
            )
            for index, user in enumerate(residents)
            if user.pk not in already
        ]
    )
    return []
