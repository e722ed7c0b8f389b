"""Hostile and unusual import files: every failure is `path: message`, nothing is stored.

Each test reproduces a defect found by feeding the import hostile files
(issue 12, items 2, 5, 7 and 9).
"""

import json

import pytest

from statements.models import Statement

from .test_exchange import demo_document, errors_of

pytestmark = pytest.mark.django_db


# Item 2: full matches, never `re.match` with `$` (which accepts a trailing newline).


@pytest.mark.parametrize("slug", ["x\n", "climate\n", "a-b\n"])
def test_a_slug_with_a_trailing_newline_is_refused(slug):
    document = demo_document()
    document["statements"][0]["slug"] = slug
    errors = errors_of(document)
    assert errors == [
        f"statements[0].slug: {json.dumps(slug)} is not valid "
        "(lower-case letters, digits and hyphens)"
    ]
    assert not Statement.objects.filter(slug=slug).exists()


def test_an_organization_key_with_a_trailing_newline_is_refused():
    document = demo_document()
    document["organizations"][0]["key"] = document["organizations"][0]["key"] + "\n"
    assert any(error.startswith("organizations[0].key: ") for error in errors_of(document))


def test_a_language_code_with_a_trailing_newline_is_refused():
    document = demo_document()
    document["statements"][0]["original_language"] = "en\n"
    assert errors_of(document) == [
        'statements[0].original_language: "en\\n" is not valid (an ISO 639-1 code)'
    ]


# Item 9: every failure is `path: message`.


def test_duplicate_keys_are_an_error_with_their_path():
    # Before: the last one won, so this file published the statement.
    document = demo_document()
    document["statements"][0]["status"] = "DRAFT-MARKER"
    text = json.dumps(document).replace(
        '"status": "DRAFT-MARKER"', '"status": "draft", "status": "published"'
    )
    assert errors_of(text) == ['statements[0]: the key "status" is given twice']


def test_duplicate_top_level_keys_are_an_error():
    text = '{"format": "sscportal-content", "version": 1, "version": 2}'
    assert errors_of(text) == ['$: the key "version" is given twice']


@pytest.mark.parametrize("offset", ["+16:00", "-23:59", "+23:59:59"])
def test_an_offset_postgresql_cannot_hold_is_refused(offset):
    document = demo_document()
    document["events"][0]["starts_at"] = f"2023-09-12T10:00:00{offset}"
    document["events"][0]["ends_at"] = None
    assert errors_of(document) == [
        f'events[0].starts_at: "2023-09-12T10:00:00{offset}" has an offset beyond ±15:59'
    ]


def test_deep_nesting_is_refused_with_a_message():
    text = "[" * 100_000 + "]" * 100_000
    errors = errors_of(text)
    assert len(errors) == 1 and errors[0].startswith("$: ")


def test_a_huge_integer_is_refused_with_a_message():
    text = '{"format": "sscportal-content", "version": ' + "9" * 5000 + "}"
    errors = errors_of(text)
    assert len(errors) == 1 and errors[0].startswith("$: ")


def test_a_huge_integer_inside_an_item_is_refused_with_its_path():
    document = demo_document()
    document["initiatives"][0]["sdgs"] = [10**30]
    assert errors_of(document) == [f"initiatives[0].sdgs[0]: {10**30} is not between 1 and 17"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_are_refused(constant):
    errors = errors_of('{"format": "sscportal-content", "version": ' + constant + "}")
    assert len(errors) == 1 and errors[0].startswith("$: not valid JSON")


def test_an_integer_where_a_date_goes_is_a_path_message():
    document = demo_document()
    document["statements"][0]["delivered_on"] = 20230912
    assert errors_of(document) == [
        "statements[0].delivered_on: 20230912 is not a date (YYYY-MM-DD)"
    ]


def test_a_value_longer_than_its_column_is_refused_with_its_path():
    document = demo_document()
    document["statements"][0]["speaker"] = {"en": "s" * 201}
    assert errors_of(document) == ["statements[0].speaker.en: is longer than 200 characters"]


def test_a_database_refusal_names_the_item(monkeypatch):
    # A rule the first pass does not know about: the database's own refusal
    # still comes back as `path: message`, and nothing is written.
    from django.db import IntegrityError

    from exchange import importer

    real = importer._upsert

    def refuse_second_statement(section, data):
        if (
            section.name == "statements"
            and data["slug"] == demo_document()["statements"][1]["slug"]
        ):
            raise IntegrityError('new row violates check constraint "made_up"')
        return real(section, data)

    monkeypatch.setattr(importer, "_upsert", refuse_second_statement)
    errors = errors_of(demo_document())
    assert errors == [
        'statements[1]: the database refused this item: new row violates check constraint "made_up"'
    ]


# Item 7: characters XML 1.0 forbids.


@pytest.mark.parametrize(
    "text, shown",
    [("a\x00b", "U+0000"), ("a\ud800b", "U+D800"), ("a\x0bb", "U+000B"), ("a\uffffb", "U+FFFF")],
)
def test_characters_xml_forbids_are_refused_with_their_path(text, shown):
    document = demo_document()
    document["statements"][0]["title"]["en"] = text
    assert errors_of(json.dumps(document)) == [
        f"statements[0].title.en: contains the character {shown}, which XML 1.0 forbids"
    ]


def test_a_forbidden_character_in_a_key_is_refused_with_its_path():
    document = demo_document()
    document["statements"][0]["title"]["e\x00n"] = "x"
    errors = errors_of(json.dumps(document))
    assert (
        "statements[0].title: a key contains the character U+0000, which XML 1.0 forbids" in errors
    )


def test_tab_newline_and_carriage_return_are_allowed():
    from exchange.importer import import_content

    document = demo_document()
    document["statements"][0]["title"]["en"] = "a\tb\nc\rd"
    import_content(json.dumps(document))
    assert Statement.objects.get(slug=document["statements"][0]["slug"]).title_en == "a\tb\nc\rd"


def test_a_key_that_is_not_a_plain_name_is_quoted_in_its_path():
    # Found by the property test: a key "\n" made a two-line "path: message".
    document = demo_document()
    document["\n"] = None
    document["statements"][0]["title"]["e n"] = "x"
    errors = errors_of(document)
    assert '$["\\n"]: unknown top-level key' in errors
    assert 'statements[0].title["e n"]: unknown language code "e n" (use en, ar)' in errors
