"""The Host header decides nothing a reader sees: absolute URLs come from SITE_URL,
and a Host outside ALLOWED_HOSTS is a 400 with the error page, cached page or not.

ALLOWED_HOSTS does not look at the port, so `Host: localhost:6666` passes it:
before SITE_URL, the first reader to send it wrote that origin into the
canonical, alternate, og:url and JSON-LD links, the sitemaps, the feed and the
calendars served from the page cache to everybody after.
"""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from sscportal.configuration.site import absolute_url, canonical_site_url

pytestmark = pytest.mark.django_db

POISON = "localhost:6666"

URLS = [
    "/en/",
    "/ar/",
    "/en/initiatives/",
    "/en/countries/ke/",
    "/ar/events/2023/",
    "/en/statements/",
    "/ar/statements/unesco-dg-message-2005/",
    # One with both versions: side by side of an English-only one redirects.
    "/en/statements/al-khatib-remarks-china-unossc-2025/side-by-side/",
    "/en/statements/unesco-dg-message-2005/cite.bib",
    "/en/statements/unesco-dg-message-2005/cite.ris",
    "/en/resources/",
    "/en/resources/sesric-unossc-joint-report-2020/",
    "/ar/organizations/sesric/",
    "/en/pages/about-the-day/",
    "/en/countries/regions/002/",
    "/en/search/?q=cooperation",
    "/en/statements/feed/",
    "/ar/statements/feed/",
    "/en/events/calendar.ics",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-statements.xml",
    "/robots.txt",
    "/en/statements/nothing-here/",  # the 404 page has canonical links too
]


def event_ics_url():
    from events.models import Event

    event = Event.objects.published().select_related("observance").first()
    return event.get_absolute_url().rstrip("/") + ".ics"


@pytest.mark.parametrize("scheme_header", [{}, {"HTTP_X_FORWARDED_PROTO": "https"}])
def test_a_poisoned_host_never_shows_in_fresh_or_cached_pages(
    client, demo_content, settings, scheme_header
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    urls = [*URLS, event_ics_url()]
    for url in urls:  # the poisoned request comes first, so its answer is what gets cached
        poisoned = client.get(url, HTTP_HOST=POISON, **scheme_header)
        assert poisoned.status_code == (404 if "nothing-here" in url else 200), url
        assert "6666" not in poisoned.text and "localhost" not in poisoned.text, url
    for url in urls:
        text = client.get(url).text
        assert "6666" not in text and "localhost" not in text, url
    home = client.get("/en/")
    assert home["X-Page-Cache"] == "hit"
    assert '<link rel="canonical" href="http://testserver/en/">' in home.text


def test_absolute_urls_follow_site_url(client, demo_content, settings):
    settings.SITE_URL = "https://ssc.example.org"
    html = client.get("/ar/statements/unesco-dg-message-2005/").text
    assert (
        'rel="canonical" href="https://ssc.example.org/ar/statements/unesco-dg-message-2005/"'
        in html
    )
    assert '"url": "https://ssc.example.org/ar/statements/unesco-dg-message-2005/"' in html
    assert "Sitemap: https://ssc.example.org/sitemap.xml" in client.get("/robots.txt").text
    assert "<loc>https://ssc.example.org/sitemap-pages.xml</loc>" in client.get("/sitemap.xml").text
    assert "<loc>https://ssc.example.org/en/</loc>" in client.get("/sitemap-pages.xml").text
    feed = client.get("/en/statements/feed/").text
    assert 'href="https://ssc.example.org/en/statements/feed/"' in feed
    calendar = client.get("/en/events/calendar.ics").content.decode()
    assert "URL:https://ssc.example.org/en/events/" in calendar
    assert "@ssc.example.org" in calendar


@pytest.mark.parametrize(
    "url", ["/en/", "/ar/statements/", "/healthz", "/sitemap.xml", "/robots.txt", "/en/admin/"]
)
def test_a_disallowed_host_gets_400_with_the_error_page(client, demo_content, url):
    client.get(url)  # a page in the page cache must not answer it either
    response = client.get(url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.text
    assert "Bad request" in response.text or "طلب غير صالح" in response.text
    assert 'content="noindex"' in response.text


def test_site_url_must_be_an_origin():
    assert canonical_site_url("HTTPS://SSC.Example.org/") == "https://ssc.example.org"
    assert canonical_site_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    for wrong in ["ssc.example.org", "ftp://ssc.example.org", "https://ssc.example.org/en/", ""]:
        with pytest.raises(ImproperlyConfigured):
            canonical_site_url(wrong)


def test_absolute_url_keeps_arabic_paths_as_uris(settings):
    settings.SITE_URL = "https://ssc.example.org"
    assert absolute_url("/ar/بحث/") == "https://ssc.example.org/ar/%D8%A8%D8%AD%D8%AB/"


def test_production_settings_refuse_to_start_without_site_url():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "sscportal.settings_production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "ssc.example.org",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr
