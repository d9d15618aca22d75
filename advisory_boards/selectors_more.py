"""Reads for meetings, cases, applications and the board's composition."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import AgeBand, RaceEthnicity, User
from engagements.models import CommunityFigures, Neighborhood

from .models import (
    Board,
    BoardApplication,
    Case,
    CaseFile,
    Meeting,
    MeetingDocument,
    Membership,
    MinutesStatus,
)
from .predicates import bound_board_ids


def meetings_public(*, board: Board) -> tuple[list[Meeting], list[Meeting]]:
    now = timezone.now()
    upcoming = list(board.meetings.filter(starts_at__gte=now).order_by("starts_at")[:5])
    minutes = list(
        board.meetings.filter(starts_at__lt=now, minutes_status=MinutesStatus.PUBLIC).order_by(
            "-starts_at"
        )[:10]
    )
    return upcoming, minutes


def meetings_for_member(*, user: User) -> QuerySet[Meeting]:
    if not user.is_authenticated:
        return Meeting.objects.none()
    boards = Membership.objects.current().filter(user=user).values("board_id")
    return (
        Meeting.objects.filter(board_id__in=boards, starts_at__gte=timezone.now())
        .select_related("board")
        .order_by("starts_at")
    )


def meeting_get_for(*, user: User, pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("board").filter(pk=pk).first()
    if meeting is None or not user.has_perm("advisory_boards.view_meeting", meeting):
        raise Http404
    return meeting


def meeting_document_get_for(*, user: User, pk: int) -> MeetingDocument:
    document = MeetingDocument.objects.select_related("meeting__board").filter(pk=pk).first()
    if document is None or not user.has_perm("advisory_boards.view_meeting", document.meeting):
        raise Http404
    return document


def case_get_for(*, user: User, pk: int) -> Case:
    """Only the board's current members who accepted its agreement: not staff, not admins."""
    case = Case.objects.select_related("board").filter(pk=pk).first()
    if case is None or not user.has_perm("advisory_boards.view_case", case):
        raise Http404
    return case


def case_file_get_for(*, user: User, pk: int) -> CaseFile:
    case_file = CaseFile.objects.select_related("case__board").filter(pk=pk).first()
    if case_file is None or not user.has_perm("advisory_boards.view_case", case_file.case):
        raise Http404
    return case_file


def cases_visible_to(*, user: User) -> QuerySet[Case]:
    return Case.objects.filter(board_id__in=bound_board_ids(user)).select_related("board")


def applications_for(*, board: Board) -> QuerySet[BoardApplication]:
    return board.applications.select_related("user__neighborhood", "decided_by").order_by(
        "status", "-submitted_at"
    )


@dataclass
class CompositionRow:
    label: str
    members: int
    member_share: float | None
    community_share: float | None

    @property
    def ratio(self) -> float | None:
        if self.member_share is None or not self.community_share:
            return None
        return round(self.member_share / self.community_share, 2)


def _share(count: int, total: int) -> float | None:
    return round(100 * count / total, 1) if total else None


def board_composition(*, board: Board) -> dict:
    """Current members by neighborhood and self-described demographics (only where they
    consented), set against the community figures an admin entered per neighborhood."""
    memberships = list(
        Membership.objects.current()
        .filter(board=board)
        .select_related("user__neighborhood", "user__demographics")
    )
    figures = list(CommunityFigures.objects.select_related("neighborhood"))
    population = sum(figure.population for figure in figures)

    by_place = Counter(m.user.neighborhood_id for m in memberships)
    places = []
    for neighborhood in Neighborhood.objects.order_by("name"):
        figure = next((f for f in figures if f.neighborhood_id == neighborhood.pk), None)
        places.append(
            CompositionRow(
                label=neighborhood.name,
                members=by_place.get(neighborhood.pk, 0),
                member_share=_share(by_place.get(neighborhood.pk, 0), len(memberships)),
                community_share=_share(figure.population, population) if figure else None,
            )
        )

    described = [m.user.demographics for m in memberships if hasattr(m.user, "demographics")]

    def community(field: str) -> dict[str, float]:
        weighted: dict[str, float] = defaultdict(float)
        for figure in figures:
            for key, percent in (getattr(figure, field) or {}).items():
                weighted[key] += figure.population * float(percent)
        return {key: value / population for key, value in weighted.items()} if population else {}

    age_counts = Counter(d.age_band for d in described if d.age_band)
    age_community = community("age_band_shares")
    ages = [
        CompositionRow(
            label=str(label),
            members=age_counts.get(value, 0),
            member_share=_share(age_counts.get(value, 0), len(described)),
            community_share=round(age_community[value], 1) if value in age_community else None,
        )
        for value, label in AgeBand.choices
    ]
    race_counts = Counter(value for d in described for value in (d.race_ethnicity or []))
    race_community = community("race_ethnicity_shares")
    races = [
        CompositionRow(
            label=str(label),
            members=race_counts.get(value, 0),
            member_share=_share(race_counts.get(value, 0), len(described)),
            community_share=round(race_community[value], 1) if value in race_community else None,
        )
        for value, label in RaceEthnicity.choices
    ]
    return {
        "members": len(memberships),
        "described": len(described),
        "neighborhoods": places,
        "ages": ages,
        "races": races,
        "has_figures": bool(figures),
    }
