from celery import shared_task


@shared_task(acks_late=True)
def sessions_send_messages() -> dict[str, int]:
    from .services import sessions_send_reminders, sessions_send_thanks

    return {"reminders": sessions_send_reminders(), "thanks": sessions_send_thanks()}
