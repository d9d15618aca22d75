from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.models import CommunityFigures, Input
from engagements.models.loop import Source
from tests.factories import EngagementFactory, NeighborhoodFactory, UserFactory


def give_input(
    *,
    user=None,
    engagement,
    email="",
    source=Source.ONLINE_COMMENT,
    language="en",
    received_at=None,
):
    return Input.objects.create(
        engagement=engagement,
        text="More lights on Elm Street",
        language=user.language if user else language,
        source=source,
        author=user,
        contact_email=email,
        received_at=received_at or timezone.now() - timedelta(days=2),
    )


def residents(count: int, *, neighborhood=None, language: str = "en") -> list:
    return [
        UserFactory(neighborhood=neighborhood, language=language, verified=False)
        for _ in range(count)
    ]


@pytest.fixture
def town():
    """Two neighborhoods whose figures are easy to check by hand: 6,000 people in Hill (80%
    English, 20% Vietnamese at home) and 4,000 in Dale (half English, half Spanish). The community
    is 60% Hill / 40% Dale, and 68% English, 20% Spanish, 12% Vietnamese."""
    hill = NeighborhoodFactory(name_en="Hill", slug="hill")
    dale = NeighborhoodFactory(name_en="Dale", slug="dale")
    CommunityFigures.objects.create(
        neighborhood=hill,
        population=6000,
        language_shares={"en": 80, "vi": 20},
        age_band_shares={"25_34": 50, "65_plus": 50},
    )
    CommunityFigures.objects.create(
        neighborhood=dale,
        population=4000,
        language_shares={"en": 50, "es": 50},
        age_band_shares={"25_34": 50, "65_plus": 50},
    )
    return {"hill": hill, "dale": dale, "engagement": EngagementFactory()}
