"""Confidential case review, meetings, applications, conflicts and the composition report."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Demographics
from advisory_boards.models import (
    AccessLog,
    BoardKind,
    CaseFile,
    CaseStatus,
    Meeting,
    MemberRole,
    MinutesStatus,
)
from advisory_boards.selectors_more import board_composition, cases_visible_to
from advisory_boards.services import (
    ApplicationError,
    CaseError,
    MeetingError,
    application_decide,
    application_submit,
    case_create,
    case_record_decision,
    case_record_findings,
    meeting_record,
    meeting_save,
)
from engagements.models import CommunityFigures
from tests.advisory_boards.conftest import add_member, make_board
from tests.factories import NeighborhoodFactory, UserFactory

pytestmark = pytest.mark.django_db

WHO = [
    "anonymous",
    "resident",
    "member_a",
    "member_b",
    "expired_member",
    "removed_member",
    "member_without_agreement",
    "staff",
    "admin",
]


@pytest.fixture
def case(boards):
    review_board = boards["a"]
    review_board.kind = BoardKind.CITIZEN_REVIEW
    review_board.save()
    case = case_create(
        board=review_board,
        values={"reference": "CRB-2026-014", "summary": "Complaint about a traffic stop."},
        created_by=boards["people"]["staff"],
    )
    CaseFile.objects.create(
        case=case, title="Redacted report", file=ContentFile(b"%PDF case", name="report.pdf")
    )
    return case


def _as(client, boards, who):
    person = boards["people"][who]
    if person is not None:
        client.force_login(person)
    return client


@pytest.mark.parametrize("who", WHO)
def test_confidential_case_matrix(client, boards, case, who):
    _as(client, boards, who)
    page = client.get(reverse("advisory_boards:case", kwargs={"pk": case.pk}))
    download = client.get(reverse("advisory_boards:case_file", kwargs={"pk": case.files.get().pk}))
    if who == "member_a":
        assert page.status_code == 200
        assert "Complaint about a traffic stop." in page.content.decode()
        assert "no-store" in page["Cache-Control"]
        assert download.status_code == 200
        assert "no-store" in download["Cache-Control"]
    else:
        # Staff prepare cases but cannot reopen them; admins read the log, not the case.
        assert page.status_code == 404
        assert download.status_code == 404
    person = boards["people"][who]
    if person is not None:
        listed = set(cases_visible_to(user=person).values_list("pk", flat=True))
        assert (case.pk in listed) is (who == "member_a")


def test_every_case_view_and_download_is_logged(client, boards, case):
    member = boards["people"]["member_a"]
    client.force_login(member)
    client.get(reverse("advisory_boards:case", kwargs={"pk": case.pk}))
    client.get(reverse("advisory_boards:case_file", kwargs={"pk": case.files.get().pk}))
    entries = list(AccessLog.objects.order_by("at", "pk").values_list("user", "action", "what"))
    assert entries == [
        (member.pk, "view", "case CRB-2026-014"),
        (member.pk, "download", f"file {case.files.get().pk} of case CRB-2026-014"),
    ]
    client.force_login(boards["people"]["admin"])
    log = client.get(reverse("staff:boards:access_log", kwargs={"pk": boards["a"].pk}))
    assert "case CRB-2026-014" in log.content.decode()


def test_staff_prepare_a_case_with_files_and_the_warning(client, boards):
    staff = boards["people"]["staff"]
    board = make_board("incidents", kind=BoardKind.INCIDENT_REVIEW)
    client.force_login(staff)
    url = reverse("staff:boards:case_create", kwargs={"pk": board.pk})
    form = client.get(url).content.decode()
    assert "Criminal-history record information does not belong here" in form
    missing = client.post(url, {"reference": "SIR-1", "summary": "Use of force."})
    assert missing.status_code == 200  # the confirmation is required
    page = client.post(
        url,
        {
            "reference": "SIR-1",
            "summary": "Use of force at a protest.",
            "no_criminal_history": "on",
            "files": [
                SimpleUploadedFile("timeline.pdf", b"%PDF 1"),
                SimpleUploadedFile("policy.pdf", b"%PDF 2"),
            ],
        },
    )
    assert page.status_code == 302
    case = board.cases.get()
    assert case.files.count() == 2
    assert client.get(reverse("advisory_boards:case", kwargs={"pk": case.pk})).status_code == 404
    bad = client.post(
        url,
        {
            "reference": "SIR-2",
            "summary": "x",
            "no_criminal_history": "on",
            "files": [SimpleUploadedFile("run.exe", b"MZ")],
        },
    )
    assert bad.status_code == 200
    assert not board.cases.filter(reference="SIR-2").exists()


def test_policy_boards_do_not_take_cases(boards):
    with pytest.raises(CaseError):
        case_create(
            board=boards["b"],
            values={"reference": "X", "summary": "y"},
            created_by=boards["people"]["staff"],
        )


def test_findings_then_the_liaisons_decision(client, boards, case):
    liaison = add_member(boards["a"], role=MemberRole.LIAISON)
    member = boards["people"]["member_a"]
    client.force_login(member)
    client.post(
        reverse("advisory_boards:case_findings", kwargs={"pk": case.pk}),
        {"findings": "The stop was lawful but poorly explained.", "recommendation": "Training."},
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.FINDINGS
    decide = reverse("advisory_boards:case_decision", kwargs={"pk": case.pk})
    assert client.post(decide, {"decision": "x"}).status_code == 404  # members do not decide
    client.force_login(liaison)
    client.post(decide, {"decision": "Refresher training for the unit."})
    case.refresh_from_db()
    assert case.status == CaseStatus.DECIDED
    with pytest.raises(CaseError):
        case_record_findings(case=case, findings="changed", recommendation="")
    with pytest.raises(CaseError):
        case_record_decision(case=case, decision="again")


def test_a_declared_conflict_recuses_the_member(client, boards, case):
    member = boards["people"]["member_a"]
    client.force_login(member)
    client.post(
        reverse("advisory_boards:declare", kwargs={"kind": "case", "pk": case.pk}),
        {"has_conflict": "yes", "details": "The officer is my neighbor."},
    )
    client.post(
        reverse("advisory_boards:case_findings", kwargs={"pk": case.pk}),
        {"findings": "Biased findings", "recommendation": ""},
    )
    case.refresh_from_db()
    assert case.findings == ""
    assert member.board_memberships.get().declarations.get().has_conflict


def test_a_conflict_needs_a_description(client, boards):
    member = boards["people"]["member_a"]
    client.force_login(member)
    client.post(
        reverse("advisory_boards:declare", kwargs={"kind": "draft", "pk": boards["secret"].pk}),
        {"has_conflict": "yes", "details": ""},
    )
    assert not member.board_memberships.get().declarations.exists()
    client.post(
        reverse("advisory_boards:declare", kwargs={"kind": "draft", "pk": boards["secret"].pk}),
        {"has_conflict": "no"},
    )
    assert member.board_memberships.get().declarations.get().has_conflict is False


def test_meetings_agenda_attendance_and_minutes(client, boards):
    board = boards["a"]
    member = boards["people"]["member_a"]
    meeting = meeting_save(
        board=board,
        values={
            "starts_at": timezone.now() - timedelta(days=1),
            "place": "Riverside Library",
            "agenda": "Welcome\nPursuit policy\nPublic comment",
        },
    )
    present = member.board_memberships.get()
    with pytest.raises(MeetingError):
        meeting_record(
            meeting=meeting,
            attendees=[present],
            minutes="Met.",
            minutes_status=MinutesStatus.PUBLIC,
        )
    meeting_record(meeting=meeting, attendees=[present], minutes="Met.", minutes_status="draft")
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Met." not in page  # draft minutes stay with the board
    meeting_record(meeting=meeting, attendees=[present], minutes="Met.", minutes_status="approved")
    with pytest.raises(MeetingError):
        meeting_record(
            meeting=meeting, attendees=[], minutes="Rewritten", minutes_status="approved"
        )
    meeting_record(meeting=meeting, attendees=[present], minutes="Met.", minutes_status="public")
    assert "Met." in client.get(board.get_absolute_url()).content.decode()
    with pytest.raises(MeetingError):
        meeting_record(meeting=meeting, attendees=[], minutes="Met.", minutes_status="draft")
    other = boards["people"]["member_b"].board_memberships.get()
    with pytest.raises(MeetingError):
        meeting_record(meeting=meeting, attendees=[other], minutes="Met.", minutes_status="public")
    assert list(Meeting.objects.get().attendees.all()) == [present]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("member_a", True),
        ("staff", True),
        ("member_b", False),
        ("resident", False),
        ("anonymous", False),
        ("member_without_agreement", False),
    ],
)
def test_meeting_pages_and_documents_are_for_the_board(client, boards, who, allowed):
    meeting = meeting_save(
        board=boards["a"],
        values={
            "starts_at": timezone.now() + timedelta(days=3),
            "place": "Hall",
            "agenda": "Budget",
        },
    )
    document = meeting.documents.create(
        title="Budget notes", file=ContentFile(b"notes", name="notes.txt")
    )
    _as(client, boards, who)
    page = client.get(reverse("advisory_boards:meeting", kwargs={"pk": meeting.pk}))
    download = client.get(reverse("advisory_boards:meeting_document", kwargs={"pk": document.pk}))
    assert page.status_code == (200 if allowed else 404)
    assert download.status_code == (200 if allowed else 404)


def test_residents_apply_and_staff_select_them(client, boards, django_capture_on_commit_callbacks):
    board = boards["b"]
    board.accepts_applications = True
    board.recruitment_questions_en = (
        "Which neighborhood do you know best?\nHave you been stopped by police?"
    )
    board.save()
    applicant = UserFactory(email="new@example.org")
    client.force_login(applicant)
    url = reverse("advisory_boards:apply", kwargs={"slug": board.slug})
    form = client.get(url).content.decode()
    assert "Have you been stopped by police?" in form
    client.post(url, {"motivation": "I want to help.", "answer_0": "Old Town", "answer_1": "Yes"})
    application = board.applications.get()
    assert application.answers[1] == {
        "question": "Have you been stopped by police?",
        "answer": "Yes",
    }
    with pytest.raises(ApplicationError):
        application_submit(board=board, user=applicant, motivation="Again", answers=[])
    mail.outbox.clear()
    staff = boards["people"]["staff"]
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("staff:boards:application_decide", kwargs={"pk": application.pk}),
            {"decision": "select", "term_start": timezone.localdate().isoformat()},
        )
    application.refresh_from_db()
    assert application.status == "selected"
    assert board.memberships.current().filter(user=applicant).exists()
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    with pytest.raises(ApplicationError):
        application_decide(application=application, select=False, decided_by=staff)


def test_closed_boards_take_no_applications(client, boards):
    client.force_login(boards["people"]["resident"])
    url = reverse("advisory_boards:apply", kwargs={"slug": boards["b"].slug})
    assert client.get(url).status_code == 404


def test_composition_against_community_figures(boards):
    board = make_board("composition")
    north, south = NeighborhoodFactory(name_en="North"), NeighborhoodFactory(name_en="South")
    CommunityFigures.objects.create(
        neighborhood=north, population=3000, age_band_shares={"18_24": 20, "65_plus": 10}
    )
    CommunityFigures.objects.create(
        neighborhood=south, population=1000, age_band_shares={"18_24": 40, "65_plus": 30}
    )
    for neighborhood, age in [
        (north, "65_plus"),
        (north, "65_plus"),
        (north, ""),
        (south, "18_24"),
    ]:
        person = UserFactory(neighborhood=neighborhood)
        if age:
            Demographics.objects.create(user=person, age_band=age, consented_at=timezone.now())
        add_member(board, person)
    report = board_composition(board=board)
    places = {row.label: row for row in report["neighborhoods"]}
    assert places["North"].members == 3
    assert places["North"].member_share == 75.0
    assert places["North"].community_share == 75.0
    assert places["North"].ratio == 1.0
    assert places["South"].ratio == 1.0
    ages = {row.label: row for row in report["ages"]}
    assert report["described"] == 3
    assert ages["18 to 24"].community_share == 25.0  # (3000*20 + 1000*40) / 4000
    assert ages["18 to 24"].member_share == 33.3
    assert ages["65 or older"].ratio == round(66.7 / 15.0, 2)


def test_staff_upload_draft_attachments_and_meeting_documents(client, boards):
    staff = boards["people"]["staff"]
    client.force_login(staff)
    draft = boards["secret"]
    url = reverse("staff:boards:attachment", kwargs={"pk": draft.pk})
    refused = client.post(url, {"title": "Tool", "file": SimpleUploadedFile("tool.exe", b"MZ")})
    assert refused.status_code == 200
    assert draft.attachments.count() == 1  # the fixture's one
    page = client.post(url, {"title": "Map", "file": SimpleUploadedFile("map.pdf", b"%PDF map")})
    assert page.status_code == 302
    assert draft.attachments.get(title="Map").uploaded_by == staff

    meeting = meeting_save(
        board=boards["a"],
        values={"starts_at": timezone.now(), "place": "Hall", "agenda": "Budget"},
    )
    page = client.post(
        reverse("staff:boards:meeting", kwargs={"pk": meeting.pk}),
        {"document": "1", "title": "Budget", "file": SimpleUploadedFile("b.pdf", b"%PDF b")},
    )
    assert page.status_code == 302
    document = meeting.documents.get()
    assert document.uploaded_by == staff
    with pytest.raises(ValueError, match="no URL"):
        document.file.url  # noqa: B018 - private storage
