"""Confidential material stays with its board: every forbidden cell is 404 (the same as a missing
page), every allowed one works, and the same rule holds for lists, downloads and notices."""

import pytest
from django.urls import reverse

from advisory_boards.models import AccessLog
from advisory_boards.selectors import drafts_visible_to

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
MAY_OPEN_SECRET = {"member_a", "staff", "admin"}


def _client(client, boards, who):
    person = boards["people"][who]
    if person is not None:
        client.force_login(person)
    return client


@pytest.mark.parametrize("who", WHO)
def test_board_only_draft_page(client, boards, who):
    draft = boards["secret"]
    page = _client(client, boards, who).get(draft.get_absolute_url())
    if who in MAY_OPEN_SECRET:
        assert page.status_code == 200
        assert "When to stop" in page.content.decode()
        assert "no-store" in page["Cache-Control"]
    else:
        assert page.status_code == 404
        assert b"Confidential pursuit draft" not in page.content
        assert b"When to stop" not in page.content


@pytest.mark.parametrize("who", WHO)
def test_a_missing_draft_looks_the_same_as_a_forbidden_one(client, boards, who):
    page = _client(client, boards, who).get(reverse("advisory_boards:draft", kwargs={"pk": 999}))
    assert page.status_code == 404


@pytest.mark.parametrize("who", WHO)
def test_public_comment_draft_is_open_to_everyone(client, boards, who):
    page = _client(client, boards, who).get(boards["public"].get_absolute_url())
    assert page.status_code == 200
    assert "Body camera draft" in page.content.decode()


@pytest.mark.parametrize("who", WHO)
def test_attachment_download(client, boards, who):
    attachment = boards["attachment"]
    page = _client(client, boards, who).get(
        reverse("advisory_boards:attachment", kwargs={"pk": attachment.pk})
    )
    if who in MAY_OPEN_SECRET:
        assert page.status_code == 200
        assert b"".join(page.streaming_content) == b"%PDF-1.4 secret"
        assert "no-store" in page["Cache-Control"]
        assert "attachment" in page["Content-Disposition"]
    else:
        assert page.status_code == 404


def test_attachments_have_no_public_url(boards):
    attachment = boards["attachment"]
    with pytest.raises(ValueError, match="no URL"):
        attachment.file.url  # noqa: B018 - the storage refuses to make one
    from django.conf import settings

    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize("who", WHO)
def test_redline_page(client, boards, who, staff):
    from advisory_boards.services import draft_new_version

    draft = boards["secret"]
    draft_new_version(
        draft=draft,
        sections=[
            {"key": "purpose", "number": "1", "heading": "Purpose", "body": "Pursue rarely."},
        ],
        note="Shorter",
        created_by=staff,
    )
    url = reverse("advisory_boards:changes", kwargs={"pk": draft.pk, "number": 2})
    page = _client(client, boards, who).get(url)
    assert page.status_code == (200 if who in MAY_OPEN_SECRET else 404)


@pytest.mark.parametrize("who", WHO)
def test_lists_show_the_same_drafts_as_the_pages(boards, who):
    from django.contrib.auth.models import AnonymousUser

    person = boards["people"][who] or AnonymousUser()
    visible = set(drafts_visible_to(user=person).values_list("pk", flat=True))
    assert boards["public"].pk in visible
    assert (boards["secret"].pk in visible) is (who in MAY_OPEN_SECRET)


@pytest.mark.parametrize("who", WHO)
def test_only_bound_members_comment_on_a_board_draft(client, boards, who):
    draft = boards["secret"]
    section = draft.versions.get().sections.first()
    page = _client(client, boards, who).post(
        reverse("advisory_boards:comment", kwargs={"pk": draft.pk, "section_pk": section.pk}),
        {"text": "Add a rule for school zones."},
    )
    commented = section.comments.exists()
    # Staff answer comments rather than make them; a liaison comments as a member of the board.
    if who == "member_a":
        assert page.status_code == 302
        assert commented
    else:
        assert page.status_code == 404
        assert not commented


def test_a_removed_member_loses_access_on_the_next_request(client, boards):
    from advisory_boards.services import membership_remove

    member = boards["people"]["member_a"]
    client.force_login(member)
    url = boards["secret"].get_absolute_url()
    assert client.get(url).status_code == 200
    membership_remove(membership=member.board_memberships.get())
    assert client.get(url).status_code == 404


def test_a_new_agreement_version_must_be_accepted_again(client, boards):
    from advisory_boards.services import agreement_publish

    member = boards["people"]["member_a"]
    client.force_login(member)
    url = boards["secret"].get_absolute_url()
    agreement_publish(board=boards["a"], text="Version 2: also no photos.")
    assert client.get(url).status_code == 404
    page = client.post(
        reverse("advisory_boards:agreement", kwargs={"slug": "a"}),
        {"typed_name": "Rosa Diaz", "agree": "on"},
    )
    assert page.status_code == 302
    assert client.get(url).status_code == 200


def test_every_confidential_view_and_download_is_logged(client, boards):
    member = boards["people"]["member_a"]
    client.force_login(member)
    client.get(boards["secret"].get_absolute_url())
    client.get(reverse("advisory_boards:attachment", kwargs={"pk": boards["attachment"].pk}))
    client.get(boards["public"].get_absolute_url())  # public material is not logged
    entries = list(AccessLog.objects.order_by("at", "pk"))
    assert [(entry.user, entry.action) for entry in entries] == [
        (member, "view"),
        (member, "download"),
    ]
    assert f"attachment {boards['attachment'].pk}" in entries[1].what
    # Linked to the draft, so a legal hold on the draft's engagement keeps them.
    assert [entry.draft for entry in entries] == [boards["secret"], boards["secret"]]


@pytest.mark.parametrize(
    ("who", "expected"), [("staff", 403), ("member_a", 403), ("resident", 403), ("admin", 200)]
)
def test_only_agency_admins_read_the_access_log(client, boards, who, expected):
    client.force_login(boards["people"][who])
    client.get(boards["secret"].get_absolute_url())
    page = client.get(reverse("staff:boards:access_log", kwargs={"pk": boards["a"].pk}))
    assert page.status_code == expected
    if expected == 200:
        assert boards["people"]["admin"].email in page.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "resident", "member_a"])
def test_board_staff_pages_are_for_staff(client, boards, who):
    _client(client, boards, who)
    for url in (
        reverse("staff:boards:list"),
        reverse("staff:boards:board", kwargs={"pk": boards["a"].pk}),
        reverse("staff:boards:draft_create", kwargs={"pk": boards["a"].pk}),
        reverse("staff:boards:version_create", kwargs={"pk": boards["secret"].pk}),
    ):
        assert client.get(url).status_code in (302, 403), url


def test_the_public_board_page_never_shows_board_only_drafts(client, boards):
    page = client.get(boards["a"].get_absolute_url()).content.decode()
    assert "Body camera draft" in page
    assert "Confidential pursuit draft" not in page


@pytest.mark.parametrize("count", [2, 12])
def test_board_list_pages_query_count_does_not_grow(
    client, staff, django_assert_max_num_queries, count
):
    from django.utils import timezone

    from advisory_boards.services import meeting_save
    from tests.advisory_boards.conftest import add_member, make_board, make_draft

    member = None
    for number in range(count):
        board = make_board(f"list-{number}")
        member = add_member(board, member)
        make_draft(board, title=f"Draft {number}", staff=staff)
        meeting_save(
            board=board,
            values={"starts_at": timezone.now(), "place": "Hall", "agenda": "One"},
        )
    with django_assert_max_num_queries(8):
        assert client.get(reverse("advisory_boards:list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(board.get_absolute_url()).status_code == 200
    client.force_login(member)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("advisory_boards:mine")).status_code == 200
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("staff:boards:list")).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("staff:boards:board", kwargs={"pk": board.pk})).status_code == 200
