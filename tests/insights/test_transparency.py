"""The public transparency page: activity by neighborhood and category, the loop's figures and the
trust trend, small cells hidden (derivable ones too), in every language, in fixed queries."""

from datetime import date, datetime, time, timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from engagements.models import Category, Status
from insights.forms import completed_quarters
from insights.transparency import CITYWIDE, activity_table, public_accountability
from tests.factories import EngagementFactory, NeighborhoodFactory
from tests.insights.conftest import give_input

pytestmark = pytest.mark.django_db


def _last_quarter():
    _key, _label, start, end = completed_quarters()[0]
    return start, end


def _period():
    start, end = _last_quarter()
    return {"start": start, "end": end}


def _inputs(engagement, count: int) -> None:
    """Inputs in the last quarter that has ended: the one the public page shows first."""
    start, _end = _last_quarter()
    when = datetime.combine(
        start + timedelta(days=5), time(12), tzinfo=timezone.get_current_timezone()
    )
    for number in range(count):
        give_input(
            engagement=engagement, email=f"p{engagement.pk}-{number}@example.org", received_at=when
        )


def _engagement(**kwargs):
    start, _end = _last_quarter()
    published = datetime.combine(start, time(9), tzinfo=timezone.get_current_timezone())
    return EngagementFactory(published_at=published, **kwargs)


def test_activity_by_neighborhood_and_category_hides_small_and_derivable_cells():
    hill = NeighborhoodFactory(name_en="Hill", slug="hill")
    dale = NeighborhoodFactory(name_en="Dale", slug="dale")
    _inputs(_engagement(category=Category.IN_PERSON, neighborhoods=[hill]), 20)
    _inputs(_engagement(category=Category.IN_PERSON, neighborhoods=[dale]), 15)
    _inputs(_engagement(category=Category.CO_PRODUCED_SOLUTIONS, neighborhoods=[hill]), 14)
    _inputs(_engagement(category=Category.CO_PRODUCED_SOLUTIONS, neighborhoods=[dale]), 4)
    _inputs(_engagement(category=Category.INFORMATION_SHARING), 12)  # citywide
    EngagementFactory(status=Status.DRAFT, neighborhoods=[hill])  # never counted

    table = activity_table(**_period())
    columns = [key for key, _label in table.columns]
    in_person = columns.index(Category.IN_PERSON)
    co_produced = columns.index(Category.CO_PRODUCED_SOLUTIONS)
    hill_line, dale_line = table.line(str(hill.pk)), table.line(str(dale.pk))
    assert dale_line.cells[co_produced] is None  # 4: small
    # Dale's row total (19) and the column's total (18) are shown, so the 4 would follow from
    # Dale's in-person cell or Hill's co-produced cell; hiding Hill's co-produced cell leaves it
    # alone in Hill's row (total 34), so Hill's in-person cell goes too.
    assert dale_line.cells[in_person] is None
    assert hill_line.cells[co_produced] is None
    assert hill_line.cells[in_person] is None
    assert (hill_line.total, dale_line.total) == (34, 19)
    assert table.line(CITYWIDE).cells[columns.index(Category.INFORMATION_SHARING)] == 12
    assert hill_line.engagements == 2  # the draft is not there
    assert table.total == 65


def test_accountability_is_hidden_under_eleven_inputs():
    engagement = EngagementFactory()
    _inputs(engagement, 4)
    figures = public_accountability(**_period())
    assert figures.inputs is None
    assert figures.share_with_action is None
    _inputs(engagement, 8)
    figures = public_accountability(**_period())
    assert figures.inputs == 12
    assert figures.share_with_action == 0


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_the_page_is_there_in_every_language(client, code):
    _inputs(_engagement(), 12)
    with override(code):
        url = reverse("insights:transparency")
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{code}"' in page
    assert 'id="activity-table"' in page
    assert 'id="accountability-table"' in page
    assert 'id="trust-heading"' in page  # the surveys app's section


def test_the_public_chooses_among_whole_quarters_that_have_ended(client):
    """Days or growing periods would let anyone subtract two sets of figures and read one day's
    count; quarters that have ended do not overlap."""
    quarters = completed_quarters(date(2026, 12, 5))
    assert [key for key, *_rest in quarters[:2]] == ["2026-q3", "2026-q2"]
    assert quarters[0][2:] == (date(2026, 7, 1), date(2026, 9, 30))
    assert completed_quarters(date(2026, 1, 1))[0][2:] == (date(2025, 10, 1), date(2025, 12, 31))
    response = client.get(reverse("insights:transparency"), {"quarter": "2099-q1"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert "start" not in client.get(reverse("insights:transparency")).context["form"].fields


def test_transparency_queries_do_not_grow_with_data(client):
    hill = NeighborhoodFactory(name_en="Hill", slug="hill")
    _inputs(_engagement(neighborhoods=[hill]), 3)
    url = reverse("insights:transparency")
    cache.clear()  # the figures of a period are cached; measure their making
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(6):
        place = NeighborhoodFactory(name_en=f"Place {number}", slug=f"place-{number}")
        _inputs(_engagement(neighborhoods=[place, hill]), 12)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
