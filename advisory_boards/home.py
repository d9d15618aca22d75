"""The staff home's list of board comments waiting for the agency's answer (engagements.panels)."""

from django.db.models import Count, Q

from .models import PolicyDraft


def comments_waiting_section(user) -> dict | None:
    drafts = list(
        PolicyDraft.objects.annotate(
            waiting=Count(
                "versions__sections__comments",
                filter=Q(
                    versions__sections__comments__parent__isnull=True,
                    versions__sections__comments__response__isnull=True,
                ),
            )
        )
        .filter(waiting__gt=0)
        .select_related("board")
        .order_by("-waiting", "pk")[:10]
    )
    return {"template": "advisory_boards/includes/home_comments.html", "drafts": drafts}
