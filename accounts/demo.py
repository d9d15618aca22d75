"""Demo people: staff and residents who prefer different languages (see seed_demo)."""

from allauth.account.models import EmailAddress

from .models import User
from .roles import Role
from .services import user_set_roles

# Published on purpose: the demo runs only with DEBUG on (seed_demo refuses otherwise).
DEMO_PASSWORD = "community-demo"

DEMO_PEOPLE = [
    # email, display name, language, role
    ("admin@demo.example", "Captain Dana Reyes", "en", Role.AGENCY_ADMIN),
    ("outreach@demo.example", "Officer Sam Okafor", "en", Role.OUTREACH_STAFF),
    ("outreach.vi@demo.example", "Officer Linh Tran", "vi", Role.OUTREACH_STAFF),
    ("ana@demo.example", "Ana García", "es", Role.RESIDENT),
    ("minh@demo.example", "Nguyễn Văn Minh", "vi", Role.RESIDENT),
    ("mei@demo.example", "王美", "zh-hans", Role.RESIDENT),
    ("fatima@demo.example", "فاطمة الحسن", "ar", Role.RESIDENT),
    ("jordan@demo.example", "Jordan Miller", "en", Role.RESIDENT),
]


def seed() -> list[tuple[str, str]]:
    logins = []
    for email, name, language, role in DEMO_PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        user.display_name = name
        user.language = language
        user.save(update_fields=["display_name", "language"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        roles = [] if role == Role.RESIDENT else [role]
        user_set_roles(user=user, roles=roles)
        logins.append((email, str(role.label)))
    return logins
