"""The Celery application. Configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement_portal.settings")

app = Celery("engagement_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
