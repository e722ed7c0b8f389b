"""A page served from the cache costs one round trip to Redis (issue 29, part 5).

Counted by the Redis server itself (INFO commandstats) on a Redis this test
starts: the worker's table of content versions is held for
CACHE_VERSIONS_SECONDS, so a hit is the GET of the page and nothing else; a
worker whose table is older reads it again first (HGETALL), a second one.
"""

import pytest
import redis
from django.test import override_settings

from .test_cache_outage import own_redis  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

URL = "/en/statements/"


class Counter:
    """Commands the server ran, asked of it on a connection of the counter's own."""

    def __init__(self, server):
        self.client = redis.Redis(port=server.port, single_connection_client=True)
        self.since_last()  # its own connecting (HELLO...) before the counting starts

    def since_last(self):
        """{command: calls} since the last call, leaving out the counting's own."""
        stats = self.client.info("commandstats")
        self.client.config_resetstat()
        return {
            name.removeprefix("cmdstat_"): entry["calls"]
            for name, entry in stats.items()
            if name not in ("cmdstat_info", "cmdstat_config|resetstat")
        }


def test_a_cache_hit_is_one_get(client, demo_content, own_redis, settings):  # noqa: F811
    settings.CACHE_VERSIONS_SECONDS = 60  # a hit within the hold, whatever the machine's speed
    assert client.get(URL)["X-Page-Cache"] == "miss"
    counter = Counter(own_redis)
    assert client.get(URL)["X-Page-Cache"] == "hit"
    assert counter.since_last() == {"get": 1}


def test_a_hit_after_the_hold_reads_the_versions_first(
    client,
    demo_content,
    own_redis,  # noqa: F811
    settings,
):
    settings.CACHE_VERSIONS_SECONDS = 0
    client.get(URL)
    counter = Counter(own_redis)
    assert client.get(URL)["X-Page-Cache"] == "hit"
    assert counter.since_last() == {"hgetall": 1, "get": 1}


@override_settings(ROOT_URLCONF="bench.urls")
def test_a_view_never_page_cached_costs_no_round_trip(client, own_redis, settings):  # noqa: F811
    settings.CACHE_VERSIONS_SECONDS = 60
    client.get("/en/")  # the versions read and held, as in a worker serving pages
    counter = Counter(own_redis)
    assert client.get("/bench/trivial").content == b"ok"
    assert counter.since_last() == {}
