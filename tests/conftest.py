import os

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from tests.factories import UserFactory, admin_user, staff_user

# CI sets REQUIRE_SERVICES=1: a test marked for PostgreSQL or a live worker must then fail, not
# skip, when the service is missing, so that a green CI means those tests ran.
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        message = "needs PostgreSQL: set DATABASE_URL=postgres://..."
        if REQUIRE_SERVICES:
            pytest.fail(message)
        pytest.skip(message)
    if item.get_closest_marker("live_worker") and not os.environ.get("REDIS_URL"):
        message = "needs Redis for a live Celery worker: set REDIS_URL=redis://..."
        if REQUIRE_SERVICES:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _default_language():
    # A request leaves its language active in the thread; each test starts in the default one.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _clear_cache() -> None:
    """Empty the cache without touching anything else in the same Redis database (the Celery
    broker's queues live there too, and RedisCache.clear() would flush them)."""
    from django.core.cache.backends.redis import RedisCache

    if isinstance(cache, RedisCache):
        client = cache._cache.get_client()
        keys = list(client.scan_iter(f"{cache.key_prefix}*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate-limit counters live in the cache; every test starts with none.
    _clear_cache()
    yield
    _clear_cache()


@pytest.fixture
def resident(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return staff_user()


@pytest.fixture
def agency_admin(db):
    return admin_user()


@pytest.fixture
def people(db, resident, staff, agency_admin):
    """One person per role, for permission matrices."""
    superuser = UserFactory(is_superuser=True, is_staff=True)
    return {
        "anonymous": AnonymousUser(),
        "resident": resident,
        "staff": staff,
        "admin": agency_admin,
        "superuser": superuser,
    }


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    redis = "redis" if os.environ.get("REDIS_URL") else "none (eager Celery, local-memory cache)"
    return [f"portal: database={database} redis={redis} require_services={REQUIRE_SERVICES}"]
