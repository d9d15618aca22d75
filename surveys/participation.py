"""What surveys tell the equity figures: identified responses only.

Anonymous and confidential responses were promised not to be tied to a person, so they are not
counted as people here (their neighborhood and language breakdowns live on the results pages)."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import F
from django.db.models.functions import Coalesce

from engagements.participation import Activity, Channel, Taking, person_key, profile_language

from .models import Anonymity, Response, ResponseMode


def survey_takings(start: datetime, end: datetime) -> Iterable[Taking]:
    rows = (
        Response.objects.filter(
            survey__anonymity=Anonymity.IDENTIFIED,
            user__isnull=False,
            submitted_on__gte=start.date(),
            submitted_on__lt=end.date(),
        )
        .values_list(
            "user_id",
            "mode",
            profile_language("user"),
            Coalesce(F("user__neighborhood_id"), F("neighborhood_id")),
            "survey__engagement_id",
        )
        .order_by()
    )
    for user_id, mode, language, neighborhood_id, engagement_id in rows.iterator(chunk_size=2000):
        yield Taking(
            person=person_key(user_id=user_id, record=""),
            user_id=user_id,
            activity=Activity.SURVEY,
            channel=Channel.PAPER if mode == ResponseMode.PAPER else Channel.ONLINE,
            language=language,
            neighborhood_id=neighborhood_id,
            engagement_id=engagement_id,
        )
