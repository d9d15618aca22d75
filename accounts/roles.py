"""Roles are Django groups. Each app declares, on its AppConfig, which model permissions a role gets
in the back office (`role_permissions`); the groups are brought up to date after every migrate.

Permission checks in views and selectors go through `rules` predicates (see predicates.py); the
model permissions here only shape what the Django admin shows.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    OUTREACH_STAFF = "outreach_staff", _("Outreach staff")
    AGENCY_ADMIN = "agency_admin", _("Agency admin")


# Roles held through group membership; a resident is anyone without one.
GROUP_ROLES = (Role.OUTREACH_STAFF, Role.AGENCY_ADMIN)


def role_permission_codenames(role: str) -> set[str]:
    """`app_label.codename` strings every installed app grants to `role`."""
    codenames: set[str] = set()
    for config in apps.get_app_configs():
        codenames.update(getattr(config, "role_permissions", {}).get(role, ()))
    return codenames


def roles_ensure(**_kwargs) -> None:
    """Create the role groups and give them exactly the declared permissions (post_migrate)."""
    from django.contrib.auth.models import Group, Permission

    for role in GROUP_ROLES:
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = role_permission_codenames(role.value)
        permissions = []
        for dotted in sorted(wanted):
            app_label, codename = dotted.split(".", 1)
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                permissions.append(permission)
        group.permissions.set(permissions)
