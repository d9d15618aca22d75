from django.db import transaction

from .models import Access, SurveyStatus
from .services import invitations_create, invitations_send


def invite_attendees(sender, *, engagement_id: int, recipients, key: str, **kwargs) -> None:
    """When a session of an engagement ends, invite the people who came to its open
    attendee surveys."""
    from .models import Survey

    surveys = Survey.objects.filter(
        engagement_id=engagement_id, access=Access.ATTENDEES, status=SurveyStatus.OPEN
    )
    for survey in surveys:
        with transaction.atomic():
            invitations_create(survey=survey, recipients=recipients(), occasion=key)
            invitations_send(survey=survey)
