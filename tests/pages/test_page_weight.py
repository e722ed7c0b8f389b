"""Every page, with its stylesheet and font, stays under 100 KB compressed."""

import gzip
import re
from pathlib import Path

import pytest

from exchange import corpus

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "static"
BUDGET = 100 * 1024
PAGES = [
    "",
    "initiatives/",
    "initiatives/sesric-statistics-research-training-oic/",
    "countries/",
    "countries/cn/",
    "events/",
    "events/2023/",
    "events/2023/high-level-panel-2023/",
    "statements/",
    "statements/al-khatib-remarks-china-unossc-2025/",
    "search/?q=التعاون",
]


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


def get_as_a_browser(client, url):
    """The response as sent to a browser that accepts gzip: (bytes on the wire, HTML)."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200, url
    assert response["Content-Encoding"] == "gzip", "pages are sent compressed"
    assert "Accept-Encoding" in response["Vary"]
    return len(response.content), gzip.decompress(response.content)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_page_css_and_font_fit_the_budget(client, demo_content, language, path):
    sent, html = get_as_a_browser(client, f"/{language}/{path}")
    stylesheets = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert stylesheets == [b"css/site.css"], "one stylesheet, nothing else render-blocking"
    # A page may add a small script of its own (an event's reader-time.js), run
    # after the page is read: never one that blocks rendering.
    scripts = re.findall(rb'<script src="/static/([^"]+)"( defer)?></script>', html)
    assert all(deferred for _script, deferred in scripts), "scripts are deferred"
    assert html.count(b"<script src") == len(scripts)
    total = sent + compressed((STATIC / "css" / "site.css").read_bytes())
    total += sum(compressed((STATIC / script.decode()).read_bytes()) for script, _ in scripts)
    if language == "ar":  # Latin pages never download the Arabic font (unicode-range)
        total += sum(f.stat().st_size for f in (STATIC / "fonts").glob("*.woff2"))
    assert total < BUDGET, f"{total} bytes"


def test_a_full_feed_fits_the_budget(client):
    # Statements as long as the benchmark's (6 to 10 paragraphs in each language).
    corpus.generate(initiatives=1, events=1, statements=25, organizations=2, log=lambda *a: None)
    sent, feed = get_as_a_browser(client, "/en/statements/feed/")
    assert feed.count(b"<entry>") == 20
    assert sent < BUDGET, f"{sent} bytes"
