"""Run the retention schedule by hand: a dry run by default, a purge only with --apply."""

from django.core.management.base import BaseCommand

from engagements.services import retention_run


class Command(BaseCommand):
    help = (
        "Report, per retention rule, how many records are past their period (due), how many are "
        "kept by a legal hold (held) and how many were purged or anonymised (done). This is a DRY "
        "RUN that changes nothing unless you pass --apply. Periods are set in the admin under "
        "'Retention periods'; every run is recorded under 'Retention runs'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply",
            action="store_true",
            help="Purge or anonymise what is due. Without it nothing is changed.",
        )

    def handle(self, *args, apply: bool = False, **options):
        report = retention_run(dry_run=not apply, triggered_by="manage.py retention")
        self.stdout.write(
            "Retention: APPLIED (data was purged or anonymised)"
            if apply
            else "Retention: DRY RUN (nothing changed; pass --apply to purge)"
        )
        self.stdout.write(f"{'rule':<32} {'days':>6} {'due':>8} {'held':>8} {'done':>8}")
        for row in report.rows:
            note = "" if row.enabled else "  (purging off)"
            if row.error:
                note = f"  ERROR {row.error}"
            self.stdout.write(
                f"{row.key:<32} {row.period_days:>6} {row.due:>8} {row.held:>8} {row.done:>8}{note}"
            )
        self.stdout.write(f"Recorded as retention run {report.run.pk}.")
        if any(row.error for row in report.rows):
            self.stderr.write(self.style.ERROR("Some rules failed; see the log."))
