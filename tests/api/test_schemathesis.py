"""Schemathesis against the API's own OpenAPI document: for every operation, requests
generated from the document (valid and invalid ones), each answer checked against it.

Bounded and repeatable: 25 examples an operation, derandomized. The checks are
those that hold for any answer: no server error, a documented status code, a
documented content type, a body that follows its schema. (Not "a valid
request is accepted": a well-formed country code the site does not know is
rightly a 400.)
"""

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis import checks

from front.api.schema import document
from sscportal.wsgi import application

pytestmark = pytest.mark.django_db

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(autouse=True)
def connection_kept_across_requests():
    # As Django's test client does: a request's end would otherwise close the
    # connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The document the API serves (/api/v1/openapi.json), built without the database,
# and requests sent to the site's WSGI application in this process.
# (schemathesis.pytest.from_fixture would fetch it through the application, but
# its lazy loading reads a pytest node attribute that pytest 9 no longer has.)
schema = schemathesis.openapi.from_dict(document())
schema.app = application


@schema.parametrize()
@hypothesis.settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    # The database fixture is set up once per operation, not once per example: the
    # examples only read.
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.filter_too_much,
    ],
)
def test_every_operation_answers_as_its_document_says(case, demo_content):
    # Its WSGI transport asks for gzip and does not unpack it (the site compresses).
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})
