"""Running the retention schedule, and setting or releasing legal holds."""

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from accounts.models import User

from ..models import LegalHold, RetentionPolicy, RetentionRun
from ..retention import RetentionRule, rules

logger = logging.getLogger(__name__)

# What a run record keeps of a rule's error, after its class: the message of a database error can
# quote the data (a key, an address), so it goes only to the log.
RULE_FAILED = "the rule failed; the details are in the server log"

# Rows purged per transaction. Each chunk commits, so a first purge of years of data that runs
# into the task's time limit or an error keeps the chunks already done, and the next run goes on
# from there instead of rolling everything back and starting again.
CHUNK_SIZE = 1000


@dataclass
class RuleResult:
    key: str
    label: str
    period_days: int
    enabled: bool
    due: int = 0
    held: int = 0
    done: int = 0
    error: str = ""


@dataclass
class RetentionReport:
    run: RetentionRun
    dry_run: bool
    rows: list[RuleResult]

    @property
    def total_done(self) -> int:
        return sum(row.done for row in self.rows)


def retention_policies_ensure() -> dict[str, RetentionPolicy]:
    """Every registered rule has its policy row; a missing one is created with the rule's default
    period, so a records officer finds them all in the admin and changes them there.

    A new rule starts switched off: public-records law may require the agency to keep some of this
    longer than our defaults, so nothing is removed until someone who knows the agency's schedule
    has checked the period and switched the rule on. Until then every run still reports what
    would be due."""
    policies = {policy.key: policy for policy in RetentionPolicy.objects.all()}
    for rule in rules():
        if rule.key not in policies:
            policies[rule.key], _created = RetentionPolicy.objects.get_or_create(
                key=rule.key, defaults={"period_days": rule.default_days, "enabled": False}
            )
    return policies


def _run_rule(
    *,
    rule: RetentionRule,
    policy: RetentionPolicy,
    result: RuleResult,
    dry_run: bool,
    now: datetime,
):
    """Count, and unless this is a dry run or the rule is off, purge in chunks. Fills in `result`
    as it goes, so a failure part-way still reports what was counted and what was done."""
    cutoff = now - timedelta(days=policy.period_days)
    due = rule.select_due(cutoff, now)
    counts = due.aggregate(
        due=Count("pk", filter=rule.released_q()), held=Count("pk", filter=rule.held_q())
    )
    result.due, result.held = counts["due"], counts["held"]
    if dry_run or not policy.enabled or not result.due:
        return
    after = None
    while True:
        with transaction.atomic():
            done, after = _purge_chunk(rule=rule, due=due, after=after, now=now)
        if after is None:
            return
        result.done += done


def _purge_chunk(*, rule: RetentionRule, due: QuerySet, after, now: datetime):
    """Purge the next CHUNK_SIZE due rows with a primary key above `after`, in the caller's
    transaction. Returns (rows changed, last key looked at), or (0, None) when nothing is left.

    The rows' holders (e.g. their engagement) are locked before the rows, in key order, so a hold
    being set waits for this chunk to commit, or this chunk waits for the hold and skips its
    rows: the hold is checked again under the lock and once more in the purge statements
    themselves. Rows another run has locked are skipped and left for the next run. Walking the
    keys upwards means a skipped row is not picked up again in this run."""
    model = due.model
    candidates = due.filter(rule.released_q())
    if after is not None:
        candidates = candidates.filter(pk__gt=after)
    ids = list(candidates.order_by("pk").values_list("pk", flat=True)[:CHUNK_SIZE])
    if not ids:
        return 0, None
    holder_path, holder_model = rule.holder(model)
    if holder_model is not model:
        holders = model._default_manager.filter(pk__in=ids).values(holder_path)
        # FOR NO KEY UPDATE: a hold being set (FOR UPDATE) waits, but new rows that point at
        # the holder (an input for the engagement) do not.
        list(
            holder_model._default_manager.filter(pk__in=holders)
            .order_by("pk")
            .select_for_update(no_key=True)
            .values_list("pk", flat=True)
        )
    locked = list(
        due.filter(rule.released_q(), pk__in=ids)
        .order_by("pk")
        .select_for_update(of=("self",), skip_locked=True)
        .values_list("pk", flat=True)
    )
    purge = model._default_manager.filter(rule.released_q(), pk__in=locked)
    return (rule.apply(purge, now) if locked else 0), ids[-1]


def retention_run(*, dry_run: bool, now: datetime | None = None, triggered_by: str = ""):
    """Count, and unless `dry_run` purge or anonymise, what every rule finds past its period.

    Each rule counts in one query, then purges in chunks of CHUNK_SIZE rows, one transaction
    each, locking the rows it changes and their legal-hold holders; held rows are counted, never
    touched. A rule that fails is rolled back and reported by the class of its error only
    (a database error's text can quote the data); the full error goes to the log. The others
    still run. Running it twice changes nothing the second time. Records a RetentionRun and logs
    the counts.
    """
    now = now or timezone.now()
    run = RetentionRun.objects.create(dry_run=dry_run, as_of=now, triggered_by=triggered_by[:100])
    policies = retention_policies_ensure()
    rows = []
    for rule in rules():
        policy = policies[rule.key]
        row = RuleResult(
            key=rule.key,
            label=str(rule.label),
            period_days=policy.period_days,
            enabled=policy.enabled,
        )
        try:
            _run_rule(rule=rule, policy=policy, result=row, dry_run=dry_run, now=now)
        except SoftTimeLimitExceeded:
            # The task's time is up: stop the whole run, but record what the committed chunks
            # did, so the run shows an end and the next night carries on from there.
            row.error = f"SoftTimeLimitExceeded: {RULE_FAILED}"
            rows.append(row)
            _finish(run, rows)
            raise
        except Exception as error:
            logger.exception("retention rule %s failed", rule.key)
            row.error = f"{type(error).__name__}: {RULE_FAILED}"
        logger.info(
            "retention %s %s: due=%d held=%d done=%d",
            "dry-run" if dry_run else "apply",
            row.key,
            row.due,
            row.held,
            row.done,
        )
        rows.append(row)
    _finish(run, rows)
    return RetentionReport(run=run, dry_run=dry_run, rows=rows)


def _finish(run: RetentionRun, rows: list[RuleResult]) -> None:
    run.report = {row.key: {k: v for k, v in asdict(row).items() if k != "key"} for row in rows}
    run.finished_at = timezone.now()
    run.save(update_fields=["report", "finished_at"])


@transaction.atomic
def legal_hold_set(*, obj: LegalHold, reason: str, set_by: User | None) -> LegalHold:
    """Put `obj` (an engagement or a case) under legal hold. Locks its row."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A legal hold needs a reason.")
    obj = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    obj.legal_hold, obj.legal_hold_reason = True, reason
    obj.legal_hold_set_by, obj.legal_hold_set_at = set_by, timezone.now()
    obj.save(
        update_fields=[
            "legal_hold",
            "legal_hold_reason",
            "legal_hold_set_by",
            "legal_hold_set_at",
        ]
    )
    logger.info(
        "legal hold set on %s %s by %s", obj._meta.label, obj.pk, getattr(set_by, "pk", None)
    )
    return obj


@transaction.atomic
def legal_hold_release(*, obj: LegalHold, released_by: User | None) -> LegalHold:
    """Release the hold: the next retention run treats the data like any other. Locks the row."""
    obj = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    # Never the reason: it may name a person.
    logger.info(
        "legal hold released on %s %s by %s",
        obj._meta.label,
        obj.pk,
        getattr(released_by, "pk", None),
    )
    obj.legal_hold, obj.legal_hold_reason = False, ""
    obj.legal_hold_set_by, obj.legal_hold_set_at = None, None
    obj.save(
        update_fields=[
            "legal_hold",
            "legal_hold_reason",
            "legal_hold_set_by",
            "legal_hold_set_at",
        ]
    )
    return obj
