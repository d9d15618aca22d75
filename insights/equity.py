"""Participation equity: who took part over a period, set against who lives here.

Each person counts once, whatever and however often they took part. Account holders are described
by their profile (neighborhood, preferred language) and, only where they consented, by their
self-described demographics; guests by what the record of their taking part says. The community side
comes from `CommunityFigures`, entered by an admin per neighborhood.

A group is under-represented when its share of participants is below UNDER_REPRESENTED times its
share of the community (the "four-fifths" yardstick), judged only for groups that are at least
MIN_COMMUNITY_SHARE of the community. Counts under SMALL_CELL are hidden, with the cells that would
let someone work them out, because this page and its CSV travel.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from accounts.models import AgeBand, Demographics, RaceEthnicity, User
from engagements.models import CommunityFigures, Neighborhood
from engagements.participation import Activity, Channel, takings
from engagements.suppression import SMALL_CELL, suppress, suppress_lines

UNDER_REPRESENTED = 0.8
MIN_COMMUNITY_SHARE = 0.01
NOT_STATED = ""


@dataclass
class Group:
    key: str
    label: str
    participants: int | None  # None: hidden (small cell)
    share: float | None = None  # of participants whose value is known
    community_share: float | None = None
    ratio: float | None = None
    under_represented: bool = False

    @property
    def share_percent(self) -> float | None:
        return None if self.share is None else round(100 * self.share, 1)

    @property
    def community_percent(self) -> float | None:
        return None if self.community_share is None else round(100 * self.community_share, 1)


@dataclass
class Dimension:
    key: str
    title: str
    groups: list[Group]
    not_stated: int | None
    # True when each person is in exactly one group (totals add up, so derivable cells matter).
    partition: bool = True
    note: str = ""

    @property
    def under_represented(self) -> list[Group]:
        return [group for group in self.groups if group.under_represented]

    @property
    def has_community(self) -> bool:
        return any(group.community_share is not None for group in self.groups)


@dataclass
class EquityReport:
    start: date
    end: date
    total: int | None
    by_activity: list[tuple[str, int | None]]
    dimensions: list[Dimension] = field(default_factory=list)
    neighborhoods_without_figures: list[str] = field(default_factory=list)
    computed_at: datetime = field(default_factory=timezone.now)

    def dimension(self, key: str) -> Dimension:
        return next(dimension for dimension in self.dimensions if dimension.key == key)


@dataclass
class _Person:
    user_id: int | None = None
    language: str = ""
    neighborhood_id: int | None = None
    activities: set = field(default_factory=set)
    channels: set = field(default_factory=set)


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Agency dates, inclusive, as aware datetimes [start, end + 1 day)."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def people_in_period(*, start: date, end: date) -> dict[str, _Person]:
    """Everyone who took part, keyed by person, described by their profile (account holders) or
    their records (guests), as the sources report them."""
    people: dict[str, _Person] = defaultdict(_Person)
    lower, upper = period_bounds(start, end)
    for taking in takings(start=lower, end=upper):
        person = people[taking.person]
        person.user_id = taking.user_id
        person.activities.add(taking.activity)
        person.channels.add(taking.channel)
        person.language = taking.language or person.language
        person.neighborhood_id = taking.neighborhood_id or person.neighborhood_id
    _merge_guests_with_accounts(people)
    return people


def _merge_guests_with_accounts(people: dict[str, _Person]) -> None:
    """A guest who wrote in by email and later made an account with that address (or the other
    way round) is one person, described by the account."""
    emails = {key[2:]: key for key in people if key.startswith("g:") and "@" in key}
    if not emails:
        return
    accounts = User.objects.filter(email__in=list(emails)).values_list(
        "email", "pk", "language", "neighborhood_id"
    )
    for email, pk, language, neighborhood_id in accounts.iterator(chunk_size=2000):
        guest = people.pop(emails[email.lower()], None)
        if guest is None:
            continue
        person = people[f"u:{pk}"]
        person.user_id = pk
        person.activities |= guest.activities
        person.channels |= guest.channels
        person.language = language or person.language or guest.language
        person.neighborhood_id = neighborhood_id or person.neighborhood_id or guest.neighborhood_id


def _weighted_shares(figures: list[CommunityFigures], attribute: str) -> dict[str, float]:
    """Community shares (0..1) of each group, weighted by the population of the neighborhoods
    whose figures give this attribute."""
    weighted: Counter = Counter()
    population = 0
    for row in figures:
        shares = getattr(row, attribute) or {}
        if not shares:
            continue
        population += row.population
        for key, percent in shares.items():
            weighted[key] += row.population * float(percent) / 100
    return {key: value / population for key, value in weighted.items()} if population else {}


def _language_label(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _dimension(
    *,
    key: str,
    title: str,
    counts: Counter,
    labels: dict[str, str],
    community: dict[str, float],
    partition: bool,
    total: int,
    note: str = "",
) -> Dimension:
    """One breakdown. `total` is the number of people it describes (a figure the page shows)."""
    extra = (set(counts) | set(community)) - set(labels) - {NOT_STATED}
    keys = list(labels) + sorted(extra)
    raw = [counts.get(k, 0) for k in keys]
    if partition:
        # Shares are of the people whose value is known, so a reader who sees one count and its
        # share knows that sum: the groups are suppressed against it. "Not stated" is the total
        # minus that sum, so it is shown as it is; it says nothing about anyone.
        known = sum(raw)
        shown = suppress_lines(raw, [list(range(len(raw)))])
        if 0 < known < SMALL_CELL:
            shown = [None] * len(raw)
        # Shown as it is, unless the people it is taken from are themselves a handful.
        shown_not_stated = None if 0 < total < SMALL_CELL else counts.get(NOT_STATED, 0)
    else:
        # A person may be in several groups; shares are of the people (a figure already shown),
        # so they add nothing to what the counts say.
        known = total
        shown = suppress_lines(raw, [])
        shown_not_stated = None
    groups = []
    for k, count, visible in zip(keys, raw, shown, strict=True):
        share = count / known if known else None
        community_share = community.get(k)
        ratio = share / community_share if share is not None and community_share else None
        # With a handful of people, "every place but one is under-represented" says where they
        # live: no verdicts below SMALL_CELL.
        under = bool(
            community_share is not None
            and community_share >= MIN_COMMUNITY_SHARE
            and known >= SMALL_CELL
            and ratio is not None
            and ratio < UNDER_REPRESENTED
        )
        hidden = visible is None
        groups.append(
            Group(
                key=k,
                label=labels.get(k, _language_label(k) if key == "language" else k),
                participants=visible,
                # A hidden count must not come back through its share or its ratio.
                share=None if hidden else share,
                community_share=community_share,
                ratio=None if hidden or ratio is None else round(ratio, 2),
                under_represented=under,
            )
        )
    return Dimension(
        key=key,
        title=title,
        groups=groups,
        not_stated=shown_not_stated,
        partition=partition,
        note=note,
    )


def equity_report(*, start: date, end: date) -> EquityReport:
    people = people_in_period(start=start, end=end)
    total = len(people)
    figures = list(CommunityFigures.objects.select_related("neighborhood"))
    neighborhoods = list(Neighborhood.objects.order_by("name"))

    activity_counts = Counter(a for person in people.values() for a in person.activities)
    activity_shown, _total = suppress([activity_counts[a] for a in Activity.values], None)
    shown_total = None if total and total < SMALL_CELL else total

    population = sum(row.population for row in figures)
    by_neighborhood = Counter(str(p.neighborhood_id or NOT_STATED) for p in people.values())
    neighborhood_dimension = _dimension(
        key="neighborhood",
        title=_("Neighborhood"),
        counts=by_neighborhood,
        labels={str(n.pk): n.name for n in neighborhoods},
        community={str(row.neighborhood_id): row.population / population for row in figures}
        if population
        else {},
        partition=True,
        total=total,
    )
    language_dimension = _dimension(
        key="language",
        title=_("Language"),
        counts=Counter(p.language or NOT_STATED for p in people.values()),
        labels={code: str(name) for code, name in settings.LANGUAGES},
        community=_weighted_shares(figures, "language_shares"),
        partition=True,
        total=total,
        note=_(
            "Participants: the language they use with us. Community: languages spoken at home. "
            "A language the portal does not offer shows how many people it would reach."
        ),
    )
    channel_dimension = _dimension(
        key="channel",
        title=_("How people took part"),
        counts=Counter(c for p in people.values() for c in p.channels),
        labels=dict(Channel.choices),
        community={},
        partition=False,
        total=total,
        note=_("A person who took part in several ways counts once in each."),
    )

    # Read every consenting person's row rather than pass a list of (possibly 100,000) ids to the
    # database, which costs more in building the query than in reading a few extra rows.
    described = [
        (age_band, races)
        for user_id, age_band, races in Demographics.objects.values_list(
            "user_id", "age_band", "race_ethnicity"
        ).iterator(chunk_size=5000)
        if f"u:{user_id}" in people
    ]
    ages = Counter(
        age if age and age != AgeBand.PREFER_NOT else NOT_STATED for age, _races in described
    )
    races = Counter(
        race for _age, chosen in described for race in chosen if race != RaceEthnicity.PREFER_NOT
    )
    demographic_note = _(
        "Only people who chose to describe themselves and consented to this use: %(count)s."
    ) % {"count": len(described) if len(described) >= SMALL_CELL else _("fewer than 11")}
    age_dimension = _dimension(
        key="age_band",
        title=_("Age"),
        counts=ages,
        labels={k: str(v) for k, v in AgeBand.choices if k != AgeBand.PREFER_NOT},
        community=_weighted_shares(figures, "age_band_shares"),
        partition=True,
        total=len(described),
        note=demographic_note,
    )
    race_dimension = _dimension(
        key="race_ethnicity",
        title=_("Race and ethnicity"),
        counts=races,
        labels={k: str(v) for k, v in RaceEthnicity.choices if k != RaceEthnicity.PREFER_NOT},
        community=_weighted_shares(figures, "race_ethnicity_shares"),
        partition=False,
        total=len(described),
        note=demographic_note + " " + str(_("People may choose several.")),
    )
    with_figures = {row.neighborhood_id for row in figures}
    return EquityReport(
        start=start,
        end=end,
        total=shown_total,
        by_activity=[
            (label, count)
            for (_value, label), count in zip(Activity.choices, activity_shown, strict=True)
        ],
        dimensions=[
            neighborhood_dimension,
            language_dimension,
            channel_dimension,
            age_dimension,
            race_dimension,
        ],
        neighborhoods_without_figures=[n.name for n in neighborhoods if n.pk not in with_figures],
    )
