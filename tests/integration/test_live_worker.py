"""The notice pipeline with nothing mocked: a real Celery worker on Redis, PostgreSQL, and a real
SMTP server (aiosmtpd) started by the test."""

import os
import socket
import subprocess
import sys
import time
import uuid
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from engagement_portal.celery import app as celery_app
from notices.models import Channel, DeliveryStatus, Kind
from notices.services import notice_create
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.live_worker,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, collector
    controller.stop()


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(smtp_server):
    controller, _collector = smtp_server
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_QUEUE": queue,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "EMAIL_URL": f"smtp://127.0.0.1:{controller.port}",
        "DEBUG": "1",
        "SECRET_KEY": settings.SECRET_KEY,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "engagement_portal",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            queue,
            "--loglevel=INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    saved = {
        key: celery_app.conf[key]
        for key in ("task_always_eager", "broker_url", "task_default_queue")
    }
    celery_app.conf.update(
        task_always_eager=False, broker_url=os.environ["REDIS_URL"], task_default_queue=queue
    )
    celery_app._pool = None
    try:
        yield process
    finally:
        celery_app.conf.update(saved)
        celery_app._pool = None
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        sys.stderr.write(output[-4000:])  # shown by pytest when the test fails


def _wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def test_a_worker_delivers_each_notice_once_over_smtp(worker, smtp_server):
    _controller, collector = smtp_server
    readers = {
        "en": UserFactory(language="en", email="en@example.org"),
        "es": UserFactory(language="es", email="es@example.org"),
        "ar": UserFactory(language="ar", email="ar@example.org"),
    }
    notice = notice_create(
        kind=Kind.ANNOUNCEMENT,
        subject={"en": "Road closed", "es": "Calle cerrada", "ar": "الطريق مغلق"},
        body={
            "en": "Main Street is closed.",
            "es": "La calle Main está cerrada.",
            "ar": "شارع مين مغلق.",
        },
        audience_kind="people",
        audience_params={"user_ids": [person.pk for person in readers.values()]},
        channels=[Channel.EMAIL],
    )
    assert _wait_for(lambda: len(collector.messages) >= 3), "the worker did not deliver in time"
    assert _wait_for(lambda: notice.deliveries.filter(status=DeliveryStatus.SENT).count() == 3), (
        "deliveries were not marked sent"
    )
    subjects = {
        message["To"]: str(make_header(decode_header(message["Subject"])))
        for message in collector.messages
    }
    assert subjects == {
        "en@example.org": "Road closed",
        "es@example.org": "Calle cerrada",
        "ar@example.org": "الطريق مغلق",
    }
    assert all(
        message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        for message in collector.messages
    )

    # Re-queueing the same deliveries (as the sweeper would) sends nothing twice.
    from notices.models import Delivery
    from notices.services import deliveries_enqueue

    Delivery.objects.filter(notice=notice).update(status=DeliveryStatus.SENT)
    from notices.tasks import delivery_send_batch

    delivery_send_batch.apply_async(args=[list(notice.deliveries.values_list("pk", flat=True))])
    time.sleep(2)
    assert len(collector.messages) == 3
    assert deliveries_enqueue(notice_id=notice.pk) == 0
