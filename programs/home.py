"""The staff home's list of the sessions a staff member hosts (engagements.panels)."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from .models import RegistrationStatus, Session


def upcoming_sessions_section(user) -> dict:
    now = timezone.now()
    sessions = list(
        Session.objects.active()
        .filter(
            Q(hosts=user) | Q(program__engagement__owner=user),
            starts_at__gte=now,
            starts_at__lte=now + timedelta(days=14),
        )
        .distinct()
        .select_related("program__engagement", "venue")
        .annotate(
            confirmed=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
                distinct=True,
            )
        )
        .order_by("starts_at")[:10]
    )
    return {"template": "programs/includes/home_sessions.html", "sessions": sessions}
