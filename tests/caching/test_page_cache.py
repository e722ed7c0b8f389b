"""Anonymous pages are served from the cache until content changes, then at once afresh."""

import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import SustainableDevelopmentGoal
from sscportal.caching import values, versions
from sscportal.caching.values import EVERY_LANGUAGE
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_second_anonymous_request_is_a_cache_hit_without_queries(client, demo_content):
    first, _ = get(client, "/ar/statements/")
    second, queries = get(client, "/ar/statements/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert queries == 0
    assert second.content == first.content
    assert "default-src 'none'" in second["Content-Security-Policy"]


def test_languages_are_cached_separately(client, demo_content):
    english, _ = get(client, "/en/statements/")
    arabic, _ = get(client, "/ar/statements/")
    assert '<html lang="ar"' in get(client, "/ar/statements/")[0].text
    assert english.content != arabic.content


def test_publishing_is_visible_at_once(client, demo_content):
    get(client, "/en/statements/")
    draft = factories.StatementFactory(status="draft", title_en="Brand new statement")
    assert "Brand new statement" not in get(client, "/en/statements/")[0].text
    draft.status = "published"
    draft.save()
    response, _ = get(client, "/en/statements/")
    assert response["X-Page-Cache"] == "miss"
    assert "Brand new statement" in response.text


def test_deleting_is_visible_at_once(client, demo_content):
    assert "UNESCO" in get(client, "/en/statements/")[0].text
    Statement.objects.get(slug="unesco-dg-message-2005").delete()
    assert (
        "Message from the Director-General of UNESCO" not in get(client, "/en/statements/")[0].text
    )


def test_logged_in_staff_are_never_served_or_stored(client, admin_user, demo_content):
    client.force_login(admin_user)
    response, _ = get(client, "/en/statements/")
    assert "X-Page-Cache" not in response
    draft = factories.StatementFactory(status="draft")
    assert get(client, draft.get_absolute_url())[0].status_code == 200
    client.logout()
    assert get(client, draft.get_absolute_url())[0].status_code == 404


def test_errors_are_not_cached(client, demo_content):
    response, _ = get(client, "/en/statements/nothing/")
    assert response.status_code == 404 and "X-Page-Cache" not in response


@pytest.mark.parametrize(
    "url", ["/en/", "/en/initiatives/", "/en/countries/ke/", "/ar/initiatives/?sdg=3"]
)
def test_cached_list_items_follow_edits_at_once(client, settings, url):
    # The page cache off: what is left are the cached ids and rendered items of lists.
    settings.PAGE_CACHE_SECONDS = 0
    goal = SustainableDevelopmentGoal.objects.get(number=3)

    def initiative(**titles):
        created = factories.InitiativeCountryFactory(
            initiative__title_en=titles["en"], initiative__title_ar=titles["ar"]
        ).initiative
        created.sdgs.add(goal)
        return created

    def shown(en, ar):
        text = client.get(url).text
        return (en if url.startswith("/en/") else ar) in text

    edited = initiative(en="Old title", ar="عنوان قديم")
    assert shown("Old title", "عنوان قديم")
    edited.title_en, edited.title_ar = "New title", "عنوان جديد"
    edited.save()
    assert shown("New title", "عنوان جديد") and not shown("Old title", "عنوان قديم")
    initiative(en="Added later", ar="أضيفت لاحقا")
    assert shown("Added later", "أضيفت لاحقا")


def test_pages_are_cached_compressed_for_readers_who_accept_it(client, demo_content):
    def fetch(**headers):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/ar/statements/", **headers)
        return response, len(queries)

    zipped_miss, _ = fetch(HTTP_ACCEPT_ENCODING="gzip, br")
    zipped_hit, queries = fetch(HTTP_ACCEPT_ENCODING="gzip, br")
    assert (zipped_miss["X-Page-Cache"], zipped_hit["X-Page-Cache"], queries) == ("miss", "hit", 0)
    assert zipped_hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped_hit["Vary"]
    plain, _ = fetch()  # a reader that does not accept gzip gets its own copy
    assert plain["X-Page-Cache"] == "miss" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(zipped_hit.content) == plain.content


def test_a_worker_remembers_values_no_longer_than_the_shared_cache(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    clock = [1000.0]
    monkeypatch.setattr(values.time, "monotonic", lambda: clock[0])
    assert values.until_content_changes("probe", lambda: "old", language=EVERY_LANGUAGE) == "old"
    # The shared copy is gone (expired, or Redis restarted with this version
    # still in it): the worker still has its own...
    cache.delete(values.value_key("probe", language=EVERY_LANGUAGE))
    assert values.until_content_changes("probe", lambda: "new", language=EVERY_LANGUAGE) == "old"
    # ...but only for the shared cache's lifetime.
    clock[0] += 601
    assert values.until_content_changes("probe", lambda: "new", language=EVERY_LANGUAGE) == "new"
    # A new content version is new keys at once, whatever the worker holds.
    versions.bump_content_version()
    assert (
        values.until_content_changes("probe", lambda: "newer", language=EVERY_LANGUAGE) == "newer"
    )
