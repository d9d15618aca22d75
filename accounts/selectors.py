from allauth.mfa.models import Authenticator
from django.db.models import QuerySet

from .models import User
from .roles import GROUP_ROLES, Role


def user_has_totp(*, user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def user_list_staff() -> QuerySet[User]:
    """Everyone who holds a staff role, for owner pickers."""
    return (
        User.objects.filter(is_active=True, groups__name__in=[role.value for role in GROUP_ROLES])
        .distinct()
        .order_by("display_name", "email")
    )


def user_roles(*, user: User) -> list[str]:
    if not user.is_authenticated:
        return []
    names = set(user.groups.values_list("name", flat=True))
    held = [role.value for role in GROUP_ROLES if role.value in names]
    return held or [Role.RESIDENT.value]
