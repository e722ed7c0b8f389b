"""The content exchange format: CONTENT_FORMAT.md is the contract."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from events.models import Event, Observance
from exchange.document import ImportFailed, dumps
from exchange.exporter import export_content
from exchange.importer import import_content
from initiatives.models import Initiative, Organization
from pages.models import Page
from resources.models import Resource
from statements.models import Statement

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [Page, Resource, Statement, Event, Observance, Initiative, Organization]


def demo_document():
    with open("demo/content.json", encoding="utf-8") as handle:
        return json.load(handle)


def database_state():
    return dumps(export_content())


def errors_of(document):
    before = database_state()
    with pytest.raises(ImportFailed) as failure:
        import_content(json.dumps(document) if not isinstance(document, str) else document)
    assert database_state() == before, "a failed import must change nothing"
    return failure.value.report.errors


def test_demo_content_imports():
    report = import_content(json.dumps(demo_document()))
    assert report.counts == {
        "organizations": 7,
        "initiatives": 5,
        "observances": 3,
        "events": 2,
        "statements": 5,
        "resources": 4,
        "pages": 5,
    }
    assert Statement.objects.get(slug="dabur-remarks-joint-report-2020").title_ar.startswith("كلمة")


def test_an_import_tells_the_planner_the_tables_it_filled_are_not_empty():
    # Statistics saying "empty" after an import made facet counts take minutes.
    def estimated_rows(table):
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiative, initiatives_initiativecountry")
    assert estimated_rows("initiatives_initiative") <= 0

    import_content(json.dumps(demo_document()))

    assert estimated_rows("initiatives_initiative") == Initiative.objects.count() == 5
    assert estimated_rows("initiatives_initiativecountry") > 0


def test_importing_twice_equals_importing_once():
    import_content(json.dumps(demo_document()))
    once = database_state()
    counts = [model.objects.count() for model in CONTENT_MODELS]
    import_content(json.dumps(demo_document()))
    assert database_state() == once
    assert [model.objects.count() for model in CONTENT_MODELS] == counts


def test_round_trip_through_an_empty_database_is_lossless():
    import_content(json.dumps(demo_document()))
    first = database_state()
    for model in CONTENT_MODELS:
        model.objects.all().delete()
    assert json.loads(database_state())["statements"] == []
    import_content(first)
    second = database_state()
    assert second == first
    assert "التعاون فيما بين بلدان الجنوب" in second


def test_export_sorts_items_by_natural_key():
    import_content(json.dumps(demo_document()))
    document = export_content()
    assert [o["key"] for o in document["organizations"]] == sorted(
        o["key"] for o in document["organizations"]
    )
    assert [o["year"] for o in document["observances"]] == [2005, 2020, 2023]


def test_export_keeps_the_venue_offset():
    import_content(json.dumps(demo_document()))
    events = {e["slug"]: e for e in export_content()["events"]}
    launch = events["sesric-unossc-joint-report-launch-2020"]
    assert launch["starts_at"] == "2020-09-15T16:00:00+03:00"
    assert launch["timezone"] == "Europe/Istanbul"


def test_lists_inside_an_item_are_replaced_not_merged():
    document = demo_document()
    import_content(json.dumps(document))
    initiative = document["initiatives"][0]
    initiative["countries"] = [{"country": "KE", "role": "recipient"}]
    initiative["sdgs"] = [1]
    import_content(json.dumps(document))
    stored = Initiative.objects.get(slug=initiative["slug"])
    assert [r.country.iso2 for r in stored.country_roles.all()] == ["KE"]
    assert [g.number for g in stored.sdgs.all()] == [1]


def test_missing_status_means_draft():
    document = demo_document()
    del document["statements"][0]["status"]
    import_content(json.dumps(document))
    assert Statement.objects.get(slug=document["statements"][0]["slug"]).status == "draft"


def test_bad_json_is_reported_and_changes_nothing():
    errors = errors_of('{"format": "sscportal-content", "version": 1,')
    assert len(errors) == 1 and errors[0].startswith("$: not valid JSON")


def test_unknown_iso_code_is_reported_with_its_path():
    document = demo_document()
    document["initiatives"][3]["countries"][0]["country"] = "XX"
    assert errors_of(document) == ['initiatives[3].countries[0].country: unknown ISO code "XX"']


def test_lower_case_iso_code_is_refused():
    document = demo_document()
    document["events"][0]["country"] = "us"
    assert errors_of(document) == ['events[0].country: unknown ISO code "us"']


def test_unknown_keys_are_errors_at_every_level():
    document = demo_document()
    document["extra"] = 1
    document["statements"][2]["speakr"] = {"en": "typo"}
    document["initiatives"][0]["countries"][0]["rol"] = "provider"
    errors = errors_of(document)
    assert "extra: unknown top-level key" in errors
    assert "statements[2].speakr: unknown key" in errors
    assert "initiatives[0].countries[0].rol: unknown key" in errors


def test_end_before_start_is_an_error():
    document = demo_document()
    document["events"][1]["ends_at"] = "2020-09-15T15:00:00+03:00"
    document["initiatives"][1]["start_date"] = "2020-01-01"
    document["initiatives"][1]["end_date"] = "2019-12-31"
    errors = errors_of(document)
    assert "events[1].ends_at: ends before it starts (starts_at is later)" in errors
    assert "initiatives[1].end_date: ends before it starts (start_date is later)" in errors


def test_duplicate_slug_is_an_error():
    document = demo_document()
    document["statements"].append(copy.deepcopy(document["statements"][0]))
    slug = document["statements"][0]["slug"]
    assert errors_of(document) == [
        f'statements[5].slug: duplicate slug "{slug}" (also at statements[0])'
    ]


def test_every_error_of_a_file_is_reported_at_once():
    document = demo_document()
    document["version"] = 4
    document["organizations"][0]["kind"] = "company"
    document["statements"][0]["delivered_on"] = "15/09/2025"
    document["statements"][1]["title"] = {"fr": "Titre"}
    document["events"][0]["timezone"] = "New York"
    document["initiatives"][0]["sdgs"] = [2, 18]
    errors = errors_of(document)
    assert errors == [
        "version: must be 1, 2 or 3",
        'organizations[0].kind: "company" is not one of un-entity, government, '
        "intergovernmental, development-bank, academia, civil-society, private-sector, other",
        "initiatives[0].sdgs[1]: 18 is not between 1 and 17",
        'events[0].timezone: "New York" is not an IANA time zone name',
        'statements[0].delivered_on: "15/09/2025" is not a date (YYYY-MM-DD)',
        'statements[1].title.fr: unknown language code "fr" (use en, ar)',
    ]


def test_a_title_needs_one_language():
    document = demo_document()
    document["initiatives"][0]["title"] = {"en": "", "ar": ""}
    assert errors_of(document) == [
        "initiatives[0].title: needs a non-empty text in at least one language"
    ]


def test_references_must_exist_in_the_file_or_the_database():
    document = demo_document()
    document["statements"][0]["event"] = "no-such-event"
    document["events"][0]["organizers"] = ["unossc", "nobody"]
    document["events"][0]["observance"] = 1999
    errors = errors_of(document)
    assert 'statements[0].event: unknown event slug "no-such-event"' in errors
    assert 'events[0].organizers[1]: unknown organization key "nobody"' in errors
    assert "events[0].observance: unknown observance year 1999" in errors


def test_references_to_items_already_stored_are_accepted():
    import_content(json.dumps(demo_document()))
    only_statements = {"format": "sscportal-content", "version": 1}
    only_statements["statements"] = demo_document()["statements"]
    assert import_content(json.dumps(only_statements)).counts["statements"] == 5


def test_datetimes_need_an_offset():
    document = demo_document()
    document["events"][0]["starts_at"] = "2023-09-12T15:00:00"
    assert errors_of(document) == [
        'events[0].starts_at: "2023-09-12T15:00:00" is not an ISO 8601 date and time with an offset'
    ]


def test_rich_text_is_sanitized_on_import_with_a_warning():
    document = demo_document()
    document["statements"][0]["body"] = {
        "en": '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a></p><script>alert(1)</script>',
        "ar": '<p dir="rtl" lang="ar">مرحبا <span lang="en" dir="ltr">x</span></p>',
    }
    report = import_content(json.dumps(document))
    statement = Statement.objects.get(slug=document["statements"][0]["slug"])
    assert statement.body_en == "<p>Hi <a>x</a></p>"
    assert statement.body_ar == '<p dir="rtl" lang="ar">مرحبا x</p>'
    assert "statements[0].body.en: HTML outside the allowlist was removed" in report.warnings


def test_clean_html_comes_through_unchanged_and_without_warning():
    html = '<h2>Title</h2><p dir="rtl" lang="ar">نص <strong>مهم</strong> <a href="https://example.org/">رابط</a></p><ul><li>a</li></ul><blockquote lang="en" dir="ltr">q</blockquote>'
    document = demo_document()
    document["statements"][0]["body"] = {"ar": html}
    report = import_content(json.dumps(document))
    assert Statement.objects.get(slug=document["statements"][0]["slug"]).body_ar == html
    assert report.warnings == []


def test_import_command_exits_non_zero_and_prints_every_error(tmp_path):
    document = demo_document()
    document["initiatives"][0]["countries"][0]["country"] = "XX"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    stderr = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_content", str(path), stderr=stderr)
    assert 'initiatives[0].countries[0].country: unknown ISO code "XX"' in stderr.getvalue()
    assert not Initiative.objects.exists()


def test_import_command_reads_standard_input(monkeypatch):
    import io
    import sys

    raw = json.dumps(demo_document()).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    call_command("import_content", "-", stdout=StringIO())
    assert Statement.objects.count() == 5


def test_export_command_writes_the_file(tmp_path):
    import_content(json.dumps(demo_document()))
    out = tmp_path / "export.json"
    call_command("export_content", "-o", str(out))
    assert out.read_text(encoding="utf-8") == database_state()


def test_export_writes_version_3_and_a_version_1_file_still_imports():
    # The demo content as it stood in version 1, kept as a fixture.
    with open("tests/exchange/fixtures/content-v1.json", encoding="utf-8") as handle:
        document = json.load(handle)
    assert document["version"] == 1
    report = import_content(json.dumps(document))
    assert report.counts["statements"] == 5
    # Version 1 knew no status for organizations and observances: they were public.
    assert set(Organization.objects.values_list("status", flat=True)) == {"published"}
    assert set(Observance.objects.values_list("status", flat=True)) == {"published"}
    exported = export_content()
    assert exported["version"] == 3
    statement = next(s for s in exported["statements"] if s["slug"] == "unesco-dg-message-2005")
    # Version-2 keys a version-1 file lacks take their documented defaults.
    assert statement["text_kind"] == "full-text"
    assert statement["translations"] == {}
    assert statement["mentions"] == {"countries": [], "initiatives": [], "organizations": []}
    assert statement["observance"] is None and statement["document_symbol"] is None


def test_the_demo_file_is_version_3():
    assert demo_document()["version"] == 3
