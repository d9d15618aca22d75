import pytest

from programs.models import Program, Venue
from tests.factories import EngagementFactory, session_factory


@pytest.fixture
def program(db):
    return Program.objects.create(engagement=EngagementFactory(title_en="Coffee with a Cop"))


@pytest.fixture
def venue(db):
    return Venue.objects.create(name="Riverside Library", address="120 Mill St", step_free=True)


@pytest.fixture
def session(program, venue):
    return session_factory(program=program, venue=venue, capacity=2)
