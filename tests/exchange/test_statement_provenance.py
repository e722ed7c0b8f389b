"""Exchange format version 2: the statement keys that say where a text comes from."""

import copy
import json

import pytest

from exchange.document import ImportFailed, dumps
from exchange.exporter import export_content
from exchange.importer import import_content
from statements.models import Statement

pytestmark = pytest.mark.django_db

BASE = {
    "format": "sscportal-content",
    "version": 2,
    "organizations": [
        {"key": "un", "name": {"en": "United Nations"}, "kind": "un-entity"},
        {"key": "unossc", "name": {"en": "UNOSSC"}, "kind": "un-entity"},
    ],
    "initiatives": [
        {
            "slug": "digital-trade",
            "status": "published",
            "title": {"en": "Digital trade"},
            "modality": "triangular",
            "stage": "ongoing",
            "countries": [{"country": "CN", "role": "provider"}],
        }
    ],
    "observances": [{"year": 2023, "date": "2023-09-12", "theme": {"en": "Solidarity"}}],
    "statements": [
        {
            "slug": "every-new-key",
            "status": "published",
            "title": {"en": "A message", "ar": "رسالة"},
            "body": {"en": "<p>Words.</p>", "ar": "<p>كلمات.</p>"},
            "speaker": {"en": "A speaker"},
            "kind": "message",
            "delivered_on": "2023-09-12",
            "original_language": "en",
            "observance": 2023,
            "issued_on": "2023-09-08",
            "document_symbol": "SG/SM/00000",
            "delivered_by": {"en": "A reader, Director", "ar": "قارئ، مدير"},
            "text_kind": "news-report",
            "outlet": {"en": "A Daily", "ar": "صحيفة"},
            "byline": "A Reporter",
            "translations": {"ar": "official"},
            "mentions": {
                "countries": ["CN", "KE"],
                "initiatives": ["digital-trade"],
                "organizations": ["unossc"],
            },
            "video_url": "https://example.org/recording",
        }
    ],
}


def document():
    return copy.deepcopy(BASE)


def errors_of(doc):
    with pytest.raises(ImportFailed) as failure:
        import_content(json.dumps(doc))
    assert not Statement.objects.exists()
    return failure.value.report.errors


def test_every_new_key_is_stored():
    import_content(json.dumps(document()))
    statement = Statement.objects.get(slug="every-new-key")
    assert statement.observance.year == 2023
    assert str(statement.issued_on) == "2023-09-08"
    assert statement.document_symbol == "SG/SM/00000"
    assert statement.delivered_by_ar == "قارئ، مدير"
    assert statement.text_kind == "news-report"
    assert statement.outlet_en == "A Daily" and statement.byline == "A Reporter"
    assert statement.translation_ar == "official" and statement.translation_en == ""
    assert sorted(c.iso2 for c in statement.mentioned_countries.all()) == ["CN", "KE"]
    assert [i.slug for i in statement.mentioned_initiatives.all()] == ["digital-trade"]
    assert [o.key for o in statement.mentioned_organizations.all()] == ["unossc"]
    assert statement.video_url == "https://example.org/recording"


def test_a_version_2_file_with_every_new_key_round_trips(django_db_blocker):
    import_content(json.dumps(document()))
    first = export_content()
    exported = next(s for s in first["statements"] if s["slug"] == "every-new-key")
    for key, value in BASE["statements"][0].items():
        assert exported[key] == value, key
    # Into an empty database and out again: the same document.
    Statement.objects.all().delete()
    import_content(dumps(first))
    assert dumps(export_content()) == dumps(first)


def test_importing_again_replaces_the_mentions():
    import_content(json.dumps(document()))
    doc = document()
    doc["statements"][0]["mentions"] = {"countries": ["KE"]}
    import_content(json.dumps(doc))
    statement = Statement.objects.get(slug="every-new-key")
    assert [c.iso2 for c in statement.mentioned_countries.all()] == ["KE"]
    assert not statement.mentioned_initiatives.exists()


def test_missing_new_keys_take_their_defaults():
    doc = document()
    for key in ["observance", "issued_on", "document_symbol", "delivered_by", "text_kind"]:
        del doc["statements"][0][key]
    for key in ["outlet", "byline", "translations", "mentions", "video_url"]:
        del doc["statements"][0][key]
    import_content(json.dumps(doc))
    exported = export_content()["statements"][0]
    assert exported["text_kind"] == "full-text"
    assert exported["observance"] is None and exported["byline"] is None
    assert exported["delivered_by"] is None and exported["outlet"] is None
    assert exported["translations"] == {}
    assert exported["mentions"] == {"countries": [], "initiatives": [], "organizations": []}


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("text_kind", "transcript", 'statements[0].text_kind: "transcript" is not one of'),
        ("translations", {"ar": "human"}, 'statements[0].translations.ar: "human" is not one of'),
        (
            "translations",
            {"fr": "official"},
            "statements[0].translations.fr: unknown language code",
        ),
        (
            "translations",
            {"en": "official"},
            "statements[0].translations.en: is the original language",
        ),
        (
            "mentions",
            {"countries": ["XX"]},
            'statements[0].mentions.countries[0]: unknown ISO code "XX"',
        ),
        (
            "mentions",
            {"initiatives": ["nope"]},
            'statements[0].mentions.initiatives[0]: unknown initiative slug "nope"',
        ),
        ("mentions", {"people": []}, "statements[0].mentions.people: unknown key"),
        ("observance", 1999, "statements[0].observance: unknown observance year 1999"),
        ("issued_on", "8 September", 'statements[0].issued_on: "8 September" is not a date'),
        ("video_url", "ftp://x", 'statements[0].video_url: "ftp://x" is not an http(s) URL'),
        ("byline", 7, "statements[0].byline: must be a string"),
    ],
)
def test_bad_new_keys_are_refused_with_their_path(key, value, message):
    doc = document()
    doc["statements"][0][key] = value
    errors = errors_of(doc)
    assert any(error.startswith(message) for error in errors), errors
