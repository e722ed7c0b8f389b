"""A printed statement: the site's name, the statement's facts and address,
no navigation, and no last page holding only a few stray lines."""

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

STATEMENTS = [
    "unesco-dg-message-2005",
    "al-khatib-remarks-china-unossc-2025",
    "sesric-unossc-joint-report-press-release-2020",
    "secretary-general-statement-2023",
]
# A last page with less than this share of a full page's text is "near-empty".
NEAR_EMPTY = 0.2


def printed(browser, url):
    page = browser.new_page()
    try:
        page.goto(url)
        return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    finally:
        page.close()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("slug", STATEMENTS)
def test_a_printed_statement_has_its_facts_and_no_near_empty_last_page(
    browser, site, slug, language
):
    path = f"/{language}/statements/{slug}/"
    pdf = printed(browser, site.url + path)
    texts = [page.extract_text() for page in pdf.pages]
    everything = "".join(texts).replace("\n", "")
    # The address is printed in full (it may wrap; the line breaks are removed above).
    assert path in everything
    if language == "en":  # pypdf cannot read back the subset Arabic font's letters
        assert "South-South Cooperation" in texts[0]
    if len(texts) > 1:
        fullest = max(len(text) for text in texts)
        assert len(texts[-1]) >= NEAR_EMPTY * fullest, [len(text) for text in texts]


def test_print_styles_hide_navigation_and_show_the_address(browser, site):
    page = browser.new_page()
    try:
        page.goto(site.url + "/en/statements/al-khatib-remarks-china-unossc-2025/")
        shown = "el => getComputedStyle(el).display"
        assert page.eval_on_selector("dd.print-only", shown) == "none"
        page.emulate_media(media="print")
        for hidden in ["nav.main-nav", ".language-switch", ".site-footer", ".statement-tools"]:
            assert page.eval_on_selector(hidden, shown) == "none", hidden
        assert page.eval_on_selector("dd.print-only", shown) != "none"
        assert page.eval_on_selector(".brand", shown) != "none"
    finally:
        page.close()
