"""Loaded by pytest (`-p tests.environment`) before Django reads its settings.

Tests run with the development defaults (no HTTPS redirect, no staff MFA unless a test turns it on)
against whatever database and Redis DATABASE_URL and REDIS_URL name, so a run on SQLite and a run on
PostgreSQL + Redis exercise the same settings. Celery runs eagerly except in tests that start a real
worker.
"""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "1")
