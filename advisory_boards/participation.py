"""What boards tell the equity figures: who applied to a board and who served in the period."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from engagements.models import Category
from engagements.participation import Activity, Channel, Taking, person_key

from .models import BoardApplication, Membership


def board_takings(start: datetime, end: datetime) -> Iterable[Taking]:
    applied = (
        BoardApplication.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .values_list("user_id", "user__language", "user__neighborhood_id")
        .order_by()
    )
    for user_id, language, home in applied.iterator(chunk_size=2000):
        yield Taking(
            person=person_key(user_id=user_id, record=""),
            user_id=user_id,
            activity=Activity.APPLICATION,
            channel=Channel.ONLINE,
            language=language,
            neighborhood_id=home,
            category=Category.CO_PRODUCED_SOLUTIONS,
        )
    # A member counts when any part of the term falls in the period.
    served = (
        Membership.objects.filter(term_start__lt=end.date())
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=start.date()))
        .filter(Q(removed_at__isnull=True) | Q(removed_at__gte=start))
        .values_list("user_id", "user__language", "user__neighborhood_id")
        .order_by()
    )
    for user_id, language, home in served.iterator(chunk_size=2000):
        yield Taking(
            person=person_key(user_id=user_id, record=""),
            user_id=user_id,
            activity=Activity.BOARD,
            channel=Channel.IN_PERSON,
            language=language,
            neighborhood_id=home,
            category=Category.CO_PRODUCED_SOLUTIONS,
        )
