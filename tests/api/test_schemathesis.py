"""Schemathesis against the API's own OpenAPI schema, in-process through WSGI (no server).

Every operation of /api/v1/schema/ is called with a bounded number of generated requests over
seeded public data. Valid requests must get no server error and an answer that the schema
describes: a documented status code and content type, the declared headers, and a body that fits
the response schema. Requests that break the schema must still get no server error.

It runs in plain `pytest` (so in `make test` and CI). It calls Schemathesis's Python API inside an
ordinary test, so pytest-django's database fixtures hold; Hypothesis is derandomized, so a run is
reproducible and not flaky.
"""

import copy

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from engagement_portal.wsgi import application
from tests.api.conftest import seed_public_data

SCHEMA_PATH = "/api/v1/schema/"
JSON_SCHEMA = {"Accept": "application/vnd.oai.openapi+json"}
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 25


@pytest.fixture
def wsgi_in_test_transaction(settings):
    """Requests go through Django's WSGI handler, which closes the database connection when a
    request ends; Django's own test client stops that, and so do we, or the test's transaction
    (with the seeded data) would be closed under it. No throttling during the run."""
    settings.PORTAL_API_RATE = "1000000/minute"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def run(
    schema, *, mode: GenerationMode, checks: list, examples: int = EXAMPLES
) -> tuple[list[str], int]:
    """Run every operation; return a report per operation that failed, and how many calls ran."""
    failures = []
    calls = 0
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the schema has no operations"
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def call(case):
            nonlocal calls
            calls += 1
            case.call_and_validate(checks=checks)

        try:
            call()
        except (Exception, BaseExceptionGroup) as error:  # a failed check, or several
            found = getattr(error, "exceptions", None) or [error]
            failures.append(f"{operation.label}: " + "\n".join(map(str, found)))
    return failures, calls


@pytest.mark.django_db
def test_every_operation_conforms_to_the_schema(wsgi_in_test_transaction):
    seed_public_data()
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, application, headers=JSON_SCHEMA)
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert {"GET /api/v1/engagements/", "GET /api/v1/sessions/{id}/"} <= labels

    failures, valid_calls = run(schema, mode=GenerationMode.POSITIVE, checks=CONFORMANCE)
    invalid_failures, invalid_calls = run(
        schema, mode=GenerationMode.NEGATIVE, checks=[not_a_server_error]
    )

    # A run that made (almost) no calls proves nothing.
    assert valid_calls >= 10 * len(labels)
    assert invalid_calls >= 10 * len(labels)
    failures += invalid_failures

    assert not failures, "\n\n".join(failures)


def _engagements_only(raw: dict) -> dict:
    raw = copy.deepcopy(raw)
    raw["paths"] = {"/api/v1/engagements/": raw["paths"]["/api/v1/engagements/"]}
    return raw


def _title_is_a_number(raw: dict) -> dict:
    raw["components"]["schemas"]["Engagement"]["properties"]["title"] = {"type": "integer"}
    return raw


def _no_400(raw: dict) -> dict:
    del raw["paths"]["/api/v1/engagements/"]["get"]["responses"]["400"]
    return raw


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("break_schema", "mode", "expected"),
    [
        (_title_is_a_number, GenerationMode.POSITIVE, 'is not of type "integer"'),
        (_no_400, GenerationMode.NEGATIVE, "Undocumented status code\n\nReceived: 400"),
    ],
)
def test_a_response_the_schema_does_not_describe_is_reported(
    wsgi_in_test_transaction, break_schema, mode, expected
):
    """The run can fail: with a schema that says an engagement's title is a number, or that the
    engagement list never answers 400, it reports the operation and the problem."""
    seed_public_data()
    loaded = schemathesis.openapi.from_wsgi(SCHEMA_PATH, application, headers=JSON_SCHEMA)
    schema = schemathesis.openapi.from_dict(break_schema(_engagements_only(loaded.raw_schema)))
    schema.app = application

    failures, _calls = run(schema, mode=mode, checks=CONFORMANCE, examples=15)

    assert len(failures) == 1
    assert failures[0].startswith("GET /api/v1/engagements/")
    assert expected in failures[0]
