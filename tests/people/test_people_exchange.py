"""People in the exchange format, version 3 (docs/content-format.md)."""

import json

import pytest

from events.models import EventSpeaker
from exchange.document import dumps
from exchange.exporter import export_content
from exchange.importer import import_content
from people.models import Person
from statements.models import Statement
from tests.exchange.test_exchange import CONTENT_MODELS, demo_document, errors_of

pytestmark = pytest.mark.django_db


def fixture(name):
    with open(f"tests/exchange/fixtures/{name}", encoding="utf-8") as handle:
        return json.load(handle)


def empty_the_database():
    for model in CONTENT_MODELS:
        model.objects.all().delete()


def test_a_version_3_file_with_people_round_trips_byte_for_byte():
    import_content(json.dumps(demo_document()))
    first = dumps(export_content())
    assert json.loads(first)["version"] == 3
    assert [p["key"] for p in json.loads(first)["people"]] == [
        "antonio-guterres", "dima-al-khatib", "jorge-chediek", "koichiro-matsuura", "nebil-dabur",
    ]  # fmt: skip
    empty_the_database()
    assert Person.objects.count() == 0
    import_content(first)
    assert dumps(export_content()) == first


def test_the_people_section_is_written_as_the_format_says():
    import_content(json.dumps(demo_document()))
    exported = export_content()
    chediek = next(p for p in exported["people"] if p["key"] == "jorge-chediek")
    assert chediek["name"] == {"en": "Jorge Chediek", "ar": "خورخي شيديك"}
    assert chediek["family_name"] == {"en": "Chediek", "ar": "شيديك"}
    assert chediek["titles"][0]["organization"] == "unossc"
    assert (chediek["titles"][0]["from"], chediek["titles"][0]["to"]) == (
        "2016-01-01",
        "2021-12-31",
    )
    statement = next(s for s in exported["statements"] if s["slug"].startswith("secretary-general"))
    assert statement["person"] == "antonio-guterres"
    assert statement["delivered_by_person"] is None
    launch = next(e for e in exported["events"] if e["slug"].startswith("sesric-unossc"))
    assert [s["person"] for s in launch["speakers"]] == ["jorge-chediek", "nebil-dabur"]


def test_one_person_is_linked_from_a_statement_and_an_event():
    import_content(json.dumps(demo_document()))
    dabur = Person.objects.get(key="nebil-dabur")
    assert Statement.objects.get(slug="dabur-remarks-joint-report-2020").person == dabur
    assert EventSpeaker.objects.get(person=dabur).event.slug.startswith("sesric-unossc")


@pytest.mark.parametrize("name", ["content-v1.json", "content-v2.json"])
def test_version_1_and_2_files_still_import(name):
    document = fixture(name)
    assert document["version"] in (1, 2) and "people" not in document
    report = import_content(json.dumps(document))
    assert report.counts["statements"] == 5
    assert Person.objects.count() == 0
    assert Statement.objects.filter(person__isnull=False).count() == 0
    exported = export_content()
    assert exported["people"] == []
    assert all(s["person"] is None for s in exported["statements"])


def test_titles_are_listed_by_date_whatever_the_file_order():
    document = demo_document()
    guterres = next(p for p in document["people"] if p["key"] == "antonio-guterres")
    guterres["titles"] = [
        {
            "title": {"en": "Secretary-General"},
            "organization": "un",
            "from": "2017-01-01",
            "to": None,
        },
        {
            "title": {"en": "High Commissioner for Refugees"},
            "from": "2005-06-15",
            "to": "2015-12-31",
        },
        {"title": {"en": "Prime Minister of Portugal"}, "from": "1995-10-28", "to": "2002-04-06"},
    ]
    import_content(json.dumps(document))
    exported = next(p for p in export_content()["people"] if p["key"] == "antonio-guterres")
    assert [t["from"] for t in exported["titles"]] == ["1995-10-28", "2005-06-15", "2017-01-01"]
    assert exported["titles"][1] == {
        "title": {"en": "High Commissioner for Refugees"},
        "organization": None,
        "from": "2005-06-15",
        "to": "2015-12-31",
    }


def test_a_person_file_needs_only_key_and_name():
    document = demo_document()
    document["people"].append({"key": "amina-mohammed", "name": {"ar": "أمينة محمد"}})
    import_content(json.dumps(document))
    amina = Person.objects.get(key="amina-mohammed")
    assert amina.name_ar == "أمينة محمد" and amina.is_published
    assert amina.titles.count() == 0


def test_an_unknown_person_is_an_error_with_its_path():
    document = demo_document()
    document["statements"][0]["person"] = "nobody-at-all"
    document["statements"][1]["delivered_by_person"] = "ghost"
    document["events"][1]["speakers"][1]["person"] = "someone-else"
    errors = errors_of(document)
    assert 'statements[0].person: unknown person key "nobody-at-all"' in errors
    assert 'statements[1].delivered_by_person: unknown person key "ghost"' in errors
    assert 'events[1].speakers[1].person: unknown person key "someone-else"' in errors


def test_bad_people_are_refused_with_their_paths():
    document = demo_document()
    document["people"][0]["key"] = "Antonio_Guterres"
    document["people"][1]["name"] = {"en": "", "ar": ""}
    document["people"][2]["titles"][0]["to"] = "2010-01-01"
    document["people"][3]["titles"][0]["organization"] = "nowhere"
    errors = errors_of(document)
    assert any(e.startswith("people[0].key:") for e in errors), errors
    assert any(e.startswith("people[1].name") for e in errors), errors
    assert "people[2].titles[0].to: ends before it starts (from is later)" in errors
    assert 'people[3].titles[0].organization: unknown organization key "nowhere"' in errors


def test_a_speaker_that_is_a_person_needs_no_name_of_its_own():
    document = demo_document()
    launch = document["events"][1]
    assert launch["speakers"][0]["person"] == "jorge-chediek"
    del launch["speakers"][0]["name"]
    launch["speakers"][1]["name"] = {"en": ""}
    launch["speakers"][1]["person"] = None
    assert errors_of(document) == [
        "events[1].speakers[1].name: give a name in some language, or a person"
    ]
    launch["speakers"][1]["person"] = "nebil-dabur"
    import_content(json.dumps(document))
    speakers = EventSpeaker.objects.filter(event__slug=launch["slug"]).order_by("order")
    assert [(s.name_en, s.person.key) for s in speakers] == [
        ("", "jorge-chediek"),
        ("", "nebil-dabur"),
    ]
