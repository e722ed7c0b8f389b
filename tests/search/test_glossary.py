"""The bilingual glossary: its committed entries, their loading, and query expansion."""

import json

import pytest

from sscportal.models import GlossaryEntry
from sscportal.search import expand, parse
from sscportal.search.glossary import DATA_PATH, load_glossary
from sscportal.search.query import Span

from .. import factories

pytestmark = pytest.mark.django_db


def test_the_committed_glossary_has_300_entries_in_both_languages():
    entries = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    assert len(entries) >= 300
    assert all(entry["en"] and entry["ar"] for entry in entries)
    assert len({entry["en"][0].lower() for entry in entries}) == len(entries)


def test_loading_adds_missing_entries_and_keeps_edited_ones():
    entry = GlossaryEntry.objects.get(term_en="food security")
    entry.variants_ar = "أمن الغذاء"
    entry.save()
    assert load_glossary() == 0
    entry.refresh_from_db()
    assert entry.variants_ar == "أمن الغذاء"


def test_a_known_phrase_becomes_a_span_with_its_translations():
    (group,) = expand(parse("food security Sudan")).groups
    span, country = group
    assert isinstance(span, Span)
    assert [t.text for t in span.terms] == ["food", "security"]
    assert "الأمن الغذائي" in span.alternatives
    assert country.text == "Sudan"


def test_arabic_words_are_matched_as_the_index_matches_them():
    (group,) = expand(parse("الامن الغذائى")).groups
    assert isinstance(group[0], Span)
    assert "food security" in group[0].alternatives


def test_a_quoted_phrase_is_not_expanded():
    (group,) = expand(parse('"food security"')).groups
    assert not any(isinstance(term, Span) for term in group)


def test_an_excluded_word_is_excluded_in_its_other_language_too():
    (group,) = expand(parse("water -desalination")).groups
    excluded = group[-1]
    assert isinstance(excluded, Span) and excluded.negated
    assert "تحلية المياه" in excluded.alternatives


def test_an_english_query_finds_an_arabic_only_item(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    item = factories.InitiativeFactory(
        title_en="", title_ar="تحلية المياه للقرى الساحلية", summary_en="", summary_ar=""
    )
    html = client.get("/en/search/", {"q": "desalination"}).text
    assert f"/en/initiatives/{item.slug}/" in html
    # The Arabic title keeps its language, marked as such on an English page.
    assert 'lang="ar" dir="rtl"' in html


def test_an_editor_entry_is_used_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    factories.InitiativeFactory(
        title_en="", title_ar="القرع في الحدائق المنزلية", summary_en="", summary_ar=""
    )
    assert "القرع" not in client.get("/en/search/", {"q": "pumpkins"}).text
    GlossaryEntry.objects.create(term_en="pumpkin", term_ar="القرع", topic="sector")
    assert "القرع" in client.get("/en/search/", {"q": "pumpkins"}).text


def test_the_glossary_is_edited_in_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", password="a long pw 1"))
    listing = client.get("/en/admin/sscportal/glossaryentry/", {"q": "الأمن الغذائي"})
    assert listing.status_code == 200
    assert "food security" in listing.text
    response = client.post(
        "/en/admin/sscportal/glossaryentry/add/",
        {"term_en": "seed bank", "term_ar": "بنك البذور", "topic": "sector"},
    )
    assert response.status_code == 302
    assert GlossaryEntry.objects.filter(term_ar="بنك البذور").exists()
