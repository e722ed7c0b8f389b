"""The cache layers below whole pages can each be switched off, and pages stay right."""

import pytest
from django.core.cache import cache

from initiatives.models import Initiative
from sscportal.caching import values
from sscportal.caching.fragments import rendered_items

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0
    return settings


def stored_keys(kind):
    return [key for key in cache._cache if f":{kind}:" in key]  # LocMemCache's own dict


def test_fragments_off_renders_every_item_and_stores_none(client, no_page_cache):
    no_page_cache.CACHE_FRAGMENTS = False
    factories.InitiativeCountryFactory(initiative__title_en="Seen without fragments")
    assert "Seen without fragments" in client.get("/en/initiatives/").text
    assert stored_keys("item") == []


def test_fragments_on_stores_each_item(client, no_page_cache):
    factories.InitiativeCountryFactory(initiative__title_en="Kept as a fragment")
    assert "Kept as a fragment" in client.get("/en/initiatives/").text
    assert stored_keys("item") != []


def test_worker_memory_off_keeps_nothing_in_the_process(no_page_cache, monkeypatch):
    no_page_cache.CACHE_WORKER_MEMORY = False
    monkeypatch.setattr(values, "_this_process", {})
    assert values.until_content_changes("probe", lambda: "value", language="en") == "value"
    assert values._this_process == {}
    no_page_cache.CACHE_WORKER_MEMORY = True
    # From the shared cache:
    assert values.until_content_changes("probe", lambda: "other", language="en") == "value"
    assert values._this_process != {}


def test_a_cold_list_is_queried_once_then_not_at_all(no_page_cache, django_assert_num_queries):
    # Rendering a list with nothing cached runs its query once (not an ids query
    # and then the full one); with ids and items cached, not at all.
    for n in range(3):
        factories.InitiativeFactory(slug=f"listed-{n}", title_en=f"Listed {n}")
    listed = Initiative.objects.order_by("slug")
    cache.clear()
    with django_assert_num_queries(1):
        cold = rendered_items(listed, "includes/initiative_link.html", language="en")
    with django_assert_num_queries(0):
        warm = rendered_items(listed, "includes/initiative_link.html", language="en")
    assert cold == warm and cold.index("Listed 0") < cold.index("Listed 2")
