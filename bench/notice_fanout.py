"""Benchmark: one notice to N recipients in several languages, end to end, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
    REDIS_URL=redis://127.0.0.1:6379/0 \
    .venv/bin/python bench/notice_fanout.py --recipients 100000

What it does:
1. (re)creates the benchmark database, migrates it, and bulk-creates N people with verified email
   addresses, spread over the five languages;
2. starts ONE Celery worker (solo pool) whose email channel is the no-op backend, so what is measured
   is the pipeline itself: audience streaming, delivery writes, queueing, locking, rendering, marking;
3. in a separate process, creates the notice and releases it (the outbox write), exactly as a staff
   member's "Send now" does, and reports that process's peak memory;
4. waits until every delivery is marked sent and prints deliveries per second end to end and the
   peak memory of the releasing process and of the worker.

Run it at two sizes (e.g. 10000 and 100000) to see that memory does not grow with the audience.
"""

import argparse
import json
import os
import resource
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench"
LANGUAGES = ["en", "es", "vi", "zh-hans", "ar"]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DB)
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.update(
        {
            # DEBUG off as in production: with it on, Django keeps every SQL statement in memory.
            "DEBUG": "0",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "CELERY_QUEUE": "bench",
            "NOTICES_EMAIL_BACKEND": "notices.channels.noop.NoopChannel",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "engagement_portal.settings",
        }
    )
    return env


def _django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def _recreate_database(url: str) -> None:
    import psycopg2

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or None,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def seed(count: int) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from accounts.models import User
    from engagements.models import Neighborhood

    call_command("migrate", verbosity=0)
    everyone = Neighborhood.objects.create(name_en="Benchmark", slug="bench")
    password = make_password("bench-password")
    batch = 10_000
    for start in range(0, count, batch):
        users = [
            User(
                email=f"person{i}@bench.example",
                password=password,
                language=LANGUAGES[i % len(LANGUAGES)],
                neighborhood=everyone,
            )
            for i in range(start, min(start + batch, count))
        ]
        User.objects.bulk_create(users, batch_size=batch)
    rows = User.objects.values_list("pk", "email").iterator(chunk_size=batch)
    buffer = []
    for pk, email in rows:
        buffer.append(EmailAddress(user_id=pk, email=email, verified=True, primary=True))
        if len(buffer) == batch:
            EmailAddress.objects.bulk_create(buffer)
            buffer = []
    EmailAddress.objects.bulk_create(buffer)


def release() -> None:
    """Child process: write the notice and its deliveries, as "Send now" does."""
    from django.db import transaction

    from engagements.models import Neighborhood
    from notices.models import Channel, Kind
    from notices.services import notice_create

    started_at = time.time()
    started = time.perf_counter()
    with transaction.atomic():
        notice = notice_create(
            kind=Kind.ANNOUNCEMENT,
            subject={code: f"Benchmark notice ({code})" for code in LANGUAGES[:4]},
            body={code: f"Body in {code}." for code in LANGUAGES[:4]},  # Arabic readers fall back
            audience_kind="neighborhood",
            audience_params={"neighborhood_id": Neighborhood.objects.get(slug="bench").pk},
            channels=[Channel.EMAIL],
        )
    print(
        json.dumps(
            {
                "notice": notice.pk,
                "started_at": started_at,
                "release_seconds": time.perf_counter() - started,
                "release_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        ),
        flush=True,
    )


def _worker_peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--release-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database and people from the last run"
    )
    args = parser.parse_args()
    env = _environment()

    if args.release_only:
        _django(env)
        release()
        return 0

    if not args.reuse:
        _recreate_database(env["DATABASE_URL"])
    _django(env)
    from notices.models import Delivery, DeliveryStatus

    if not args.reuse:
        started = time.perf_counter()
        seed(args.recipients)
        print(
            f"seeded {args.recipients} people in {time.perf_counter() - started:.1f}s", flush=True
        )
    else:
        Delivery.objects.all().delete()

    import redis

    redis.Redis.from_url(env["REDIS_URL"]).delete("bench")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "engagement_portal",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            "bench",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
    )
    time.sleep(3)  # let the worker connect before the clock starts
    try:
        child = subprocess.run(
            [sys.executable, __file__, "--release-only"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        released = json.loads(child.stdout.strip().splitlines()[-1])
        total = Delivery.objects.filter(notice_id=released["notice"]).count()
        while (
            Delivery.objects.filter(
                notice_id=released["notice"], status=DeliveryStatus.SENT
            ).count()
            < total
        ):
            time.sleep(0.2)
        # The clock starts when "Send now" starts (inside the child), not at process start-up.
        elapsed = time.time() - released["started_at"]
        worker_peak = _worker_peak_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    fell_back = Delivery.objects.filter(notice_id=released["notice"], fell_back=True).count()
    result = {
        "recipients": args.recipients,
        "deliveries": total,
        "fell_back_to_english": fell_back,
        "release_seconds": round(released["release_seconds"], 2),
        "end_to_end_seconds": round(elapsed, 2),
        "deliveries_per_second": round(total / elapsed),
        "release_process_peak_rss_mb": round(released["release_peak_rss_mb"], 1),
        "worker_peak_rss_mb": round(worker_peak, 1),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
