"""Search relevance over content written for it: Arabic and English query sets."""

import pytest
from django.core.management import call_command

from events.models import Event
from initiatives.models import Initiative
from sscportal import search
from statements.models import Statement

from .relevance import CONTENT, QUERIES, evaluate

pytestmark = pytest.mark.django_db

# The bars this search keeps; a change that lowers them fails here.
ARABIC_RECALL, ARABIC_MRR = 0.95, 0.85
ENGLISH_RECALL, ENGLISH_MRR = 0.95, 0.85


def site_search(raw):
    querysets = {
        "initiative": Initiative.objects.published(),
        "event": Event.objects.published(),
        "statement": Statement.objects.published(),
    }
    results, _counts, _mode = search.search_querysets(querysets, raw)
    ranked = [
        (item.search_rank, item.slug) for queryset in results.values() for item in queryset[:10]
    ]
    return [slug for _rank, slug in sorted(ranked, key=lambda entry: -entry[0])]


@pytest.fixture
def relevance_content(db):
    call_command("import_content", str(CONTENT), verbosity=0)


def test_query_sets_are_big_enough():
    assert len(QUERIES["arabic"]) >= 40
    assert len(QUERIES["english"]) >= 20


def test_arabic_relevance(relevance_content, capsys):
    figures = evaluate(QUERIES["arabic"], site_search)
    with capsys.disabled():
        print(f"\nArabic search ({len(QUERIES['arabic'])} queries): {figures}")
    assert figures.recall_at_10 >= ARABIC_RECALL, figures.misses
    assert figures.mrr >= ARABIC_MRR, figures.misses


def test_english_relevance(relevance_content, capsys):
    figures = evaluate(QUERIES["english"], site_search)
    with capsys.disabled():
        print(f"\nEnglish search ({len(QUERIES['english'])} queries): {figures}")
    assert figures.recall_at_10 >= ENGLISH_RECALL, figures.misses
    assert figures.mrr >= ENGLISH_MRR, figures.misses


def test_drafts_are_never_found(relevance_content):
    assert "draft-hidden" not in site_search("مشروع سري")
    assert "draft-hidden" not in site_search("secret trial")
