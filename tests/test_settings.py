"""Configuration from the environment: embedded defaults, production checks, refusing bad config."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7Qe2r9-" * 8,
    "ALLOWED_HOSTS": "engage.example.gov",
    "CSRF_TRUSTED_ORIGINS": "https://engage.example.gov",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal_not_used",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.gov:587",
    "API_NUM_PROXIES": "1",
}


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "engagement_portal.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean_env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        env={"PATH": os.environ["PATH"], **PRODUCTION},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_asks_how_many_proxies_front_the_api():
    without = {key: value for key, value in PRODUCTION.items() if key != "API_NUM_PROXIES"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": os.environ["PATH"], **without},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "portal.W001" in result.stdout + result.stderr


def test_missing_secret_key_with_debug_off_stops_start_up_with_a_clear_message():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = _run("from django.conf import settings; settings.SECRET_KEY", env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_no_environment_means_embedded():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, s.DEBUG, s.PORTAL_STAFF_MFA_REQUIRED)"
    )
    result = _run(code, {})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "True",
        "False",
    ]


def test_production_environment_switches_every_part():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL, "
        "s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, s.EMAIL_HOST, s.DEBUG, "
        "s.SESSION_COOKIE_SECURE, s.PORTAL_STAFF_MFA_REQUIRED)"
    )
    result = _run(code, PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "False",
        "redis://127.0.0.1:6379/0",
        "django.core.cache.backends.redis.RedisCache",
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.gov",
        "False",
        "True",
        "True",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CELERY_TASK_SERIALIZER", "json"),
        ("CELERY_ACCEPT_CONTENT", ["json"]),
        ("CELERY_TASK_ACKS_LATE", True),
        ("CELERY_TASK_REJECT_ON_WORKER_LOST", True),
        ("CELERY_BEAT_SCHEDULER", "django_celery_beat.schedulers:DatabaseScheduler"),
    ],
)
def test_celery_settings(name, expected):
    assert getattr(settings, name) == expected


def test_celery_app_reads_the_settings():
    from engagement_portal.celery import app

    assert app.conf.task_serializer == "json"
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.task_time_limit > app.conf.task_soft_time_limit > 0
    assert app.conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"
