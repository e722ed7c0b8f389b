"""The page cache keys a page by the query parameters its view reads, and no others
(issue 28, part 4).

Every unseen query string used to be a new page-cache entry (and, through
the view, new fragment and value entries): a crawler or an attacker adding
`?x=<random>` filled the cache and evicted the pages readers need. A page is
now keyed by the parameters its view declares, cleaned (order-independent,
empty values dropped), and the view sees only those: an unknown parameter
shares the canonical entry. Declared parameters with many values (a search's
words) are bounded per path by PAGE_CACHE_VARIANTS_PER_PATH.
"""

import os
import random
import socket
import string
import uuid
from urllib.parse import quote, urlsplit

import pytest
from django.core.cache import cache
from django.http import QueryDict

from sscportal.caching import pages

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, (url, response.status_code)
    return response


def body(response):
    import gzip

    content = response.content
    return gzip.decompress(content) if response.get("Content-Encoding") == "gzip" else content


# --- which entry a request gets ---------------------------------------------------------


@pytest.mark.parametrize(
    "canonical, other",
    [
        ("/en/initiatives/", "/en/initiatives/?utm_source=newsletter"),
        ("/en/initiatives/", "/en/initiatives/?q=&page="),
        ("/en/initiatives/?sdg=3&stage=ongoing", "/en/initiatives/?stage=ongoing&sdg=3"),
        ("/en/initiatives/?sdg=3", "/en/initiatives/?sdg=3&x=1&modality="),
        ("/ar/events/2023/", "/ar/events/2023/?fbclid=abc"),
        ("/en/search/?q=water", "/en/search/?q=water&utm_medium=x"),
    ],
)
def test_unknown_order_and_empty_parameters_share_the_canonical_entry(
    client, demo_content, canonical, other
):
    first = get(client, canonical)
    assert first["X-Page-Cache"] == "miss"
    second = get(client, other)
    assert second["X-Page-Cache"] == "hit"
    assert body(second) == body(first)


def test_a_page_that_declares_nothing_keeps_its_query_and_is_not_kept_with_one(
    client, demo_content
):
    """A view that does not say what it reads might read anything: its query
    string reaches it as sent, and the page is not kept (nor served from the cache)."""
    url = "/en/statements/unesco-dg-message-2005/"
    assert get(client, url)["X-Page-Cache"] == "miss"
    assert get(client, f"{url}?a=b")["X-Page-Cache"] == "bypass"
    assert get(client, f"{url}?a=b")["X-Page-Cache"] == "bypass"
    assert get(client, url)["X-Page-Cache"] == "hit"


def test_the_view_sees_only_the_declared_parameters(client, demo_content):
    """Rendered from the cleaned query: no junk in the page's own links, whoever came first."""
    first = get(client, "/en/initiatives/?sdg=3&junk=%3Cb%3E")
    assert b"junk" not in body(first)


def test_a_filtered_page_is_never_served_for_the_unfiltered_one(client, demo_content):
    filtered = get(client, "/en/initiatives/?sdg=3&utm=1")
    plain = get(client, "/en/initiatives/")
    assert plain["X-Page-Cache"] == "miss"
    assert body(plain) != body(filtered)
    assert body(get(client, "/en/initiatives/?utm=2")) == body(plain)
    assert body(get(client, "/en/initiatives/?sdg=3")) == body(filtered)
    # The last value counts, as the view reads it: sdg=3&sdg= is the unfiltered page.
    assert body(get(client, "/en/initiatives/?sdg=3&sdg=")) == body(plain)
    assert body(get(client, "/en/initiatives/?sdg=&sdg=3")) == body(filtered)


def test_a_sitemaps_second_page_is_not_its_first(client, demo_content):
    assert get(client, "/sitemap-initiatives.xml")["X-Page-Cache"] == "miss"
    # The sitemap's own `p` is declared: p=2 is not p=1 (here, past the end: 404).
    assert client.get("/sitemap-initiatives.xml?p=2").status_code == 404
    assert get(client, "/sitemap-initiatives.xml?x=2")["X-Page-Cache"] == "hit"


def test_entries_per_path_are_bounded(client, demo_content, settings):
    settings.PAGE_CACHE_VARIANTS_PER_PATH = 3
    stored = []
    for word in ["water", "health", "trade", "energy", "food"]:
        stored.append(get(client, f"/en/initiatives/?q={word}")["X-Page-Cache"])
    assert stored == ["miss", "miss", "miss", "uncached", "uncached"]
    assert get(client, "/en/initiatives/?q=water")["X-Page-Cache"] == "hit"
    # The canonical page of a path is never refused for the bound.
    assert get(client, "/en/initiatives/")["X-Page-Cache"] == "miss"
    assert get(client, "/en/initiatives/")["X-Page-Cache"] == "hit"
    # Another path has its own bound.
    assert get(client, "/en/statements/?q=water")["X-Page-Cache"] == "miss"


# --- a flood, against a real Redis ----------------------------------------------------

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
FLOOD = 1000
# Pages of every kind, with the parameters they declare (given good values).
FLOODED = [
    "/en/",
    "/ar/",
    "/en/initiatives/",
    "/ar/initiatives/?sdg=3",
    "/en/statements/",
    "/en/resources/",
    "/en/search/?q=water",
    "/en/events/",
    "/en/events/2023/",
    "/en/countries/",
    "/en/countries/ke/",
    "/en/organizations/",
    "/en/statements/unesco-dg-message-2005/",
    "/en/statements/feed/",
    "/en/events/calendar.ics",
    "/sitemap.xml",
]


def redis_is_running():
    address = urlsplit(REDIS_URL)
    try:
        socket.create_connection((address.hostname, address.port or 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_page_cache(settings):
    if not redis_is_running():
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"sscportal-flood-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "sscportal.caching.redis_backend.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = cache._cache.get_client(write=True)

    def keys():
        return {key.decode() for key in client.scan_iter(match=f"{prefix}:*", count=1000)}

    yield keys
    for key in keys():
        client.delete(key)


def random_text(chance, length, shortest=1):
    alphabet = string.ascii_letters + string.digits + "_-.~ %&=éج"
    return "".join(chance.choice(alphabet) for _ in range(chance.randint(shortest, length)))


def flood_url(chance, path):
    # Names of five characters or more: a random `q` or `p` would be a parameter
    # some page reads, whose values are entries of their own by design.
    extra = "&".join(
        f"{quote(random_text(chance, 12, 5), safe='')}={quote(random_text(chance, 20), safe='')}"
        for _ in range(chance.randint(1, 3))
    )
    return f"{path}{'&' if '?' in path else '?'}{extra}"


def test_a_random_parameter_flood_mints_no_cache_key(client, demo_content, redis_page_cache):
    keys = redis_page_cache
    for path in FLOODED:  # each page once, as readers would have
        assert client.get(path).status_code == 200, path
    before = keys()
    assert any(":page:" in key for key in before)
    chance = random.Random(28)
    answers = {}
    for _ in range(FLOOD):
        response = client.get(flood_url(chance, chance.choice(FLOODED)))
        answers[response.status_code] = answers.get(response.status_code, 0) + 1
    minted = keys() - before
    print(f"\nkeys minted by {FLOOD} random-parameter requests: {len(minted)}; answers {answers}")
    assert answers == {200: FLOOD}
    # A value kept to the minute (the home page's coming events) is named anew
    # when the clock turns during the flood: that is time, not the flood. The
    # same pages asked again without the junk, every page entry dropped so
    # that their views run, name every key the clock alone makes; the flood
    # may make no other.
    for key in keys():
        if ":page:" in key:
            cache._cache.get_client(write=True).delete(key)
    for path in FLOODED:
        assert client.get(path).status_code == 200, path
    by_the_clock = keys() - before
    assert minted <= by_the_clock, sorted(minted - by_the_clock)[:20]


def test_random_values_of_a_declared_parameter_are_bounded(
    client, demo_content, redis_page_cache, settings
):
    settings.PAGE_CACHE_VARIANTS_PER_PATH = 50
    keys = redis_page_cache
    get(client, "/en/initiatives/")
    chance = random.Random(29)
    for _ in range(200):
        client.get(f"/en/initiatives/?q={quote(random_text(chance, 10), safe='')}")
    page_keys = [key for key in keys() if ":page:" in key]
    assert len(page_keys) <= 50 + 1
    print(f"\npage entries after 200 random searches on one list: {len(page_keys)}")


def test_the_bound_is_a_setting(settings):
    assert settings.PAGE_CACHE_VARIANTS_PER_PATH == pages.DEFAULT_VARIANTS_PER_PATH


# --- the declarations are complete -------------------------------------------------------


class RecordingQueryDict(QueryDict):
    """A request's GET that notes every parameter name asked for, present or not."""

    asked = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def getlist(self, key, default=None):
        self.asked.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)


def test_every_view_reads_only_the_parameters_it_declares(demo_content, admin_user, monkeypatch):
    """What keeps the keys right: a view reading a parameter it does not declare would
    never see it for readers (the page cache leaves it out). Asked as an editor, whose
    requests the page cache leaves alone, with every parameter a view could read."""
    from django.core.handlers.wsgi import WSGIRequest
    from django.test import Client

    from tests.robustness.public_urls import public_urls

    def recording_get(request):
        if "_recording_get" not in request.__dict__:
            query = request.environ.get("QUERY_STRING", "")
            request.__dict__["_recording_get"] = RecordingQueryDict(query)
        return request.__dict__["_recording_get"]

    monkeypatch.setattr(WSGIRequest, "GET", property(recording_get))
    editor = Client()
    editor.force_login(admin_user)
    undeclared, checked = {}, 0
    for route, url in public_urls():
        if route.declared is None:
            continue  # it gets its query string as sent (and is not kept with one)
        RecordingQueryDict.asked = set()
        assert editor.get(url).status_code == 200, url
        checked += 1
        if RecordingQueryDict.asked - set(route.declared):
            undeclared[route.name] = sorted(RecordingQueryDict.asked - set(route.declared))
    assert checked >= 5
    assert not undeclared, undeclared
