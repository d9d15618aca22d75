"""Benchmark: the results of one survey with N responses to 20 questions, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_surveys \
    REDIS_URL=redis://127.0.0.1:6379/0 \
    .venv/bin/python bench/survey_results.py --responses 100000

What it does:
1. (re)creates the benchmark database, migrates it, and builds one open anonymous survey of 20
   questions with the builder services (`survey_save`, `question_save`, `survey_open`): single and
   multiple choice, the agreement scale, 0-10 ratings, numbers, short and long text; results public;
2. loads N responses with an answer to every question (one Answer row per chosen choice of a
   multiple-choice question) with PostgreSQL COPY, from a seeded random generator, spread over the
   five languages and ten neighborhoods; then VACUUM ANALYZE (the state autovacuum leaves a table in);
3. times, after one warm-up run, `surveys.selectors.survey_results` (public and staff), the public
   results page, the staff results page and the staff page with a breakdown by neighborhood, through
   Django's test client, and counts the SQL queries of each;
4. prints the slowest SQL statements of the pages and a summary; with --explain, the plan
   (EXPLAIN ANALYZE, BUFFERS) of each statement of 5 ms or more of the staff page with a breakdown.

Run it at two sizes (e.g. 10000 and 100000) to see how the time grows with the responses. The
benchmark database is dropped at the end unless --keep is given; --reuse times the one a run with
--keep left again, and keeps it (for instance after creating a candidate index in it by hand).

The portal runs with DEBUG on here, as the tests do (tests/environment.py): the test client needs no
HTTPS and the staff pages no second factor. The SQL is the same as with DEBUG off; DEBUG adds only
the recording of each statement, a few microseconds per query.
"""

import argparse
import io
import json
import os
import random
import secrets
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_surveys"
SURVEY_TITLE = "Benchmark: community safety survey"
TARGET_MS = 500
# Response languages and their shares.
LANGUAGES = {"en": 55, "es": 20, "vi": 10, "zh-hans": 10, "ar": 5}
NEIGHBORHOODS = [
    "Harbor Point",
    "Old Mill",
    "Riverside",
    "Northgate",
    "Cedar Park",
    "Eastwood",
    "Lakeshore",
    "Midtown",
    "South Hills",
    "West End",
]
PHRASES = [
    "more patrols on foot",
    "lighting in the park",
    "faster response times",
    "talk to the youth",
    "slower traffic near the school",
    "officers who know the street",
    "community meetings in the evening",
    "translated flyers",
    "fix the broken streetlights",
    "less speeding at night",
    "a safe place for kids after school",
    "bike patrols",
    "cleaner bus stops",
    "respect",
]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DB)
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.update(
        {
            # As in tests/environment.py: no HTTPS redirect and no staff MFA for the test client.
            "DEBUG": "1",
            "STAFF_MFA_REQUIRED": "0",
            "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
            "CELERY_TASK_ALWAYS_EAGER": "1",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "engagement_portal.settings",
        }
    )
    return env


def _django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def _admin_connection(url: str):
    import psycopg2

    parsed = urlparse(url)
    admin = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or None,
        dbname="postgres",
    )
    admin.autocommit = True
    return admin, parsed.path.lstrip("/")


def _check_name(url: str) -> None:
    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"refusing to drop {name!r}: the benchmark database name must contain 'bench'")


def _recreate_database(url: str) -> None:
    admin, name = _admin_connection(url)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def _drop_database(url: str) -> None:
    from django.db import connections

    connections.close_all()
    admin, name = _admin_connection(url)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


# --- The survey ----------------------------------------------------------------------------------

# (kind, text, choices); the kinds are QuestionKind values.
QUESTIONS = [
    ("single", "How safe do you feel in your neighborhood?", ["Very", "Fairly", "A little", "No"]),
    (
        "multiple",
        "How do you hear about the department's news?",
        ["Social media", "Email", "Neighbors", "Local news", "Community meetings"],
    ),
    ("agreement", "Officers treat people with respect.", []),
    ("agreement", "Officers listen to the concerns of residents.", []),
    ("agreement", "The department explains its decisions.", []),
    ("agreement", "I would report a crime I witnessed.", []),
    ("rating", "How would you rate the department overall?", []),
    ("rating", "How likely are you to attend a community meeting?", []),
    (
        "single",
        "When did you last talk with an officer?",
        ["This month", "This year", "Longer ago", "Never"],
    ),
    (
        "multiple",
        "Which problems matter most on your street?",
        ["Speeding", "Break-ins", "Noise", "Lighting", "Drugs"],
    ),
    ("agreement", "I trust the department to do what is right.", []),
    ("agreement", "The department treats all groups fairly.", []),
    ("agreement", "I know how to make a complaint.", []),
    ("rating", "How satisfied were you with your last contact?", []),
    ("rating", "How well does the department keep you informed?", []),
    ("number", "How many years have you lived in the city?", []),
    ("number", "How many people live in your household?", []),
    ("single", "Would you join a neighborhood watch?", ["Yes", "Maybe", "No", "Already in one"]),
    ("short_text", "In a few words, what would make you feel safer?", []),
    ("long_text", "Anything else you would like the department to know?", []),
]


def build_survey():
    from django.utils import timezone

    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import user_set_roles
    from engagements.models import Category, Engagement, Format, Neighborhood, Status
    from surveys.models import QuestionKind
    from surveys.services import question_save, survey_open, survey_save

    for index, name in enumerate(NEIGHBORHOODS):
        Neighborhood.objects.create(name_en=name, slug=f"bench-{index}")
    staff = User.objects.create_user(email="staff@bench.example", password=None)
    user_set_roles(user=staff, roles=[Role.OUTREACH_STAFF])
    engagement = Engagement.objects.create(
        title_en="Benchmark: community safety survey 2027",
        summary_en="Tell us how safe you feel.",
        category=Category.IN_PERSON,
        format=Format.COMMUNITY_SURVEY,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        owner=staff,
    )
    survey = survey_save(
        engagement=engagement,
        values={"title_en": SURVEY_TITLE, "languages": ["en"], "results_published": True},
        created_by=staff,
    )
    for kind, text, choices in QUESTIONS:
        question_save(
            survey=survey,
            values={"kind": QuestionKind(kind), "text_en": text, "required": True},
            choices=[{"text_en": choice} for choice in choices],
        )
    return survey_open(survey=survey)


def _copy(cursor, table: str, columns: list[str], buffer: io.StringIO) -> None:
    buffer.seek(0)
    cursor.copy_expert(f'COPY "{table}" ({", ".join(columns)}) FROM STDIN', buffer)


def load_responses(survey, count: int, batch: int = 10_000) -> int:
    """COPY `count` responses with an answer to every question; returns the number of answers."""
    from django.db import connection, transaction
    from django.utils import timezone

    from engagements.models import Neighborhood
    from surveys.models import Answer, Response

    rng = random.Random(1)
    questions = list(survey.questions.prefetch_related("choices").order_by("position"))
    choices = {question.pk: [c.pk for c in question.choices.all()] for question in questions}
    neighborhoods = list(Neighborhood.objects.order_by("pk").values_list("pk", flat=True))
    languages, language_weights = list(LANGUAGES), list(LANGUAGES.values())
    first_day = timezone.localdate() - timedelta(days=60)

    response_columns = [
        Response._meta.get_field(name).column
        for name in ("id", "survey", "submitted_on", "language", "mode", "neighborhood", "user")
    ]
    answer_columns = [
        Answer._meta.get_field(name).column
        for name in ("response", "question", "choice", "number", "text")
    ]

    def answer_lines(response_id: str) -> list[str]:
        lines = []
        for question in questions:
            kind = question.kind
            if kind == "single":
                ids = choices[question.pk]
                choice = rng.choices(ids, weights=[40, 30, 20, 10][: len(ids)])[0]
                lines.append(f"{response_id}\t{question.pk}\t{choice}\t\\N\t")
            elif kind == "multiple":
                for choice in rng.sample(choices[question.pk], rng.choice((1, 1, 2, 2, 3))):
                    lines.append(f"{response_id}\t{question.pk}\t{choice}\t\\N\t")
            elif kind in ("agreement", "rating", "number"):
                if kind == "agreement":
                    value = rng.choices((1, 2, 3, 4, 5), weights=(8, 14, 25, 33, 20))[0]
                elif kind == "rating":
                    value = min(10, max(0, round(rng.gauss(6.5, 2.2))))
                elif question.position == 16:  # years in the city
                    value = min(90, int(rng.expovariate(1 / 12)))
                else:  # people in the household
                    value = rng.choices((1, 2, 3, 4, 5, 6), weights=(28, 34, 16, 13, 6, 3))[0]
                lines.append(f"{response_id}\t{question.pk}\t\\N\t{value}\t")
            else:
                size = 1 if kind == "short_text" else rng.randint(2, 6)
                text = ", ".join(rng.choices(PHRASES, k=size)).capitalize() + "."
                lines.append(f"{response_id}\t{question.pk}\t\\N\t\\N\t{text}")
        return lines

    answers = 0
    for start in range(0, count, batch):
        responses, rows = io.StringIO(), io.StringIO()
        for _index in range(start, min(start + batch, count)):
            response_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            day = first_day + timedelta(days=rng.randrange(61))
            language = rng.choices(languages, weights=language_weights)[0]
            mode = "paper" if rng.random() < 0.05 else "online"
            # About one in twelve leaves the optional neighborhood question blank.
            neighborhood = rng.choice(neighborhoods) if rng.random() > 0.08 else "\\N"
            responses.write(
                f"{response_id}\t{survey.pk}\t{day.isoformat()}\t{language}\t{mode}"
                f"\t{neighborhood}\t\\N\n"
            )
            lines = answer_lines(response_id)
            answers += len(lines)
            rows.write("\n".join(lines) + "\n")
        with transaction.atomic(), connection.cursor() as cursor:
            _copy(cursor, Response._meta.db_table, response_columns, responses)
            _copy(cursor, Answer._meta.db_table, answer_columns, rows)
    with connection.cursor() as cursor:
        # VACUUM as well as ANALYZE: the visibility map autovacuum would have set by now, so that
        # index-only scans are possible, and no autovacuum run in the middle of the timings.
        for table in (Response._meta.db_table, Answer._meta.db_table):
            cursor.execute(f'VACUUM (ANALYZE) "{table}"')
    return answers


# --- Timing --------------------------------------------------------------------------------------


def _time(call, runs: int) -> dict:
    """One warm-up call, then `runs` timed calls; queries (and their times) of the last call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()
    timings = []
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
    return {
        "min_ms": round(min(timings), 1),
        "median_ms": round(statistics.median(timings), 1),
        "queries": len(captured.captured_queries),
        "statements": [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries],
    }


def _explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def _machine() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {
        "cpus": os.cpu_count(),
        "postgresql": version,
        # Other work on the machine shows up in the timings: note how busy it was.
        "load_average_1m_at_start": round(os.getloadavg()[0], 2),
    }


def measure(survey, runs: int, explain: bool) -> dict:
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from surveys.models import Answer, QuestionKind, Response
    from surveys.selectors import survey_results

    single = survey.questions.filter(kind=QuestionKind.SINGLE).order_by("position").first()
    public_url = reverse("surveys:results", kwargs={"pk": survey.pk})
    staff_url = reverse("staff:surveys:results", kwargs={"pk": survey.pk})
    breakdown_url = f"{staff_url}?question={single.pk}&by=neighborhood"
    responses = Response.objects.filter(survey=survey).count()

    anonymous = Client()
    staff = Client()
    staff.force_login(User.objects.get(email="staff@bench.example"))

    def page(client, url, must_contain):
        def get():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert must_contain in response.content.decode(), (url, must_contain)

        return get

    cases = {
        "selector, public": lambda: survey_results(survey=survey, public=True),
        "selector, staff": lambda: survey_results(survey=survey, public=False),
        "public results page": page(anonymous, public_url, f"{responses} people answered"),
        "staff results page": page(staff, staff_url, f"{responses} responses"),
        "staff page + breakdown by neighborhood": page(staff, breakdown_url, NEIGHBORHOODS[0]),
    }
    from django.core.cache.backends.dummy import DummyCache

    import surveys.selectors as selectors

    results = {}
    cached = selectors.cache
    # Cold: the aggregates are computed on every call (as for the first reader after a new
    # response). Warm: they come from the cache (every later reader until the next response).
    for temperature, backend in (("cold", DummyCache("bench", {})), ("warm", cached)):
        selectors.cache = backend
        try:
            for case, call in cases.items():
                name = f"{case} ({temperature})"
                results[name] = _time(call, runs)
                print(
                    f"{name:<47} min {results[name]['min_ms']:>8.1f} ms   median "
                    f"{results[name]['median_ms']:>8.1f} ms   "
                    f"{results[name]['queries']:>2} queries",
                    flush=True,
                )
        finally:
            selectors.cache = cached
    for name in ("public results page (cold)", "staff page + breakdown by neighborhood (cold)"):
        print(f"\nslowest statements of the {name} (last run):")
        for elapsed, sql in sorted(results[name]["statements"], reverse=True)[:6]:
            print(f"  {elapsed:8.1f} ms  {sql[:160]}")
    if explain:
        statements = results["staff page + breakdown by neighborhood (cold)"]["statements"]
        for elapsed, sql in sorted(statements, reverse=True):
            if elapsed >= 5 and sql.lstrip().upper().startswith("SELECT"):
                print(f"\n--- {elapsed:.1f} ms: {sql}\n{_explain(sql)}")
    return {
        "responses": responses,
        "questions": survey.questions.count(),
        "answers": Answer.objects.filter(question__survey=survey).count(),
        "timings": {
            name: {key: value for key, value in item.items() if key != "statements"}
            for name, item in results.items()
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument(
        "--reuse", action="store_true", help="time again the database a run with --keep left"
    )
    parser.add_argument(
        "--explain", action="store_true", help="print EXPLAIN ANALYZE of the slow statements"
    )
    args = parser.parse_args()
    env = _environment()
    _check_name(env["DATABASE_URL"])

    if not args.reuse:
        _recreate_database(env["DATABASE_URL"])
    _django(env)
    from django.core.management import call_command

    from surveys.models import Survey

    load_seconds = None
    if args.reuse:
        survey = Survey.objects.get(title_en=SURVEY_TITLE)
    else:
        call_command("migrate", verbosity=0)
        survey = build_survey()
        started = time.perf_counter()
        answers = load_responses(survey, args.responses)
        load_seconds = round(time.perf_counter() - started, 1)
        print(
            f"loaded {args.responses} responses, {answers} answers in {load_seconds}s "
            "(COPY, then VACUUM ANALYZE)",
            flush=True,
        )

    machine = _machine()
    try:
        measured = measure(survey, args.runs, args.explain)
    finally:
        machine["load_average_1m_at_end"] = round(os.getloadavg()[0], 2)
        if not (args.keep or args.reuse):
            _drop_database(env["DATABASE_URL"])
    slowest_page = max(
        measured["timings"][name]["median_ms"]
        for name in ("public results page (cold)", "staff results page (cold)")
    )
    summary = {
        **measured,
        "machine": machine,
        "load_seconds": load_seconds,
        "runs": args.runs,
        "target_ms": TARGET_MS,
        "results_pages_within_target": slowest_page < TARGET_MS,
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
