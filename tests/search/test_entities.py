"""Search finds countries, organizations, regions, groups and Days, shows the one a
query names first (the best bet), and finds items through what they are linked to."""

import re

import pytest

from initiatives.models import Organization
from sscportal import content_types
from sscportal.models import Status

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="result-title"[^>]*><a href="([^"]+)"', response.text)


def best_bet(response):
    found = re.search(
        r'<li class="item best-bet">.*?class="result-title"[^>]*><a href="([^"]+)"',
        response.text,
        re.S,
    )
    return found and found.group(1)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en", "Sri Lanka", "/en/countries/lk/"),
        ("ar", "سري لانكا", "/ar/countries/lk/"),
        ("ar", "الصين", "/ar/countries/cn/"),
        ("en", "China", "/en/countries/cn/"),
        ("ar", "اليونسكو", "/ar/organizations/unesco/"),
        ("en", "UNESCO", "/en/organizations/unesco/"),
        ("en", "SESRIC", "/en/organizations/sesric/"),
        ("ar", "سيسرك", "/ar/organizations/sesric/"),
        ("en", "Turkey", "/en/countries/tr/"),
        ("en", "Türkiye", "/en/countries/tr/"),
        ("en", "Ivory Coast", "/en/countries/ci/"),
        ("en", "Côte d'Ivoire", "/en/countries/ci/"),
        ("en", "LKA", "/en/countries/lk/"),
        ("en", "Africa", "/en/countries/regions/002/"),
        ("en", "SIDS", "/en/countries/groups/sids/"),
        ("ar", "الدول الجزرية الصغيرة النامية", "/ar/countries/groups/sids/"),
        (
            "en",
            "Solidarity, Equity and Partnership: Unlocking South-South Cooperation",
            "/en/events/2023/",
        ),
        (
            "ar",
            "التضامن والإنصاف والشراكة: إطلاق طاقات التعاون فيما بين بلدان الجنوب",
            "/ar/events/2023/",
        ),
    ],
)
def test_a_query_naming_a_thing_shows_it_first(client, demo_content, language, query, expected):
    response = client.get(f"/{language}/search/", {"q": query})
    assert best_bet(response) == expected
    assert titles(response)[0] == expected


def test_a_query_naming_nothing_has_no_best_bet(client, demo_content):
    response = client.get("/en/search/", {"q": "China Daily"})
    assert best_bet(response) is None
    assert "/en/statements/al-khatib-remarks-china-unossc-2025/" in titles(response)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        # Arabic only, found by the English name of its organizer.
        ("en", "SESRIC", "/en/statements/dabur-remarks-joint-report-2020/"),
        # Organized by Sri Lanka's mission: "Sri Lanka" finds the event.
        ("en", "Sri Lanka", "/en/events/2023/high-level-panel-2023/"),
        # An initiative with China as provider, by the Arabic name of China.
        ("ar", "الصين", "/ar/initiatives/china-unossc-digital-trade-global-south/"),
        # A message of UNESCO's Director-General (English only), in Arabic.
        ("ar", "اليونسكو", "/ar/statements/unesco-dg-message-2005/"),
    ],
)
def test_items_are_found_by_the_names_of_what_they_are_linked_to(
    client, demo_content, language, query, expected
):
    assert expected in titles(client.get(f"/{language}/search/", {"q": query}))


def test_results_say_what_each_one_is(client, demo_content):
    html = client.get("/en/search/", {"q": "Sri Lanka"}).text
    assert '<p class="kicker">Best bet · Country</p>' in html
    assert '<p class="kicker">Event</p>' in html


def test_an_unpublished_organization_is_not_found(client, demo_content):
    Organization.objects.filter(key="sesric").update(status=Status.DRAFT)
    Organization.objects.get(key="sesric").save()  # as an edit would: linked names follow
    response = client.get("/en/search/", {"q": "SESRIC", "type": "organization"})
    assert "/en/organizations/sesric/" not in titles(response)
    assert best_bet(client.get("/en/search/", {"q": "SESRIC"})) is None


def test_tabs_count_every_type_whichever_is_chosen(client, demo_content):
    html = client.get("/en/search/", {"q": "SESRIC", "type": "organization"}).text
    tabs = dict(re.findall(r'type=(\w+)"[^>]*>[^<]+<span class="count">(\d+)</span>', html))
    assert tabs["organization"] == "1"
    assert tabs["statement"] == "2"
    assert set(tabs) <= set(content_types.searchable())


def test_type_narrows_to_countries(client, demo_content):
    found = titles(client.get("/en/search/", {"q": "Lanka", "type": "country"}))
    assert found == ["/en/countries/lk/"]


def test_totals_are_counted_beyond_the_ranking_cap(client, settings, demo_content, monkeypatch):
    from sscportal.search import ranking

    monkeypatch.setattr(ranking, "CANDIDATES", 1)
    html = client.get("/en/search/", {"q": "SESRIC", "type": "statement"}).text
    assert re.search(r"\b2 results", html)
    assert len(re.findall(r"class=\"result-title\"", html)) == 1


def test_search_with_entity_results_keeps_its_queries_bounded(
    client, settings, demo_content, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    # Per type: a plan estimate, a count, the ranked ids and the items; the best
    # bet's candidates (one query per type) and their names normalised; the
    # glossary (entries and word forms) and the query's word forms; the
    # snippets' word forms and the footer's pages.
    budget = len(content_types.searchable()) * 4 + 3 + 1 + 3 + 2
    with django_assert_max_num_queries(budget):
        response = client.get("/ar/search/", {"q": "سري لانكا"})
    assert best_bet(response) == "/ar/countries/lk/"
