"""A statement with no body in any language is not "Full text": its pages say the
text is not on the site and send the reader to its source (issue 26, part 4)."""

import datetime
import json
import re

import pytest
import rispy

from .. import factories

pytestmark = pytest.mark.django_db

SOURCE = "https://www.un.org/sg/en/content/sg/statement/2023-09-12/message"


@pytest.fixture
def without_text():
    return factories.StatementFactory(
        slug="no-text",
        title_en="Message for the Day",
        title_ar="رسالة بمناسبة اليوم",
        speaker_en="The Secretary-General",
        speaker_ar="الأمين العام",
        body_en="",
        body_ar="",
        text_kind="full-text",
        source_url=SOURCE,
        delivered_on=datetime.date(2023, 9, 12),
    )


def _main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


# The Arabic wording is the translators' (locale/); the marks are the same.
@pytest.mark.parametrize(("language", "full_text"), [("en", "Full text"), ("ar", "النص الكامل")])
def test_the_page_says_the_text_is_not_here_and_links_its_source(
    client, without_text, language, full_text
):
    main = _main(client.get(f"/{language}/statements/no-text/").text)
    assert full_text not in main
    assert 'class="text-kind text-kind-none"' in main
    assert re.search(rf'<a class="button source-link" href="{re.escape(SOURCE)}"[^>]*>', main)
    # Not offered side by side: there is nothing to set side by side.
    assert "/side-by-side/" not in main
    # No empty "Versions on this site".
    assert 'class="versions"' not in main


@pytest.mark.parametrize("language", ["en", "ar"])
def test_side_by_side_leads_to_the_statement_which_says_the_text_is_not_here(
    client, without_text, language
):
    response = client.get(f"/{language}/statements/no-text/side-by-side/", follow=True)
    assert response.redirect_chain == [(f"/{language}/statements/no-text/", 302)]
    main = _main(response.text)
    assert 'class="side-by-side"' not in main
    assert 'class="text-kind text-kind-none"' in main
    assert f'href="{SOURCE}"' in main


def test_a_statement_with_text_is_still_full_text_and_side_by_side(client):
    factories.StatementFactory(slug="with-text", text_kind="full-text")
    main = _main(client.get("/en/statements/with-text/").text)
    assert "Full text" in main and "/side-by-side/" in main and "text-kind-none" not in main


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_citation_points_to_the_source_not_to_this_page(client, without_text, language):
    html = client.get(f"/{language}/statements/no-text/").text
    citations = re.findall(r'<p class="citation" lang="(\w+)" dir="\w+">(.*?)</p>', html, re.S)
    assert [code for code, _text in citations] == ["en", "ar"]
    for code, text in citations:
        assert f'<span dir="ltr">{SOURCE}</span>' in text, code
        assert "/statements/no-text/" not in text, code
    (item,) = json.loads(client.get(f"/{language}/statements/no-text/cite.json").content)
    assert item["URL"] == SOURCE
    (entry,) = rispy.loads(client.get(f"/{language}/statements/no-text/cite.ris").content.decode())
    assert entry["urls"] == [SOURCE]


def test_without_text_or_source_the_citation_says_available_nowhere(client, without_text):
    without_text.source_url = ""
    without_text.save()
    html = client.get("/en/statements/no-text/").text
    citation = re.search(r'<p class="citation" lang="en" dir="ltr">(.*?)</p>', html, re.S).group(1)
    assert "Available at" not in citation
    arabic = re.search(r'<p class="citation" lang="ar" dir="rtl">(.*?)</p>', html, re.S).group(1)
    assert "موجود في" not in arabic
    assert "Its source is not known." in _main(html)
    assert "source-link" not in _main(html)


def test_lists_do_not_count_it_as_full_text(client, without_text):
    factories.StatementFactory(slug="with-text", text_kind="full-text")
    listed = client.get("/en/statements/?text_kind=full-text").text
    assert "/en/statements/with-text/" in listed
    assert "/en/statements/no-text/" not in listed
    everything = client.get("/ar/statements/").text
    items = re.findall(r'<li class="item">.*?</li>', everything, re.S)
    (item,) = [item for item in items if "/ar/statements/no-text/" in item]
    assert 'class="text-kind-none"' in item
    (other,) = [item for item in items if "/ar/statements/with-text/" in item]
    assert "text-kind-none" not in other
