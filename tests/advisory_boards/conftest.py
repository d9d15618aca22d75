from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from advisory_boards.models import Attachment, BoardKind, DraftStatus, MemberRole, Visibility
from advisory_boards.services import (
    agreement_accept,
    agreement_publish,
    board_save,
    draft_create,
    membership_add,
)
from tests.factories import UserFactory, admin_user, staff_user

SECTIONS = [
    {
        "number": "1",
        "heading": "Purpose",
        "body": "Officers may pursue a vehicle only when needed.",
    },
    {
        "number": "2",
        "heading": "When to stop",
        "body": "Stop the pursuit when risk to the public is high.",
    },
]


@pytest.fixture(autouse=True)
def _private_files(tmp_path):
    """Board files go to a temporary directory (the storage caches its location)."""
    storage = Attachment._meta.get_field("file").storage
    original = storage._location
    for cached in ("base_location", "location"):
        storage.__dict__.pop(cached, None)
    storage._location = str(tmp_path)
    yield
    storage._location = original
    for cached in ("base_location", "location"):
        storage.__dict__.pop(cached, None)


def make_board(slug: str, kind=BoardKind.POLICY_REVIEW):
    board = board_save(
        values={
            "kind": kind,
            "slug": slug,
            "name_en": f"Board {slug}",
            "purpose_en": "Reviews policies before they are adopted.",
        }
    )
    agreement_publish(board=board, text="I keep board material confidential.")
    return board


def add_member(board, user=None, *, accept=True, days_left=365, role=MemberRole.MEMBER):
    user = user or UserFactory()
    today = timezone.localdate()
    membership = membership_add(
        board=board,
        user=user,
        role=role,
        term_start=today - timedelta(days=400),
        term_end=today + timedelta(days=days_left),
    )
    if accept:
        agreement_accept(
            membership=membership,
            agreement=board.agreements.order_by("-version").first(),
            typed_name=user.display_name or "Member",
        )
    return user


def make_draft(
    board, *, visibility=Visibility.BOARD, title="Pursuit policy", status=None, staff=None
):
    today = timezone.localdate()
    draft = draft_create(
        board=board,
        values={
            "topic": "pursuit",
            "title": title,
            "summary": "When officers may chase a car, and when they must stop.",
            "glossary": "Pursuit: following a driver who refuses to stop",
            "visibility": visibility,
            "review_opens_on": today - timedelta(days=1),
            "review_closes_on": today + timedelta(days=14),
        },
        sections=SECTIONS,
        created_by=staff or staff_user(),
    )
    draft.status = status or DraftStatus.IN_REVIEW
    draft.save(update_fields=["status"])
    return draft


@pytest.fixture
def boards(db):
    """Board A with a board-only draft (with an attachment) and a public one; board B; and one
    person for every cell of the permission matrix."""
    board_a, board_b = make_board("a"), make_board("b")
    expired = add_member(board_a)
    membership = expired.board_memberships.get()
    membership.term_end = timezone.localdate() - timedelta(days=1)
    membership.save()
    removed = add_member(board_a)
    from advisory_boards.services import membership_remove

    membership_remove(membership=removed.board_memberships.get())
    people = {
        "anonymous": None,
        "resident": UserFactory(),
        "member_a": add_member(board_a),
        "member_b": add_member(board_b),
        "expired_member": expired,
        "removed_member": removed,
        "member_without_agreement": add_member(board_a, accept=False),
        "staff": staff_user(),
        "admin": admin_user(),
    }
    secret = make_draft(board_a, title="Confidential pursuit draft", staff=people["staff"])
    public = make_draft(
        board_a, visibility=Visibility.PUBLIC, title="Body camera draft", staff=people["staff"]
    )
    attachment = Attachment.objects.create(
        draft=secret,
        title="Crash statistics",
        file=ContentFile(b"%PDF-1.4 secret", name="stats.pdf"),
    )
    return {
        "a": board_a,
        "b": board_b,
        "people": people,
        "secret": secret,
        "public": public,
        "attachment": attachment,
    }
