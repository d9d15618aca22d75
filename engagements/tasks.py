from celery import shared_task


@shared_task(acks_late=True)
def loop_send_reminders() -> dict[str, int]:
    from .services import actions_remind_owners, report_backs_remind_missing

    return {
        "action_owners": actions_remind_owners(),
        "report_backs_missing": report_backs_remind_missing(),
    }


# A purge of months of deliveries can take longer than the default task limits.
@shared_task(acks_late=True, soft_time_limit=1800, time_limit=2100)
def retention_apply() -> dict[str, int]:
    """Daily: purge or anonymise what the retention schedule says is due."""
    from .services import retention_run

    report = retention_run(dry_run=False, triggered_by="beat")
    return {row.key: row.done for row in report.rows}
