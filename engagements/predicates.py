import rules

from .models import Status


@rules.predicate
def is_draft(user, engagement) -> bool:
    return engagement is not None and engagement.status == Status.DRAFT


@rules.predicate
def is_published(user, engagement) -> bool:
    return engagement is not None and engagement.status == Status.PUBLISHED
