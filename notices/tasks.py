"""Celery tasks: thin, idempotent, ids only. The work is in services."""

from celery import shared_task
from django.db import OperationalError


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def delivery_send_batch(delivery_ids: list[int]) -> dict[str, int]:
    from .services import deliveries_send

    return deliveries_send(ids=delivery_ids)


@shared_task(acks_late=True)
def deliveries_sweep() -> int:
    from .services import deliveries_sweep as sweep

    return sweep()


@shared_task(acks_late=True)
def notices_release_due() -> int:
    from .services.scheduling import notices_release_due as release_due

    return release_due()
