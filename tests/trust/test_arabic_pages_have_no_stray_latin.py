"""Every public page type, in Arabic, shows Latin letters only where it marks
them as English (or as code, or an address), or for a name on the allow-list
(tests/trust/latin_in_arabic.py). Built on the demo content, which is what the
pages show on a new site."""

import pytest
from django.urls import resolve
from django.utils import translation

from .latin_in_arabic import latin_outside_english

pytestmark = pytest.mark.django_db

# One or more pages of every type, after /ar/. English-only and Arabic-only
# items are among them: the unesco message (English only), Dabur's remarks
# (Arabic only), a news report with a Latin byline, resources without links.
PAGES = [
    "",
    "search/?q=التعاون",
    "search/?q=ظظظظ",  # nothing found: the page's suggestions
    "data/",
    "initiatives/",
    "initiatives/?stage=ongoing",
    "initiatives/china-unossc-climate-smart-agriculture-africa/",
    "initiatives/sesric-statistics-research-training-oic/",
    "countries/",
    "countries/cn/",
    "countries/regions/002/",
    "countries/groups/g77/",
    "events/",
    "events/2023/",
    "events/2005/",
    "events/2023/high-level-panel-2023/",
    "events/2020/sesric-unossc-joint-report-launch-2020/",
    "statements/",
    "statements/al-khatib-remarks-china-unossc-2025/",
    "statements/al-khatib-remarks-china-unossc-2025/side-by-side/",
    "statements/unesco-dg-message-2005/",
    "statements/dabur-remarks-joint-report-2020/",
    "statements/secretary-general-statement-2023/",
    "resources/",
    "resources/sesric-unossc-joint-report-2020/",
    "resources/podcast-scaling-up-south-south-solutions-2023/",
    "resources/campaign-materials-2023/",
    "organizations/",
    "organizations/unossc/",
    "organizations/unesco/",
    "people/koichiro-matsuura/",
    "people/dima-al-khatib/",
    "pages/about-the-day/",
    "pages/accessibility/",
    "pages/contact/",
    "alerts/?follow=country:ke",
    "alerts/?follow=organization:unossc",
    "alerts/check-your-email/",
]

# Pages reached only by a signed link from an e-mail: checked by
# test_the_pages_of_an_alert_s_links below, with links made for the purpose.
SIGNED_LINK_PAGES = {"alerts:confirm", "alerts:unsubscribe"}

# The reader's HTML pages not in PAGES, and why: none, so far. Anything a new
# URL adds must be listed above or explained here.
NOT_HTML = {
    "download",
    "feed",
    "calendar",
    "observance_calendar",
    "event_ics",
    "country_calendar",
    "organization_calendar",
    "statement_citation",
}


@pytest.mark.parametrize("path", PAGES)
def test_an_arabic_page_shows_latin_letters_only_where_marked(client, demo_content, path):
    response = client.get(f"/ar/{path}")
    assert response.status_code == 200, path
    assert latin_outside_english(response.text) == []


def test_every_html_page_type_is_checked():
    """A new page type cannot skip the check: each URL name of the reader's
    pages is among PAGES, or among the files that are not HTML."""
    from front.urls import urlpatterns

    with translation.override("ar"):
        checked = {resolve(f"/ar/{path}".split("?")[0]).view_name for path in PAGES}
    every = set()
    for pattern in urlpatterns:
        if getattr(pattern, "pattern", None) and "LocalePrefix" in type(pattern.pattern).__name__:
            every |= _names(pattern.url_patterns, "")
    every = {name for name in every if name.split(":")[-1] not in NOT_HTML}
    every -= {name for name in every if name.startswith("admin:")}
    assert every - checked - SIGNED_LINK_PAGES == set()


def test_the_pages_of_an_alert_s_links(client, demo_content):
    from alerts import links
    from alerts.models import Subscription

    subscription = Subscription.objects.create(
        email="reader@example.org", target="country", target_key="ke", language="ar"
    )
    for view, kind in [("confirm", links.CONFIRM), ("unsubscribe", links.UNSUBSCRIBE)]:
        response = client.get(f"/ar/alerts/{view}/{links.token(subscription, kind)}/")
        assert response.status_code == 200, view
        assert latin_outside_english(response.text) == []


def _names(patterns, namespace):
    names = set()
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _names(pattern.url_patterns, inner)
        elif pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>مكتب UNOSSC</p>", ["UNOSSC in: مكتب UNOSSC"]),
        ('<p>مكتب <span lang="en">UNOSSC</span></p>', []),
        ('<h1 lang="en" dir="ltr">An English title</h1>', []),
        ("<p>الرمز <code>iso2</code></p>", []),
        ("<p>تنزيل CSV</p>", []),
        ("<p>انظر https://example.org/a و www.un.org</p>", []),
        ('<p><img alt="Logo" src="x.png"></p>', ["Logo in @alt: Logo"]),
        ('<div lang="en"><p lang="ar">مرحبا Hello</p></div>', ["Hello in: مرحبا Hello"]),
    ],
)
def test_the_check_finds_latin_outside_english_and_only_there(html, found):
    page = f'<html lang="ar"><head><title>صفحة</title></head><body>{html}</body></html>'
    assert latin_outside_english(page) == found


def test_the_title_may_repeat_a_heading_marked_as_english():
    page = (
        '<html lang="ar"><head><title>An English title · الموقع</title></head>'
        '<body><h1 lang="en">An English title</h1></body></html>'
    )
    assert latin_outside_english(page) == []
    unmarked = page.replace(' lang="en"', "")
    assert latin_outside_english(unmarked) != []
