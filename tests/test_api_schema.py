"""The API against its own OpenAPI schema: schemathesis makes requests from the schema, valid ones and malformed
ones, sends them to the WSGI application in process, and runs every check it has (`--checks all`): answers the
schema describes, valid requests accepted and malformed ones refused."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from archive.research.api.service import api
from archive.wsgi import application
from tests.support.browsing_archive import build_browsing_archive

# The schema the API serves at /api/openapi.json (test_api_serving.py checks that it is this one), read without a
# request: tests are collected before any database exists, and serving a page reads the archive's generation.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application


@pytest.fixture
def archive(db):
    build_browsing_archive()


@pytest.fixture
def in_test_transaction():
    """Keep the database connection open across the WSGI application's requests, as Django's test client does:
    the application closes it at each request's start and end, which on PostgreSQL would end the test's
    transaction and lose the archive it holds."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    # Every example reads the one archive the fixture made; none changes it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_gets_a_server_error_or_an_answer_its_schema_does_not_describe(case, archive, in_test_transaction):
    case.call_and_validate()


def test_every_operation_documents_the_414_the_server_in_front_gives_a_request_line_too_long():
    operations = [operation for methods in schema.raw_schema["paths"].values() for operation in methods.values()]

    assert len(operations) == 7
    assert all("414" in operation["responses"] for operation in operations)


def test_the_cursor_is_no_parameter_to_fill_in_but_opaque_inside_next():
    """A client that made one up would get a 400 for a request its schema allowed (`positive_data_acceptance`)."""
    [operation] = schema.raw_schema["paths"]["/api/articles/"].values()
    next_link = schema.raw_schema["components"]["schemas"]["ArticlePage"]["properties"]["next"]

    assert "cursor" not in [parameter["name"] for parameter in operation["parameters"]]
    assert "opaque, issued by the server" in next_link["description"]
