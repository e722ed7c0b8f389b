"""The JSON Schema of the exchange format: built from the declarations, committed, used."""

import json

import pytest
from jsonschema import Draft202012Validator

from exchange import schema
from exchange.exporter import export_content
from exchange.importer import import_content

from .test_exchange import demo_document, errors_of

pytestmark = pytest.mark.django_db


def committed():
    return json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8"))


def test_committed_schema_is_what_the_declarations_say():
    assert schema.SCHEMA_FILE.read_text(encoding="utf-8") == schema.schema_text(), (
        "run `manage.py content_schema`"
    )


def test_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(committed())


def test_demo_content_and_its_export_follow_the_schema():
    validator = Draft202012Validator(committed())
    assert list(validator.iter_errors(demo_document())) == []
    import_content(json.dumps(demo_document()))
    assert list(validator.iter_errors(export_content())) == []


def test_the_import_refuses_what_the_committed_schema_refuses(tmp_path, monkeypatch):
    # A schema stricter than the converters (a slug limited to 5 characters)
    # stands for a committed file the import must obey.
    stricter = committed()
    slug = stricter["properties"]["statements"]["items"]["properties"]["slug"]
    slug["maxLength"] = 5
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(stricter), encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_FILE", path)
    schema._validator.cache_clear()
    try:
        errors = errors_of(demo_document())
    finally:
        schema._validator.cache_clear()
    assert errors and all(e.startswith("statements[") for e in errors)
    assert "breaks the schema" in errors[0] and ".slug:" in errors[0]


def test_lengths_come_from_the_model_columns():
    document = demo_document()
    document["organizations"][0]["key"] = "k" * 101  # Organization.key holds 100
    document["organizations"][1]["website"] = "https://example.org/" + "x" * 200  # holds 200
    errors = errors_of(document)
    assert "organizations[0].key: is longer than 100 characters" in errors
    assert "organizations[1].website: is longer than 200 characters" in errors


def test_the_schema_names_no_language_and_the_import_refuses_one_the_site_lacks():
    # One published schema serves a site of any languages (a third one is a
    # settings change); which codes this site knows is the import's to say.
    document = demo_document()
    document["statements"][0]["title"]["fr"] = "Titre"
    document["statements"][0]["translations"]["fr"] = "editorial"
    assert list(Draft202012Validator(committed()).iter_errors(document)) == []
    assert errors_of(document) == [
        'statements[0].title.fr: unknown language code "fr" (use en, ar)',
        'statements[0].translations.fr: unknown language code "fr" (use en, ar)',
    ]


def test_the_schema_still_wants_a_language_code_and_a_title_in_some_language():
    validator = Draft202012Validator(committed())
    document = demo_document()
    document["statements"][0]["title"] = {"en": "", "ar": None}
    document["statements"][1]["title"]["e n"] = "Title"
    paths = sorted(list(error.absolute_path)[:3] for error in validator.iter_errors(document))
    assert paths == [["statements", 0, "title"], ["statements", 1, "title"]]
