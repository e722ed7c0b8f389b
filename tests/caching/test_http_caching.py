"""What browsers and proxies are told: anonymous pages are public for a minute
with an ETag and answer 304; anything for a signed-in editor is private and never
stored; a session cookie that names no session is anonymous; a page from the
page cache carries the same security headers as a fresh one."""

import pytest
from django.contrib.sessions.backends.db import SessionStore

from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "X-Frame-Options",
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    ["/en/", "/ar/statements/", "/en/statements/feed/", "/en/events/calendar.ics", "/sitemap.xml"],
)
def test_anonymous_pages_are_public_for_a_minute_with_an_etag(client, demo_content, url):
    miss = client.get(url)
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    for response in (miss, hit):
        assert directives(response) == {"public", "max-age=60"}
        assert response["ETag"].startswith('"')
    assert miss["ETag"] == hit["ETag"]


def test_a_matching_if_none_match_gets_304_from_the_cache(client, demo_content):
    etag = client.get("/ar/statements/")["ETag"]
    response = client.get("/ar/statements/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert directives(response) == {"public", "max-age=60"}
    for name in SECURITY_HEADERS:
        assert name in response, name


def test_a_matching_if_none_match_gets_304_from_a_fresh_render(client, demo_content, settings):
    settings.PAGE_CACHE_SECONDS = 0
    etag = client.get("/en/statements/")["ETag"]
    response = client.get("/en/statements/", HTTP_IF_NONE_MATCH=f'"other", {etag}')
    assert response.status_code == 304
    assert "X-Page-Cache" not in response


def test_the_etag_follows_the_page_not_the_render(client, demo_content):
    zipped = client.get("/en/statements/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/en/statements/")
    assert zipped["Content-Encoding"] == "gzip"
    assert zipped["ETag"] != plain["ETag"]  # two representations, two tags
    client.get("/en/")  # nothing changes: a later render (cache emptied) gets the same tags
    from django.core.cache import cache

    cache.clear()
    assert client.get("/en/statements/", HTTP_ACCEPT_ENCODING="gzip")["ETag"] == zipped["ETag"]
    statement = Statement.objects.get(slug="unesco-dg-message-2005")
    statement.title_en = "A corrected title"
    statement.save()
    changed = client.get("/en/statements/", HTTP_IF_NONE_MATCH=plain["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != plain["ETag"]


def test_staff_pages_and_previews_are_private_and_never_stored(client, admin_user, demo_content):
    client.force_login(admin_user)
    draft = factories.StatementFactory(status="draft")
    for url in ["/en/statements/", draft.get_absolute_url(), "/en/admin/", "/healthz"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= directives(response), url
        assert "public" not in directives(response), url
        assert "X-Page-Cache" not in response, url
    # Nothing for an editor is revalidated against what anonymous readers were sent.
    assert client.get("/en/statements/", HTTP_IF_NONE_MATCH="*").status_code == 200


def expired_session_key():
    store = SessionStore()
    store["anything"] = 1
    store.create()
    key = store.session_key
    store.delete()
    return key


@pytest.mark.parametrize(
    "cookie", ["junk", "x" * 32, "0123456789abcdefghijklmnopqrstuv", "expired", "ünïcode"]
)
def test_a_session_cookie_naming_no_session_is_served_from_the_page_cache(
    client, demo_content, django_assert_num_queries, cookie
):
    if cookie == "expired":
        cookie = expired_session_key()
    client.get("/en/statements/")  # cached for anonymous readers
    client.cookies["sessionid"] = cookie
    with django_assert_num_queries(0 if len(cookie) < 8 else 1):  # at most the session lookup
        response = client.get("/en/statements/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert directives(response) == {"public", "max-age=60"}


def test_a_live_session_still_bypasses_the_page_cache(client, admin_user, demo_content):
    client.get("/en/statements/")
    client.force_login(admin_user)
    response = client.get("/en/statements/")
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("url", ["/en/", "/ar/statements/", "/en/statements/feed/"])
def test_pages_from_the_cache_carry_the_security_headers(client, demo_content, url):
    miss = client.get(url)
    hit = client.get(url)
    assert miss["X-Page-Cache"] == "miss" and hit["X-Page-Cache"] == "hit"
    for name in SECURITY_HEADERS:
        assert name in miss, name
        assert hit[name] == miss[name], name
    ignored = {"X-Page-Cache", "Content-Length", "Set-Cookie"}
    assert set(hit.headers) - ignored == set(miss.headers) - ignored
