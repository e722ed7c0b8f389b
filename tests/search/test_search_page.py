"""The search page: both languages, syntax, snippets, hostile input, near misses."""

import re

import psycopg
import pytest
from django.db import connection

from bench.postgres_programs import database_url
from sscportal import content_types
from sscportal.search import parse

from .. import factories

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "!!!???...",
    "؟؟؟،،،",
    "x" * 5000,
    "و" * 5000,
    '"unbalanced quote',
    '"""',
    "' OR 1=1; DROP TABLE statements_statement; --",
    "a & b | !c <-> d :* ()",
    "%%%% _ \\",
    "🌍🤝🏽 cooperation",
    "\u200f\u200eالتعاون\u202e",
    "Cooperation التعاون 2023 ٢٠٢٣",
    "-",
    "- - -only -negatives",
    "or or or",
    "\x00null",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_page(client, demo_content, language, query):
    response = client.get(f"/{language}/search/", {"q": query, "type": "statement"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page=-3", "type=poems", "type=<b>"])
def test_bad_parameters_get_a_page(client, demo_content, query):
    assert client.get(f"/en/search/?q=cooperation&{query}").status_code == 200


def test_page_past_the_end_is_a_404(client, demo_content):
    assert client.get("/en/search/", {"q": "cooperation", "page": 40}).status_code == 404


def titles(response):
    return re.findall(r'class="result-title"[^>]*><a href="([^"]+)"', response.text)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_search_page_in_both_languages(client, demo_content, language):
    response = client.get(f"/{language}/search/", {"q": "سيسرك"})
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert f"/{language}/statements/dabur-remarks-joint-report-2020/" in titles(response)


def test_arabic_query_finds_the_definite_and_bare_forms(client, demo_content):
    bare = titles(client.get("/ar/search/", {"q": "تعاون"}))
    definite = titles(client.get("/ar/search/", {"q": "التعاون"}))
    assert bare and bare == definite


def test_english_query_finds_an_item_whose_text_is_arabic_only(client, demo_content):
    # The Dabur remarks exist in Arabic only, but the speaker's name is in both.
    assert "/en/statements/dabur-remarks-joint-report-2020/" in titles(
        client.get("/en/search/", {"q": "Nebil Dabur"})
    )


def test_type_narrows_the_search(client, demo_content):
    found = titles(client.get("/en/search/", {"q": "SESRIC", "type": "initiative"}))
    assert found == ["/en/initiatives/sesric-statistics-research-training-oic/"]


def test_phrase_exclusion_and_or(client, demo_content):
    phrase = titles(client.get("/en/search/", {"q": '"sustainable transport"'}))
    assert phrase == [
        "/en/initiatives/china-unossc-sustainable-transport-latin-america/",  # in its title
        "/en/statements/al-khatib-remarks-china-unossc-2025/",  # in its body
    ]
    excluded = titles(client.get("/en/search/", {"q": "China -transport", "type": "initiative"}))
    assert "/en/initiatives/china-unossc-sustainable-transport-latin-america/" not in excluded
    assert "/en/initiatives/china-unossc-climate-smart-agriculture-africa/" in excluded
    either = titles(client.get("/en/search/", {"q": "Matsuura or Dabur", "type": "statement"}))
    assert sorted(either) == [
        "/en/statements/dabur-remarks-joint-report-2020/",
        "/en/statements/unesco-dg-message-2005/",
    ]


def test_snippets_highlight_matches_and_escape_the_rest(client, demo_content):
    html = client.get("/en/search/", {"q": "agriculture"}).text
    assert "<mark>agriculture</mark>" in html or "<mark>Agriculture</mark>" in html
    arabic = client.get("/ar/search/", {"q": "الزراعه"}).text
    assert "<mark>الزراعة</mark>" in arabic


def test_a_typo_finds_near_misses(client, demo_content):
    response = client.get("/en/search/", {"q": "agricultre"})
    assert "/en/initiatives/china-unossc-climate-smart-agriculture-africa/" in titles(response)
    assert "these titles are close" in response.text


def test_search_query_count_is_bounded(
    client, settings, demo_content, django_assert_max_num_queries, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself is not cached: count the search
    # Per content type: a plan estimate, a count, the ranked ids of the first
    # page and those items; then one query for the snippets' word forms, and
    # one for the footer's site pages (kept until content changes).
    with django_assert_max_num_queries(len(content_types.searchable()) * 4 + 1 + 1):
        first = client.get("/en/search/", {"q": "cooperation"})
    # Asked again, the ranking and the rendered results are remembered (until
    # content changes): no query at all.
    with django_assert_num_queries(0):
        again = client.get("/en/search/", {"q": "cooperation"})
    assert again.content == first.content


def test_remembered_rankings_follow_content_changes(client, settings, demo_content):
    settings.PAGE_CACHE_SECONDS = 0
    assert "Geothermal" not in client.get("/en/search/", {"q": "geothermal"}).text
    factories.InitiativeFactory(title_en="Geothermal wells for rural clinics")
    assert "for rural clinics" in client.get("/en/search/", {"q": "geothermal"}).text
    # The same query from an Arabic page: the remembered results are per language.
    arabic = client.get("/ar/search/", {"q": "geothermal"}).text
    assert '<p class="kicker">مبادرة</p>' in arabic


def test_parse_understands_web_search_syntax():
    parsed = parse('climate "south-south cooperation" -china or أفريقيا')
    first, second = parsed.groups
    assert [(t.text, t.phrase, t.negated) for t in first] == [
        ("climate", False, False),
        ("south-south cooperation", True, False),
        ("china", False, True),
    ]
    assert [t.text for t in second] == ["أفريقيا"]
    assert not parse("-only -negatives")
    assert not parse("!!! ???")


def test_trigram_matching_needs_a_utf8_database():
    """Under a C character type pg_trgm ignores Arabic letters: show it, and that ours is UTF-8."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT show_trgm('تعاون')")
        assert cursor.fetchone()[0], "this database must have a UTF-8 character type"
    name = "sscportal_c_locale_probe"
    admin_url = database_url(connection.settings_dict, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'")
    try:
        with psycopg.connect(database_url(connection.settings_dict, name)) as probe:
            probe.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            assert probe.execute("SELECT show_trgm('تعاون')").fetchone()[0] == []
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
