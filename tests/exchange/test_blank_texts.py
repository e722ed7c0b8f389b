"""A title, name or theme made only of white space (of any script) or invisible
marks is refused with its path, by the import and by the published schema,
and the import changes nothing."""

import json

import pytest
from jsonschema import Draft202012Validator

from exchange import schema

from .test_exchange import demo_document, errors_of

pytestmark = pytest.mark.django_db

BLANKS = {
    "spaces": "   ",
    "tab and line break": "\t\n",
    "no-break spaces": "\u00a0\u202f",
    "em and ideographic spaces": "\u2003\u3000",
    "zero-width space and joiners": "\u200b\u200c\u200d",
    "Arabic letter mark and right-to-left mark": "\u061c\u200f ",
    "byte-order mark": "\ufeff",
}
MESSAGE = "is only white space: write the text, or leave this language out"


def committed_validator():
    return Draft202012Validator(json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8")))


def with_blank(blank):
    """The demo document with `blank` as a title, a name, a theme, a speaker's name,
    and (beside its real English name) an Arabic name."""
    document = demo_document()
    document["initiatives"][0]["title"] = {"en": blank}
    document["organizations"][0]["name"]["ar"] = blank
    document["observances"][0]["theme"] = {"en": blank, "ar": "الشراكة"}
    document["statements"][0]["speaker"] = {"en": blank}
    document["events"][1]["speakers"][0]["name"] = {"en": blank}
    return document


@pytest.mark.parametrize("blank", BLANKS.values(), ids=BLANKS.keys())
def test_the_import_refuses_a_blank_title_name_or_theme(blank):
    assert sorted(errors_of(with_blank(blank))) == sorted(
        [
            f"events[1].speakers[0].name.en: {MESSAGE}",
            f"initiatives[0].title.en: {MESSAGE}",
            f"observances[0].theme.en: {MESSAGE}",
            f"organizations[0].name.ar: {MESSAGE}",
            f"statements[0].speaker.en: {MESSAGE}",
        ]
    )


@pytest.mark.parametrize("blank", BLANKS.values(), ids=BLANKS.keys())
def test_the_schema_refuses_a_blank_title_name_or_theme(blank):
    paths = sorted(
        "/".join(str(part) for part in error.absolute_path)
        for error in committed_validator().iter_errors(with_blank(blank))
    )
    assert paths == [
        "events/1/speakers/0/name/en",
        "initiatives/0/title/en",
        "observances/0/theme/en",
        "organizations/0/name/ar",
        "statements/0/speaker/en",
    ]


def test_text_with_spaces_around_it_and_empty_languages_are_still_fine():
    document = demo_document()
    document["initiatives"][0]["title"] = {"en": "\u00a0A title\u3000", "ar": ""}
    document["observances"][0]["theme"] = {"en": "", "ar": None}
    document["organizations"][0]["name"] = {"ar": "\u200fمنظمة"}
    assert list(committed_validator().iter_errors(document)) == []
    assert errors_of(document | {"version": "x"}) == ["version: must be 1, 2 or 3"]


def test_a_blank_summary_is_not_a_title():
    # Only what stands as a heading or a name must show something.
    document = demo_document()
    document["initiatives"][0]["summary"] = {"en": "   "}
    assert list(committed_validator().iter_errors(document)) == []
