from celery import shared_task


@shared_task(acks_late=True)
def loop_send_reminders() -> dict[str, int]:
    from .services import actions_remind_owners, report_backs_remind_missing

    return {
        "action_owners": actions_remind_owners(),
        "report_backs_missing": report_backs_remind_missing(),
    }
