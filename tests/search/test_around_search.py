"""Around search (issue 25, part 5): the header's search field, page numbers with
a jump, the sort control, the 404 page and empty results, "did you mean"."""

import datetime
import re

import pytest

from front.initiatives import InitiativeListView
from front.statements.views import StatementListView
from sscportal.reader_toolkit import sorting
from sscportal.templatetags.listing import numbers_around

from .. import factories

pytestmark = pytest.mark.django_db


def linked_slugs(html, family):
    found = re.findall(rf'href="/(?:en|ar)/{family}/([a-z0-9-]+)/"', html)
    return [slug for slug in found if slug != "feed"]


# The header


@pytest.mark.parametrize("path", ["/en/", "/en/initiatives/", "/en/no-such-page/"])
def test_every_page_has_a_search_field_in_its_header(client, path):
    html = client.get(path).text
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    form = re.search(
        r'<form class="header-search" role="search" method="get"\s+action="([^"]+)"', header
    )
    assert form and form.group(1) == "/en/search/"
    assert '<label class="visually-hidden" for="header-q">Search the site</label>' in header
    assert 'id="header-q" type="search" name="q"' in header


def test_the_arabic_header_searches_in_arabic(client):
    header = client.get("/ar/").text.split("</header>")[0]
    assert 'action="/ar/search/"' in header
    assert "ابحث في الموقع" in header


# Page numbers


@pytest.mark.parametrize(
    ("current", "last", "numbers"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (5, 10, [1, None, 4, 5, 6, None, 10]),
        # One number left out is shown rather than "…".
        (4, 10, [1, 2, 3, 4, 5, None, 10]),
        (10, 10, [1, None, 9, 10]),
    ],
)
def test_page_numbers_are_the_first_the_neighbours_and_the_last(current, last, numbers):
    assert numbers_around(current, last) == numbers


@pytest.fixture
def eleven_pages(monkeypatch):
    monkeypatch.setattr(InitiativeListView, "paginate_by", 2)
    for n in range(21):
        factories.InitiativeFactory(slug=f"item-{n:02d}", stage="ongoing")


def test_a_list_shows_page_numbers_and_marks_the_current_one(client, eleven_pages):
    html = client.get("/en/initiatives/?stage=ongoing&page=5").text
    nav = html.split('<nav class="pagination"')[1].split("</nav>")[0]
    pages = re.findall(r'href="\?page=(\d+)&amp;stage=ongoing"', nav)
    # Previous, 1, 4, 5, 6, 11, Next.
    assert pages == ["4", "1", "4", "5", "6", "11", "6"]
    assert nav.count("…") == 2
    assert re.search(r'href="\?page=5&amp;stage=ongoing" aria-current="page"', nav)


def test_the_jump_to_a_page_keeps_the_filters(client, eleven_pages):
    html = client.get("/en/initiatives/?stage=ongoing&page=2").text
    jump = html.split('<form class="page-jump" method="get">')[1].split("</form>")[0]
    assert '<input type="hidden" name="stage" value="ongoing">' in jump
    assert 'name="page"' in jump and 'max="11"' in jump
    assert '"hidden" name="page"' not in jump


@pytest.mark.parametrize("page", ["abc", "-1", "1.5", "", "1e3"])
def test_a_page_that_is_not_a_number_shows_the_first(client, eleven_pages, page):
    response = client.get(f"/en/initiatives/?page={page}")
    assert response.status_code == 200
    assert (
        'aria-current="page"\n        ><span class="visually-hidden">Page</span> 1<'
        in response.text
    )


def test_a_page_past_the_end_says_where_the_end_is(client, eleven_pages):
    response = client.get("/en/initiatives/?page=12")
    assert response.status_code == 404
    assert "There is no page 12; the last page is 11." in response.text
    # And offers a search and the main sections, as every 404.
    assert 'id="find-next-q"' in response.text


# Sorting


@pytest.fixture
def three_statements():
    for slug, english, arabic, day in [
        ("gamma", "Gamma", "جيم", 3),
        ("alpha", "alpha", "ألف", 1),
        ("beta", "Beta", "باء", 2),
    ]:
        factories.StatementFactory(
            slug=slug, title_en=english, title_ar=arabic, delivered_on=datetime.date(2024, 1, day)
        )


@pytest.mark.parametrize("short_list", [2000, 1], ids=["sorted alone", "order of all"])
def test_a_list_sorts_by_title_in_the_readers_alphabetical_order(
    client, three_statements, monkeypatch, short_list
):
    monkeypatch.setattr(sorting, "SHORT_LIST", short_list)
    assert linked_slugs(client.get("/en/statements/").text, "statements") == [
        "gamma",
        "beta",
        "alpha",
    ]
    # Case does not count in English; alef with hamza is alef in Arabic.
    assert linked_slugs(client.get("/en/statements/?sort=title").text, "statements") == [
        "alpha",
        "beta",
        "gamma",
    ]
    assert linked_slugs(client.get("/ar/statements/?sort=title").text, "statements") == [
        "alpha",
        "beta",
        "gamma",
    ]


@pytest.mark.parametrize("sort", ["bogus", "", "relevance", "TITLE", "title\x00"])
def test_an_unknown_sort_is_ignored(client, three_statements, sort):
    response = client.get("/en/statements/", {"sort": sort})
    assert response.status_code == 200
    assert linked_slugs(response.text, "statements") == ["gamma", "beta", "alpha"]


def test_sort_keeps_the_filters_and_the_filters_keep_the_sort(client, three_statements):
    html = client.get("/en/statements/?sort=title&kind=statement&page=1").text
    sort_form = html.split('<form class="sort-control" method="get">')[1].split("</form>")[0]
    assert '<input type="hidden" name="kind" value="statement">' in sort_form
    assert 'name="page"' not in sort_form
    assert '<option value="title" selected' in sort_form
    filters = html.split('<form class="filters" method="get">')[1].split("</form>")[0]
    assert '<input type="hidden" name="sort" value="title">' in filters
    # The chip that removes a filter keeps the order; the download ignores it.
    assert 'href="/en/statements/?sort=title"' in html
    assert "download.csv?kind=statement" in html and "download.csv?sort" not in html


@pytest.mark.parametrize("short_list", [2000, 10], ids=["sorted alone", "order of all"])
def test_titles_sorted_and_paged_cost_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, monkeypatch, short_list
):
    monkeypatch.setattr(sorting, "SHORT_LIST", short_list)
    monkeypatch.setattr(StatementListView, "paginate_by", 5)
    for n in range(30):
        factories.StatementFactory(title_en=f"Statement {n:02d}")
    client.get("/en/statements/?sort=title")  # the cached option lists and order
    with django_assert_max_num_queries(12):
        response = client.get("/en/statements/?sort=title&page=3")
    assert re.findall(r">Statement (\d\d)<", response.text)[:5] == ["10", "11", "12", "13", "14"]


def test_search_results_sort_by_newest(client):
    factories.StatementFactory(
        slug="older", title_en="Water older", delivered_on=datetime.date(2020, 1, 1)
    )
    factories.StatementFactory(
        slug="newer", title_en="Water newer", delivered_on=datetime.date(2024, 1, 1)
    )
    factories.InitiativeFactory(
        slug="middle", title_en="Water middle", start_date=datetime.date(2022, 1, 1)
    )
    html = client.get("/en/search/?q=water&sort=newest").text
    order = re.findall(
        r'class="result-title"[^>]*><a href="/en/(?:statements|initiatives)/([a-z]+)/"', html
    )
    assert order == ["newer", "middle", "older"]
    by_title = client.get("/en/search/?q=water&sort=title").text
    assert re.findall(
        r'class="result-title"[^>]*><a href="/en/(?:statements|initiatives)/([a-z]+)/"', by_title
    ) == [
        "middle",
        "newer",
        "older",
    ]
    # The type tabs keep the order chosen.
    assert "type=statement&amp;sort=title" in by_title


# Nothing found


@pytest.mark.parametrize(("language", "sections"), [("en", "Initiatives"), ("ar", "المبادرات")])
def test_the_404_page_offers_search_and_the_main_sections(client, language, sections):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    found = response.text.split('class="find-next"')[1].split("</section>")[0]
    assert f'action="/{language}/search/"' in found
    assert f'href="/{language}/initiatives/"' in found and sections in found


def test_an_empty_search_offers_the_main_sections(client):
    html = client.get("/en/search/?q=zzzqqqxxx").text
    assert "Nothing found" in html
    assert 'href="/en/statements/"' in html.split('class="find-next"')[1]


def suggested(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).text
    if "did-you-mean" not in html:
        return []
    block = html.split('class="did-you-mean"')[1].split("</p>")[0]
    return re.findall(r'dir="auto">([^<]+)</a\s*>', block)


def test_did_you_mean_suggests_close_country_names_in_both_languages(client):
    assert suggested(client, "en", "Sri Lnka")[0] == "Sri Lanka"
    assert suggested(client, "ar", "Sri Lnka")[0] == "سري لانكا"
    assert suggested(client, "ar", "الصبن")[0] == "الصين"
    assert suggested(client, "en", "الصبن")[0] == "China"


@pytest.mark.parametrize("typed", ["Chedeik", "Chediek", "Chediec", "chedik"])
def test_did_you_mean_suggests_a_person_from_a_misspelt_name(client, typed):
    factories.PersonFactory(key="jorge-chediek", name_en="Jorge Chediek", name_ar="خورخي شيديك")
    factories.StatementFactory(title_en="Remarks", speaker_en="Someone else")
    names = suggested(client, "en", typed)
    if typed.lower() == "chediek":
        assert names == []  # found as typed: nothing to suggest
    else:
        assert "Jorge Chediek" in names
        assert len(names) <= 3


def test_did_you_mean_suggests_titles_close_to_the_query(client):
    factories.InitiativeFactory(title_en="Renewable energy for rural clinics")
    assert "Renewable energy for rural clinics" in suggested(client, "en", "rurral clinnics")


def test_nothing_close_suggests_nothing(client):
    assert suggested(client, "en", "qqqzzzxxx") == []


@pytest.mark.parametrize(
    "query", ["water&page=2", "water&sort=newest", "water&sort=title", "Sri+Lnka"]
)
def test_the_search_page_costs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, query
):
    for n in range(25):
        factories.StatementFactory(title_en=f"Water {n}")
    with django_assert_max_num_queries(60):
        assert client.get(f"/en/search/?q={query}").status_code == 200
    # Asked again in the other language: the ranking and counts come from the
    # cache; only what the language decides (titles' order, names suggested) is
    # computed again.
    with django_assert_max_num_queries(16):
        assert client.get(f"/ar/search/?q={query}").status_code == 200
