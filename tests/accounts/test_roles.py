"""Roles are groups; permissions are rules predicates. One matrix per rule."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import Role
from accounts.services import user_set_roles
from engagements.models import Status
from tests.factories import EngagementFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_back_office_permissions():
    staff = Group.objects.get(name=Role.OUTREACH_STAFF)
    admin = Group.objects.get(name=Role.AGENCY_ADMIN)
    staff_perms = set(staff.permissions.values_list("codename", flat=True))
    admin_perms = set(admin.permissions.values_list("codename", flat=True))
    assert {"add_engagement", "change_engagement"} <= staff_perms
    assert "delete_engagement" not in staff_perms
    assert {"delete_engagement", "change_neighborhood", "change_user"} <= admin_perms


def test_setting_roles_sets_and_clears_back_office_access():
    person = UserFactory()
    user_set_roles(user=person, roles=[Role.OUTREACH_STAFF])
    assert person.is_staff
    assert person.has_perm("accounts.access_staff_area")
    user_set_roles(user=person, roles=[])
    person = type(person).objects.get(pk=person.pk)
    assert not person.is_staff
    assert not person.has_perm("accounts.access_staff_area")


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("resident", False),
        ("staff", True),
        ("admin", True),
        ("superuser", True),
    ],
)
@pytest.mark.parametrize("perm", ["accounts.access_staff_area", "engagements.manage_engagements"])
def test_staff_area_matrix(people, who, allowed, perm):
    assert people[who].has_perm(perm) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("resident", False),
        ("staff", False),
        ("admin", True),
        ("superuser", True),
    ],
)
def test_manage_people_matrix(people, who, allowed):
    assert people[who].has_perm("accounts.manage_people") is allowed


@pytest.mark.parametrize(
    ("who", "status", "allowed"),
    [
        ("anonymous", Status.DRAFT, False),
        ("resident", Status.DRAFT, False),
        ("staff", Status.DRAFT, True),
        ("admin", Status.DRAFT, True),
        ("anonymous", Status.PUBLISHED, True),
        ("resident", Status.PUBLISHED, True),
        ("staff", Status.PUBLISHED, True),
        ("anonymous", Status.CLOSED, True),
        ("resident", Status.CLOSED, True),
    ],
)
def test_view_engagement_page_matrix(people, who, status, allowed):
    engagement = EngagementFactory(status=status)
    assert people[who].has_perm("engagements.view_engagement_page", engagement) is allowed


@pytest.mark.parametrize(
    ("who", "status", "perm", "allowed"),
    [
        ("resident", Status.DRAFT, "engagements.publish_engagement", False),
        ("staff", Status.DRAFT, "engagements.publish_engagement", True),
        ("staff", Status.PUBLISHED, "engagements.publish_engagement", False),
        ("admin", Status.CLOSED, "engagements.publish_engagement", False),
        ("resident", Status.PUBLISHED, "engagements.close_engagement", False),
        ("staff", Status.PUBLISHED, "engagements.close_engagement", True),
        ("staff", Status.DRAFT, "engagements.close_engagement", False),
        ("admin", Status.CLOSED, "engagements.close_engagement", False),
    ],
)
def test_publish_and_close_matrix(people, who, status, perm, allowed):
    engagement = EngagementFactory(status=status)
    assert people[who].has_perm(perm, engagement) is allowed
