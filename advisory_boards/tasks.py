from celery import shared_task


@shared_task(acks_late=True)
def drafts_advance() -> dict[str, int]:
    from .services import drafts_advance as advance

    return advance()
