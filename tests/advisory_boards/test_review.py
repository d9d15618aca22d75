"""The review: comments answered one by one, versions with a redline that names the comments
behind each change, positions, recommendations into the loop, and the review window's notices."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from advisory_boards.models import (
    CommentResponse,
    DraftStatus,
    Outcome,
    Position,
    RecommendationStatus,
    Visibility,
)
from advisory_boards.selectors import version_redline
from advisory_boards.services import (
    ReviewError,
    comment_add,
    comment_respond,
    draft_new_version,
    drafts_advance,
    recommendation_decide,
    recommendation_draft,
    recommendation_record_vote,
)
from engagements.models import Input, Source
from tests.advisory_boards.conftest import add_member, make_board, make_draft
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(db, staff):
    board = make_board("pursuit")
    member = add_member(board, UserFactory(email="rosa@example.org", display_name="Rosa"))
    draft = make_draft(board, staff=staff)
    return {"board": board, "member": member, "draft": draft}


def _section(draft, number="2", version=1):
    return draft.versions.get(number=version).sections.get(number=number)


def test_each_comment_gets_an_answer_that_reaches_the_commenter(
    client, staff, review, django_capture_on_commit_callbacks
):
    draft, member = review["draft"], review["member"]
    client.force_login(member)
    client.post(
        reverse(
            "advisory_boards:comment", kwargs={"pk": draft.pk, "section_pk": _section(draft).pk}
        ),
        {"text": "Name the speed at which a pursuit must stop."},
    )
    comment = _section(draft).comments.get()
    version = draft_new_version(
        draft=draft,
        sections=[
            {
                "key": "purpose",
                "number": "1",
                "heading": "Purpose",
                "body": "Officers may pursue a vehicle only when needed.",
            },
            {
                "key": "when-to-stop",
                "number": "2",
                "heading": "When to stop",
                "body": "Stop the pursuit above 80 km/h in town.",
            },
        ],
        note="Speed limit added",
        created_by=staff,
    )
    client.force_login(staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            reverse("staff:boards:respond", kwargs={"pk": comment.pk}),
            {
                f"r{comment.pk}-outcome": Outcome.ADOPTED,
                f"r{comment.pk}-reason": "Section 2 now names the speed.",
                f"r{comment.pk}-changed_section": version.sections.get(number="2").pk,
            },
        )
    assert page.status_code == 302
    response = CommentResponse.objects.get(comment=comment)
    assert response.outcome == Outcome.ADOPTED
    messages = [m for m in mail.outbox if m.to == ["rosa@example.org"]]
    assert len(messages) == 1
    # A board-only draft is not named in an email.
    assert "Confidential" not in messages[0].subject
    assert "pursuit" not in messages[0].body.lower()
    assert f"/boards/drafts/{draft.pk}/" in messages[0].body

    client.force_login(member)
    page = client.get(draft.get_absolute_url() + "?version=1").content.decode()
    assert "Section 2 now names the speed." in page


def test_an_adopted_answer_must_point_at_a_later_version(staff, review):
    draft = review["draft"]
    comment = comment_add(section=_section(draft), author=review["member"], text="Shorter, please")
    with pytest.raises(ReviewError):
        comment_respond(
            comment=comment,
            outcome=Outcome.ADOPTED,
            reason="Done",
            changed_section=_section(draft),  # the same version
            responded_by=staff,
        )
    with pytest.raises(ReviewError):
        comment_respond(comment=comment, outcome=Outcome.NOTED, reason=" ", responded_by=staff)
    answer = comment_respond(
        comment=comment,
        outcome=Outcome.NOT_ADOPTED,
        reason="Length is set by law.",
        responded_by=staff,
    )
    assert answer.changed_section is None


def test_the_redline_shows_changes_and_the_comments_behind_them(client, staff, review):
    draft, member = review["draft"], review["member"]
    comment = comment_add(section=_section(draft), author=member, text="Say when to stop exactly.")
    version = draft_new_version(
        draft=draft,
        sections=[
            {
                "key": "when-to-stop",
                "number": "1",
                "heading": "When to stop",
                "body": "Stop the pursuit when speeds exceed 80 km/h.",
            },
            {
                "key": "reporting",
                "number": "2",
                "heading": "Reporting",
                "body": "Report every pursuit within a day.",
            },
        ],
        note="Clearer stop rule; purpose removed",
        created_by=staff,
    )
    comment_respond(
        comment=comment,
        outcome=Outcome.ADOPTED,
        reason="We named the speed.",
        changed_section=version.sections.get(key="when-to-stop"),
        responded_by=staff,
    )
    _current, _previous, changes = version_redline(draft=draft, number=2)
    kinds = {change.key: change.kind for change in changes}
    assert kinds == {"when-to-stop": "changed", "reporting": "added", "purpose": "removed"}
    stop = next(change for change in changes if change.key == "when-to-stop")
    assert ("insert", "exceed") in [(k, t.strip()) for k, t in stop.body_runs]
    assert [response.comment for response in stop.led_by] == [comment]

    client.force_login(member)
    page = client.get(
        reverse("advisory_boards:changes", kwargs={"pk": draft.pk, "number": 2})
    ).content.decode()
    assert "<ins>" in page
    assert "<del>" in page
    assert f"#comment-{comment.pk}" in page
    assert "We named the speed." in page


def test_an_adopted_recommendation_becomes_an_input_and_the_decision_an_action(staff, review):
    draft = review["draft"]
    recommendation = recommendation_draft(
        draft=draft, text="Ban pursuits for property crimes.", created_by=staff
    )
    with pytest.raises(ReviewError):
        recommendation_decide(
            recommendation=recommendation, status="adopted", explanation="x", decided_by=staff
        )
    recommendation = recommendation_record_vote(
        recommendation=recommendation,
        votes_for=6,
        votes_against=2,
        votes_abstaining=1,
        recorded_by=staff,
    )
    assert recommendation.status == RecommendationStatus.ADOPTED
    item = Input.objects.get(pk=recommendation.input_id)
    assert item.engagement == draft.engagement
    assert item.source == Source.BOARD_RECOMMENDATION
    assert "Ban pursuits for property crimes." in item.text
    action = recommendation_decide(
        recommendation=recommendation,
        status="adopted",
        explanation="The pursuit policy now bans them.",
        decided_by=staff,
    )
    item.refresh_from_db()
    assert item.action == action
    with pytest.raises(ReviewError):
        recommendation_record_vote(
            recommendation=recommendation,
            votes_for=1,
            votes_against=0,
            votes_abstaining=0,
            recorded_by=staff,
        )


def test_a_rejected_recommendation_does_not_enter_the_loop(staff, review):
    recommendation = recommendation_draft(draft=review["draft"], text="x", created_by=staff)
    recommendation = recommendation_record_vote(
        recommendation=recommendation,
        votes_for=2,
        votes_against=5,
        votes_abstaining=0,
        recorded_by=staff,
    )
    assert recommendation.status == RecommendationStatus.REJECTED
    assert recommendation.input is None


def test_the_public_board_page_shows_recommendations_and_decisions(client, staff, review):
    recommendation = recommendation_draft(
        draft=review["draft"], text="Publish pursuit numbers every quarter.", created_by=staff
    )
    recommendation = recommendation_record_vote(
        recommendation=recommendation,
        votes_for=7,
        votes_against=0,
        votes_abstaining=0,
        recorded_by=staff,
    )
    recommendation_decide(
        recommendation=recommendation,
        status="adopted",
        explanation="Quarterly from next year.",
        decided_by=staff,
    )
    page = client.get(review["board"].get_absolute_url()).content.decode()
    assert "Publish pursuit numbers every quarter." in page
    assert "Quarterly from next year." in page
    # The draft was board-only: its title stays with the board, here and in the loop.
    assert review["draft"].title not in page
    engagement_page = client.get(review["draft"].engagement.get_absolute_url()).content.decode()
    assert "Review of the vehicle pursuits policy" in engagement_page
    item = recommendation.input
    item.refresh_from_db()
    assert review["draft"].title not in item.text
    assert review["draft"].title not in engagement_page


def test_members_state_a_position_once_and_may_change_it(client, review):
    draft, member = review["draft"], review["member"]
    client.force_login(member)
    url = reverse("advisory_boards:position", kwargs={"pk": draft.pk})
    client.post(url, {"stance": "amend", "rationale": "Needs a speed limit."})
    client.post(url, {"stance": "support", "rationale": "Now it has one."})
    position = Position.objects.get()
    assert position.stance == "support"
    assert "Now it has one." in client.get(draft.get_absolute_url()).content.decode()


def test_residents_comment_during_a_public_comment_period(client, staff):
    board = make_board("cameras")
    draft = make_draft(board, visibility=Visibility.PUBLIC, title="Body cameras", staff=staff)
    resident = UserFactory(display_name="Private Name")
    client.force_login(resident)
    section = _section(draft, number="1")
    page = client.post(
        reverse("advisory_boards:comment", kwargs={"pk": draft.pk, "section_pk": section.pk}),
        {"text": "Keep the footage 90 days."},
    )
    assert page.status_code == 302
    client.logout()
    public = client.get(draft.get_absolute_url()).content.decode()
    assert "Keep the footage 90 days." in public
    assert "Private Name" not in public  # residents' names are not published


def test_the_review_window_opens_reminds_and_closes_with_notices(
    staff, django_capture_on_commit_callbacks
):
    board = make_board("window")
    add_member(board, UserFactory(email="member@example.org"))
    today = timezone.localdate()
    draft = make_draft(board, staff=staff, status=DraftStatus.PREPARING)
    draft.review_opens_on = today
    draft.review_closes_on = today + timedelta(days=2)
    draft.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert drafts_advance(today=today) == {"opened": 1, "reminded": 1, "closed": 0}
        assert drafts_advance(today=today) == {"opened": 0, "reminded": 0, "closed": 0}
    draft.refresh_from_db()
    assert draft.status == DraftStatus.IN_REVIEW
    subjects = sorted(m.subject for m in mail.outbox if m.to == ["member@example.org"])
    assert len(subjects) == 2
    assert all("Pursuit policy" not in subject for subject in subjects)  # board-only: not named
    with django_capture_on_commit_callbacks(execute=True):
        assert drafts_advance(today=today + timedelta(days=3))["closed"] == 1
    draft.refresh_from_db()
    assert draft.status == DraftStatus.CLOSED


@pytest.mark.parametrize("count", [3, 40])
def test_review_page_query_count_does_not_grow_with_comments(
    client, staff, review, django_assert_max_num_queries, count
):
    draft, member = review["draft"], review["member"]
    for number in range(count):
        section = _section(draft, number=str(1 + number % 2))
        comment = comment_add(section=section, author=UserFactory(), text=f"Comment {number}")
        comment_add(section=section, author=member, text="A reply", parent=comment)
        comment_respond(comment=comment, outcome=Outcome.NOTED, reason="Thanks", responded_by=staff)
    client.force_login(member)
    with django_assert_max_num_queries(30):
        assert client.get(draft.get_absolute_url()).status_code == 200
    client.force_login(staff)
    with django_assert_max_num_queries(40):
        assert client.get(draft.get_absolute_url()).status_code == 200
