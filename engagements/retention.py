"""The retention schedule: a registry of rules, one per kind of personal data.

A rule names the data, its default period, how to find what is past its period (`select_due`), the
path to the legal-hold flag that protects it (`hold_lookup`), and how to purge or anonymise it
(`apply`). The platform registers its own rules; spectrum apps register theirs in
AppConfig.ready(), so the platform never imports them. `engagements.services.retention` runs them.

Contract for a rule:
- `select_due(cutoff, now)` returns a queryset of the rows whose period ended at or before
  `cutoff` (`now` minus the period) and that still hold the data the rule removes, so a second run
  finds nothing (idempotency). `now` is the run's time, for a rule that keeps some rows longer;
- `hold_lookup` is an ORM path from that model to a `legal_hold` boolean; a row whose path ends in
  a null relation is not held;
- `apply(queryset, now)` purges or anonymises exactly the rows of `queryset` (already locked and
  not held; the queryset checks the hold again) and returns how many it changed. It is called once
  per chunk of rows, each in its own transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

BACKSTOP = gettext_lazy(
    "Once the engagement is closed, what is left also goes this many days after the latest of "
    "the closing, a later report-back and the contact itself."
)


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: Promise | str
    description: Promise | str
    default_days: int
    select_due: Callable[[datetime, datetime], QuerySet]
    hold_lookup: str
    apply: Callable[[QuerySet, datetime], int]

    def held_q(self) -> Q:
        return Q(**{self.hold_lookup: True})

    def released_q(self) -> Q:
        # A null relation on the way (a notice with no engagement) means nothing holds the row.
        return Q(**{self.hold_lookup: False}) | Q(**{f"{self.hold_lookup}__isnull": True})

    def holder(self, model: type[Model]) -> tuple[str, type[Model]]:
        """The path from `model` to the row that carries the hold flag, and that row's model
        ("" and `model` itself when the flag is on the row)."""
        path = self.hold_lookup.rsplit("__", 1)[0] if "__" in self.hold_lookup else ""
        holder = model
        for name in path.split("__") if path else ():
            holder = holder._meta.get_field(name).related_model
        return path, holder


_rules: dict[str, RetentionRule] = {}


def register(rule: RetentionRule) -> None:
    _rules[rule.key] = rule


def rules() -> list[RetentionRule]:
    return [_rules[key] for key in sorted(_rules)]


def rule_label(key: str):
    rule = _rules.get(key)
    return rule.label if rule else key


def given_before_latest_report_back(*, engagement: str, given_at: str, cutoff: datetime) -> Q:
    """Rows given before their engagement's latest published report-back, when that report-back
    was published at or before `cutoff`.

    `engagement` is the ORM path from the row to its engagement, `given_at` the row's own time
    (when the input was received, the sign-up or invitation made). The latest report-back counts,
    so contacts stay while the agency is still reporting back; a contact left after it waits for
    a later one; an engagement with no published report-back is never due.
    """
    from .models import ReportBack

    published = ReportBack.objects.filter(engagement=OuterRef(engagement))
    answered = published.filter(published_at__gt=OuterRef(given_at), published_at__lte=cutoff)
    return Q(Exists(answered)) & ~Q(Exists(published.filter(published_at__gt=cutoff)))


def with_backstop(description: Promise) -> Promise:
    """A guest-contact rule's description with the closed-engagement backstop said once, in one
    translatable sentence shared by every such rule."""
    return format_lazy("{} {}", description, BACKSTOP)


def closed_a_period_ago(*, engagement: str, given_at: str, cutoff: datetime) -> Q:
    """The backstop: rows of an engagement that was closed at or before `cutoff`, given at or
    before `cutoff` themselves, with no report-back published after `cutoff`.

    A contact given after the latest report-back waits for a later one; once the engagement is
    closed none may come, so without this it would be kept forever. The clock runs from the
    latest of the closing, the latest report-back and the row's own time.
    """
    from .models import ReportBack

    published = ReportBack.objects.filter(engagement=OuterRef(engagement))
    return Q(**{f"{engagement}__closed_at__lte": cutoff, f"{given_at}__lte": cutoff}) & ~Q(
        Exists(published.filter(published_at__gt=cutoff))
    )


def guest_contact_due(*, engagement: str, given_at: str, cutoff: datetime) -> Q:
    """Given before the latest report-back a period old, or on an engagement closed a period
    ago (the backstop, `closed_a_period_ago`)."""
    return given_before_latest_report_back(
        engagement=engagement, given_at=given_at, cutoff=cutoff
    ) | closed_a_period_ago(engagement=engagement, given_at=given_at, cutoff=cutoff)


# --- The platform's own rule: guest contact details left with an input -------------------------


def _inputs_due(cutoff: datetime, now: datetime) -> QuerySet:
    from .models import Input

    return Input.objects.filter(
        guest_contact_due(engagement="engagement", given_at="received_at", cutoff=cutoff)
    ).exclude(contact_name="", contact_email="", contact_phone="")


def _inputs_anonymise(queryset: QuerySet, now: datetime) -> int:
    # The input, its text and its place in the loop stay; only the way to reach the guest goes.
    return queryset.update(
        contact_name="", contact_email="", contact_phone="", contact_consent=False
    )


def register_platform_rules() -> None:
    from django.utils.translation import gettext_lazy as _

    register(
        RetentionRule(
            key="input_guest_contacts",
            label=_("Guest contact details left with comments and questions"),
            description=with_backstop(
                _(
                    "Name, email and phone a guest left with an input are blanked this many days "
                    "after the engagement's latest report-back was published, if the input came "
                    "before it. The input stays."
                )
            ),
            default_days=90,
            select_due=_inputs_due,
            hold_lookup="engagement__legal_hold",
            apply=_inputs_anonymise,
        )
    )
