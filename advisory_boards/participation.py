"""What boards tell the equity figures: who applied to a board and who served in the period."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from engagements.models import Category
from engagements.participation import Activity, Channel, Taking, account_takings

from .models import BoardApplication, Membership


def board_takings(start: datetime, end: datetime) -> Iterable[Taking]:
    yield from account_takings(
        BoardApplication.objects.filter(submitted_at__gte=start, submitted_at__lt=end),
        activity=Activity.APPLICATION,
        channel=Channel.ONLINE,
        category=Category.CO_PRODUCED_SOLUTIONS,
    )
    # A member counts when any part of the term falls in the period.
    yield from account_takings(
        Membership.objects.filter(term_start__lt=end.date())
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=start.date()))
        .filter(Q(removed_at__isnull=True) | Q(removed_at__gte=start)),
        activity=Activity.BOARD,
        channel=Channel.IN_PERSON,
        category=Category.CO_PRODUCED_SOLUTIONS,
    )
