"""Exchange format version 3: groups, sectors, identifiers, planned dates, resource numbers."""

import json
from decimal import Decimal

import pytest

from exchange.exporter import export_content
from exchange.importer import import_content
from initiatives.models import Initiative, Organization
from resources.models import Resource

from .test_exchange import database_state, demo_document, errors_of

pytestmark = pytest.mark.django_db


def document(**initiative):
    item = {
        "slug": "statistics-for-oic-countries",
        "status": "published",
        "title": {"en": "Statistics for OIC countries"},
        "modality": "regional",
        "stage": "ongoing",
        "countries": [{"country": "TR", "role": "provider"}],
        **initiative,
    }
    return {"format": "sscportal-content", "version": 3, "initiatives": [item]}


def test_every_version_3_key_is_stored_and_written_back():
    import_content(
        json.dumps(
            {
                **document(
                    identifier="XM-DAC-41119-SSC-1",
                    planned_start_date="2024-01-01",
                    planned_end_date="2026-12-31",
                    groups=[
                        {"group": "oic", "role": "recipient"},
                        {"group": "g77", "role": "both"},
                    ],
                    sectors=[
                        {"code": "160", "percentage": "66.67"},
                        {"code": "114", "percentage": "33.33"},
                    ],
                ),
                "organizations": [
                    {
                        "key": "unfpa",
                        "name": {"en": "UNFPA"},
                        "kind": "un-entity",
                        "identifier": "XM-DAC-41119",
                    }
                ],
                "resources": [
                    {
                        "slug": "report",
                        "status": "published",
                        "kind": "report",
                        "title": {"en": "Report"},
                        "document_symbol": "A/78/39",
                        "isbn": "978-92-1-101437-2",
                    }
                ],
            }
        )
    )
    initiative = Initiative.objects.get()
    assert initiative.identifier == "XM-DAC-41119-SSC-1"
    assert str(initiative.planned_end_date) == "2026-12-31"
    assert {share.sector.code: share.percentage for share in initiative.sector_shares.all()} == {
        "160": Decimal("66.67"),
        "114": Decimal("33.33"),
    }
    assert Organization.objects.get().identifier == "XM-DAC-41119"
    assert (Resource.objects.get().document_symbol, Resource.objects.get().isbn) == (
        "A/78/39",
        "978-92-1-101437-2",
    )
    exported = export_content()
    assert exported["version"] == 3
    item = exported["initiatives"][0]
    # Sorted by key, as every list of rows is.
    assert item["groups"] == [
        {"group": "g77", "role": "both"},
        {"group": "oic", "role": "recipient"},
    ]
    assert item["sectors"] == [
        {"code": "114", "percentage": "33.33"},
        {"code": "160", "percentage": "66.67"},
    ]
    assert item["planned_start_date"] == "2024-01-01"
    assert exported["organizations"][0]["identifier"] == "XM-DAC-41119"


def test_a_version_3_file_round_trips_byte_for_byte(django_db_blocker):
    import_content(json.dumps(demo_document()))
    first = database_state()
    assert '"version": 3' in first and '"global-south"' in first and '"60.00"' in first
    assert '"family_name"' in first  # the people section is in the trip too
    Initiative.objects.all().delete()
    Resource.objects.all().delete()
    from events.models import Event, Observance
    from people.models import Person
    from statements.models import Statement

    Statement.objects.all().delete()
    Event.objects.all().delete()
    Observance.objects.all().delete()
    # People's titles name organizations, which protect them from deletion.
    Person.objects.all().delete()
    Organization.objects.all().delete()
    assert '"sectors": [\n' not in database_state()
    import_content(first)
    assert database_state() == first


def test_an_oic_wide_initiative_is_in_the_demo_content():
    item = next(
        item
        for item in demo_document()["initiatives"]
        if item["slug"] == "sesric-statistics-research-training-oic"
    )
    assert {"group": "oic", "role": "recipient"} in item["groups"]


def test_missing_version_3_keys_take_their_defaults():
    import_content(json.dumps(document() | {"version": 2}))
    item = export_content()["initiatives"][0]
    assert item["groups"] == [] and item["sectors"] == []
    assert item["identifier"] is None and item["planned_start_date"] is None


@pytest.mark.parametrize(
    ("initiative", "error"),
    [
        (
            {"groups": [{"group": "brics", "role": "both"}]},
            'initiatives[0].groups[0].group: unknown country group code "brics"',
        ),
        (
            {"groups": [{"group": "oic", "role": "member"}]},
            'initiatives[0].groups[0].role: "member"',
        ),
        (
            {"sectors": [{"code": "999", "percentage": None}]},
            'initiatives[0].sectors[0].code: unknown sector code "999"',
        ),
        (
            {"sectors": [{"code": "311", "percentage": 50}]},
            "initiatives[0].sectors[0].percentage: 50 is not a percentage",
        ),
        (
            {"sectors": [{"code": "311", "percentage": "0"}]},
            'initiatives[0].sectors[0].percentage: "0" is not more than 0',
        ),
        (
            {
                "sectors": [
                    {"code": "311", "percentage": "50"},
                    {"code": "312", "percentage": "40"},
                ]
            },
            "initiatives[0].sectors: the percentages add up to 90, not 100",
        ),
        (
            {"sectors": [{"code": "311", "percentage": None}, {"code": "311", "percentage": None}]},
            "initiatives[0].sectors[1]: ",
        ),
        ({"identifier": "activity 1"}, 'initiatives[0].identifier: "activity 1" is not valid'),
        (
            {"planned_start_date": "2025-01-01", "planned_end_date": "2024-01-01"},
            "initiatives[0].planned_end_date: ends before it starts",
        ),
    ],
)
def test_a_bad_version_3_key_is_refused_with_its_path(initiative, error):
    errors = errors_of(document(**initiative))
    assert any(message.startswith(error) for message in errors), errors


def test_a_bad_isbn_or_organisation_identifier_is_refused_with_its_path():
    errors = errors_of(
        {
            "format": "sscportal-content",
            "version": 3,
            "organizations": [
                {"key": "x", "name": {"en": "X"}, "kind": "other", "identifier": "41119"}
            ],
            "resources": [
                {
                    "slug": "r",
                    "status": "draft",
                    "kind": "report",
                    "title": {"en": "R"},
                    "isbn": "978-92-1-101437-4",
                }
            ],
        }
    )
    assert any(m.startswith('organizations[0].identifier: "41119" is not valid') for m in errors)
    assert any(m.startswith("resources[0].isbn: ") for m in errors), errors


def test_a_version_2_file_still_imports_unchanged():
    with open("tests/exchange/fixtures/content-v1.json", encoding="utf-8") as handle:
        version_1 = json.load(handle)
    import_content(json.dumps(version_1))
    version_2 = demo_document() | {"version": 2}
    for item in version_2["initiatives"]:
        for key in ("identifier", "planned_start_date", "planned_end_date", "groups", "sectors"):
            item.pop(key)
    for item in version_2["organizations"]:
        item.pop("identifier")
    for item in version_2["resources"]:
        item.pop("document_symbol")
        item.pop("isbn")
    report = import_content(json.dumps(version_2))
    assert report.counts["initiatives"] == 5
