"""Every page, with its stylesheet and font, stays under 100 KB compressed."""

import gzip
import re
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_page_css_and_font_fit_the_budget(client, demo_content, language, path):
    html = client.get(f"/{language}/{path}").content
    stylesheets = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert stylesheets == [b"css/site.css"], "one stylesheet, nothing else render-blocking"
    assert b"<script src" not in html
    total = compressed(html) + compressed((STATIC / "css" / "site.css").read_bytes())
    if language == "ar":  # Latin pages never download the Arabic font (unicode-range)
        total += sum(f.stat().st_size for f in (STATIC / "fonts").glob("*.woff2"))
    assert total < BUDGET, f"{total} bytes"
