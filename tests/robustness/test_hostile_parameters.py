"""No query string gives a 5xx: every public parameter and every admin changelist
parameter against our list of naughty strings (issue 12, item 8, and "build as well")."""

import os
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from .. import factories
from .hostile import NAUGHTY, RAW, changelist_parameters, content_admins, encoded, every_value
from .public_urls import route_names, routes, sample_urls

pytestmark = pytest.mark.django_db

# ROBUSTNESS_FULL=1 sends every naughty value to every admin parameter (~9,000
# requests, minutes); by default each parameter gets the values that broke
# it before, and the rest of the list is shared out among the parameters.
FULL = os.environ.get("ROBUSTNESS_FULL") == "1"
ADMIN_CORE = ["%00", "9" * 30, encoded("²"), "%ED%A0%80"]

PAGINATED = [
    "/en/initiatives/",
    "/ar/initiatives/",
    "/en/statements/",
    "/ar/statements/",
    "/en/events/2023/",
    "/en/search/?q=cooperation&",
]

PAGE_VALUES = ["²", "³", "①", "⑩", "𝟙", "¹²", "Ⅻ", "½", "٣", "߂"]


@pytest.fixture
def lenient_client():
    # A 500 is what we look for: answered, not raised into the test.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", PAGINATED)
def test_page_numbers_that_are_not_ascii_digits_never_500(client, demo_content, url):
    separator = "" if url.endswith("&") else "?"
    for value in PAGE_VALUES:
        response = client.get(f"{url}{separator}page={encoded(value)}")
        assert response.status_code in (200, 404), (value, response.status_code)


def initiative_links(html):
    return re.findall(r'href="(/en/initiatives/[a-z0-9-]+/)"', html)


def test_a_superscript_page_is_the_first_page_as_any_junk_page_is(client, demo_content):
    first = initiative_links(client.get("/en/initiatives/?page=abc").text)
    assert first
    assert initiative_links(client.get(f"/en/initiatives/?page={encoded('²')}").text) == first
    # Digits of other scripts are numbers (as Django's forms read them).
    assert client.get(f"/en/initiatives/?page={encoded('١')}").status_code == 200


# Values every parameter gets; the English page of a route that declares
# parameters gets all of NAUGHTY and RAW on each of them.
CORE = ["%00", "9" * 30, encoded("²"), "%ED%A0%80", encoded("' OR 1=1 --"), encoded("a" * 5000)]


def _sweep(client, url, names, values):
    failures = []
    for name in names:
        for value in values:
            response = client.get(f"{url}?{name}={value}")
            if response.status_code >= 500:
                failures.append(f"{url}?{name}={value[:40]}: {response.status_code}")
    return failures


@pytest.mark.parametrize("name", route_names())
def test_every_public_parameter_survives_the_naughty_strings(lenient_client, demo_content, name):
    route = next(route for route in routes() if route.name == name)
    failures, sent = [], 0
    for language in route.languages():
        for index, url in enumerate(sample_urls(route, language)):
            first = language in (None, settings.LANGUAGE_CODE) and index == 0
            everything = FULL or (bool(route.declared) and first)
            values = every_value() if everything else CORE
            failures += _sweep(lenient_client, url, route.parameters, values)
            sent += len(route.parameters) * len(values)
    assert sent
    assert not failures, failures


@pytest.fixture
def superuser_client(lenient_client):
    user = User.objects.create_superuser("root", password="a long root password")
    lenient_client.force_login(user)
    return lenient_client


@pytest.fixture
def some_content(demo_content):
    factories.InitiativeCountryFactory()
    factories.EventFactory()


def _values_for(index):
    if FULL:
        return every_value()
    everything = [encoded(value) for value in NAUGHTY] + RAW
    # Two more values per parameter, a different two for each.
    shared = [everything[(index * 2 + step) % len(everything)] for step in range(2)]
    return ADMIN_CORE + shared


@pytest.mark.parametrize(
    "url, model_admin", content_admins(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_admin_changelist_parameter_survives_hostile_values(
    superuser_client, some_content, url, model_admin
):
    failures = []
    names = changelist_parameters(superuser_client, url, model_admin)
    for index, name in enumerate(names):
        for value in _values_for(index + len(url)):
            response = superuser_client.get(f"{url}?{name}={value}")
            if response.status_code >= 500:
                failures.append(f"{name}={value}: {response.status_code}")
    assert not failures, failures
