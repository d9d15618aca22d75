"""Benchmark: the participation-equity and transparency pages over a year of N acts of taking part.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_equity \
    REDIS_URL=redis://127.0.0.1:6379/0 \
    .venv/bin/python bench/equity.py --people 20000

It (re)creates the benchmark database, migrates it, loads 10 neighborhoods with community figures,
N residents (two in three with consented demographics) and 2.5 inputs per resident over the past
year, spread over 40 engagements, then times the equity page, its CSV and the transparency page
through Django's test client after one warm-up, and counts their queries. The database is dropped
at the end unless --keep is given.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_equity"


def _recreate(url: str) -> None:
    import psycopg2

    name = urlparse(url).path.lstrip("/")
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def _load(people: int) -> None:
    from django.utils import timezone

    from accounts.models import Demographics, User
    from engagements.models import CommunityFigures, Engagement, Input, Neighborhood
    from engagements.models.loop import Source

    rng = random.Random(7)
    places = [
        Neighborhood.objects.create(name_en=f"Place {n}", slug=f"place-{n}") for n in range(10)
    ]
    for place in places:
        CommunityFigures.objects.create(
            neighborhood=place,
            population=rng.randint(5000, 25000),
            language_shares={"en": 60, "es": 25, "vi": 10, "ar": 5},
            age_band_shares={"18_24": 15, "25_34": 20, "35_44": 20, "45_54": 20, "65_plus": 25},
            race_ethnicity_shares={"white": 45, "hispanic": 30, "asian": 15, "black": 10},
        )
    engagements = []
    for n in range(40):
        engagement = Engagement.objects.create(
            title_en=f"Engagement {n}",
            category=rng.choice(["information", "in_person", "programs", "co_produced"]),
            format="town_hall",
            status="published",
            published_at=timezone.now() - timedelta(days=400),
        )
        engagement.neighborhoods.set(rng.sample(places, rng.randint(0, 2)))
        engagements.append(engagement)
    users = User.objects.bulk_create(
        [
            User(
                email=f"r{n}@bench.example",
                password="!",
                language=rng.choice(["en"] * 7 + ["es"] * 2 + ["vi"]),
                neighborhood=rng.choice([*places, None]),
            )
            for n in range(people)
        ],
        batch_size=5000,
    )
    now = timezone.now()
    Demographics.objects.bulk_create(
        [
            Demographics(
                user=user,
                consented_at=now,
                age_band=rng.choice(["18_24", "25_34", "35_44", "45_54", "65_plus"]),
                race_ethnicity=[rng.choice(["white", "hispanic", "asian", "black"])],
            )
            for index, user in enumerate(users)
            if index % 3
        ],
        batch_size=5000,
    )
    Input.objects.bulk_create(
        [
            Input(
                engagement=rng.choice(engagements),
                text="Bench",
                language=user.language,
                source=rng.choice([Source.ONLINE_COMMENT, Source.COMMENT_CARD]),
                author=user,
                received_at=now - timedelta(days=rng.randint(1, 360)),
            )
            for user in users
            for _ in range(rng.choice([1, 2, 2, 3, 4, 3]))
        ],
        batch_size=5000,
    )


def _time(client, url: str, runs: int = 5) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            assert client.get(url).status_code == 200, url
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    database = os.environ.setdefault("DATABASE_URL", DEFAULT_DB)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement_portal.settings")
    os.environ.setdefault("DEBUG", "1")
    _recreate(database)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from engagements.models import Input
    from tests.factories import staff_user

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _load(args.people)
    print(f"loaded {args.people} people, {Input.objects.count()} inputs", end=" ")
    print(f"in {time.perf_counter() - started:.1f} s")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(staff_user())
    for label, url in [
        ("equity page", "/en/staff/insights/equity/"),
        ("equity CSV", "/en/staff/insights/equity.csv"),
        ("transparency page", "/en/transparency/"),
    ]:
        median, queries = _time(client, url)
        print(f"{label:<20} {median:8.0f} ms (median of 5)  {queries} queries")
    if not args.keep:
        from django.db import connections

        connections.close_all()
        _recreate(database)  # leaves an empty database behind, not the data


if __name__ == "__main__":
    main()
