"""The main menu marks the reader's section, for each of its seven sections:
aria-current="page" on a section's own list page, "true" on the pages inside
it, worked out in one place (sscportal/templatetags/navigation.py) from the URL
the request resolved to."""

import pytest
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db

# The menu entry's address, and pages that belong to its section.
SECTIONS = {
    "initiatives/": ["initiatives/china-unossc-climate-smart-agriculture-africa/"],
    "countries/": ["countries/cn/", "countries/regions/002/", "countries/groups/g77/"],
    "events/": ["events/2023/", "events/2023/high-level-panel-2023/"],
    "statements/": [
        "statements/unesco-dg-message-2005/",
        "statements/al-khatib-remarks-china-unossc-2025/side-by-side/",
    ],
    "resources/": ["resources/sesric-unossc-joint-report-2020/"],
    "organizations/": ["organizations/unossc/"],
    "search/": [],
}
# Pages of no section: no entry is current.
OUTSIDE = ["", "pages/about-the-day/", "people/koichiro-matsuura/", "data/"]

CASES = [(section, section, "page") for section in SECTIONS] + [
    (section, path, "true") for section, paths in SECTIONS.items() for path in paths
]


def current_entries(client, path):
    response = client.get(path)
    assert response.status_code == 200
    document = lxml_html.document_fromstring(response.text)
    return [
        (link.get("href"), link.get("aria-current"))
        for link in document.xpath("//nav[contains(@class, 'main-nav')]//a[@aria-current]")
    ]


def test_the_menu_has_seven_sections(client, db):
    document = lxml_html.document_fromstring(client.get("/en/").text)
    links = document.xpath("//nav[contains(@class, 'main-nav')]//a/@href")
    assert links == [f"/en/{section}" for section in SECTIONS]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(("section", "path", "current"), CASES)
def test_exactly_one_menu_entry_is_current(client, demo_content, section, path, current, language):
    assert current_entries(client, f"/{language}/{path}") == [(f"/{language}/{section}", current)]


@pytest.mark.parametrize("path", OUTSIDE)
def test_a_page_outside_the_sections_marks_none(client, demo_content, path):
    assert current_entries(client, f"/en/{path}") == []
