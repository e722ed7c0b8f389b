"""The IATI file of a large generated corpus (exchange/corpus.py): valid against
the schema, passing the ruleset checks, one activity per published initiative,
and written in a bounded number of queries."""

import os
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exchange import corpus
from initiatives.models import Initiative

from .iati_checks import parse, ruleset_errors, schema_errors, start_date_errors

pytestmark = pytest.mark.django_db

# The size issue 26 names; IATI_CORPUS=1000 for a quicker run.
SIZE = int(os.environ.get("IATI_CORPUS", "10000"))


def test_the_export_of_a_generated_corpus_is_valid(client):
    # No linked names: the IATI file does not read the search columns, and
    # filling them would compute every initiative's search document twice.
    corpus.generate(
        initiatives=SIZE,
        events=1,
        statements=1,
        organizations=50,
        log=lambda *a: None,
        linked_names=False,
    )
    published = Initiative.objects.published()
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/iati/activities.xml")
        body = b"".join(response.streaming_content)
    seconds = time.monotonic() - started
    document = parse(body)

    assert len(document) == published.count() > SIZE * 0.9
    assert schema_errors(document, "iati-activities-schema.xsd") == []
    assert ruleset_errors(document, timezone.localdate()) == []
    dated = {
        f"XI-IATI-SSCPORTAL-{slug}"
        for slug in published.exclude(start_date=None).values_list("slug", flat=True)
    }
    assert start_date_errors(document, dated) == []
    # Six queries per chunk of 500 initiatives (the rows and five lists), and a few more.
    assert len(queries) <= 10 + 6 * (SIZE // 500 + 1)
    print(f"{len(document)} activities, {len(body) / 1e6:.1f} MB in {seconds:.1f} s")
