"""Property tests (hypothesis): the import and the public pages against generated input.

- Import: mutations of a valid document (the demo content). A mutated document
  is either refused, every error as `path: message` and the database
  unchanged, or accepted, and then what is stored round-trips through export.
- Public pages: any query string on any public URL is answered without a 5xx.

The budget is bounded so `make test` stays fast; ROBUSTNESS_EXAMPLES raises it
for a longer hunt. Derandomized: a run is reproducible, and a failure found
once is found again.
"""

import copy
import json
import os
import re
from urllib.parse import quote

import pytest
from django.conf import settings as site_settings
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exchange.document import ImportFailed, dumps
from exchange.exporter import export_content
from exchange.importer import import_content
from resources.filters import ResourceFilterForm

from .public_urls import public_urls, routes

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("ROBUSTNESS_EXAMPLES", "40"))
BUDGET = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

with open("demo/content.json", encoding="utf-8") as handle:
    DEMO = json.load(handle)

# What a hostile or careless file may hold in place of any value.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=5),
    st.sampled_from(
        [
            "",
            "x\n",
            "2023-09-12",
            "0001-01-01",
            "9999-12-31",
            "2023-09-12T10:00:00+16:00",
            "2023-09-12T10:00:00+05:30",
            "KE",
            "ke",
            "published",
            "draft",
            "<script>alert(1)</script>",
            "\ud800",
            "\uffff",
            "a" * 400,
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(document, prefix=()):
    """Every path (tuple of keys and indexes) to a value inside `document`."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += paths(value, (*prefix, index))
    return found


PATHS = [path for path in paths(DEMO) if path]


@st.composite
def mutated_documents(draw):
    document = copy.deepcopy(DEMO)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(PATHS))
        parent = document
        try:
            for part in path[:-1]:
                parent = parent[part]
            last = path[-1]
            parent[last]  # still there after an earlier mutation?
        except (KeyError, IndexError, TypeError):
            continue
        action = draw(st.sampled_from(["replace", "delete", "add-key", "copy-sibling"]))
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "delete":
            del parent[last]
        elif action == "add-key" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
        elif action == "copy-sibling" and isinstance(parent, list) and parent:
            parent.append(copy.deepcopy(parent[draw(st.integers(0, len(parent) - 1))]))
    return document


PATH_MESSAGE = re.compile(r"[^\n]+?: [^\n]+", re.DOTALL)


def stored():
    return dumps(export_content())


@BUDGET
@given(document=mutated_documents())
def test_a_mutated_document_is_refused_with_paths_or_round_trips(db, document):
    with transaction.atomic():
        before = stored()
        try:
            import_content(json.dumps(document))
        except ImportFailed as failure:
            errors = failure.report.errors
            assert errors
            for error in errors:
                assert PATH_MESSAGE.fullmatch(error), error
            assert stored() == before, "a refused import must change nothing"
        else:
            exported = stored()
            import_content(exported)
            assert stored() == exported
        transaction.set_rollback(True)


def _parameter_names():
    """Every parameter any route declares (the filter forms' fields among them)."""
    return sorted({name for route in routes() for name in route.parameters})


names = st.one_of(st.sampled_from(_parameter_names()), st.text(min_size=1, max_size=6))
# Raw query-string text: any bytes, percent-encoded, so invalid UTF-8 is sent too.
raw_values = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40).map(
        lambda value: quote(value, safe="")
    ),
    st.binary(max_size=12).map(lambda value: quote(value, safe="")),
    st.integers().map(str),
)

_urls = {}


def every_public_url():
    """Every route's sample URLs, in both languages (the demo content's, the same each test)."""
    if not _urls:
        _urls["all"] = [url for _route, url in public_urls()]
    return _urls["all"]


@BUDGET
@given(data=st.data(), query=st.lists(st.tuples(names, raw_values), max_size=4))
def test_no_query_string_gives_a_server_error(demo_content, data, query):
    path = data.draw(st.sampled_from(every_public_url()), label="path")
    client = Client(raise_request_exception=False)
    text = "&".join(f"{quote(name, safe='')}={value}" for name, value in query)
    response = client.get(f"{path}?{text}")
    assert response.status_code < 500, (path, text, response.status_code)


@BUDGET
@given(
    query=st.lists(
        st.tuples(st.sampled_from(sorted(ResourceFilterForm.base_fields)), raw_values),
        min_size=1,
        max_size=4,
    )
)
def test_the_resource_filters_take_any_value(demo_content, query):
    client = Client(raise_request_exception=False)
    text = "&".join(f"{name}={value}" for name, value in query)
    for language, _name in site_settings.LANGUAGES:
        response = client.get(f"/{language}/resources/?{text}")
        assert response.status_code < 500, (language, text, response.status_code)
