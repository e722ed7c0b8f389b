"""The version-3 fields in the IATI files: sectors with their shares, the
initiatives' and organizations' own identifiers, planned dates."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from initiatives.models import InitiativePartner, InitiativeSector, Sector

from .. import factories
from .iati_checks import parse, ruleset_errors, schema_errors
from .test_activities import SCHEMA, URL, dates_of, narratives

pytestmark = pytest.mark.django_db


def document(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return parse(b"".join(response.streaming_content))


def activity_titled(document, title):
    [found] = [a for a in document if a.find("title/narrative").text == title]
    return found


def valid(found):
    assert schema_errors(found, SCHEMA) == []
    assert ruleset_errors(found, timezone.localdate()) == []


def with_sectors(title, shares):
    initiative = factories.InitiativeCountryFactory(initiative__title_en=title).initiative
    for code, percentage in shares:
        InitiativeSector.objects.create(
            initiative=initiative, sector=Sector.objects.get(code=code), percentage=percentage
        )
    return initiative


def sectors_of(activity):
    return [
        (s.get("vocabulary"), s.get("code"), s.get("percentage"), narratives(s).get("en"))
        for s in activity.findall("sector")
    ]


def test_sectors_are_dac_3_digit_sectors_with_their_shares(client):
    with_sectors("Shared", [("311", Decimal("60.00")), ("140", Decimal("40.00"))])
    with_sectors("One", [("311", None)])
    with_sectors("Unknown shares", [("311", None), ("140", None)])
    found = document(client)
    valid(found)
    shared = sectors_of(activity_titled(found, "Shared"))
    assert [(v, c, p) for v, c, p, _ in shared] == [("2", "140", "40"), ("2", "311", "60")]
    assert shared[1][3] == Sector.objects.get(code="311").name_en
    # A single sector is the whole activity; several without shares say none.
    assert [p for _, _, p, _ in sectors_of(activity_titled(found, "One"))] == ["100"]
    unknown = sectors_of(activity_titled(found, "Unknown shares"))
    assert [p for _, _, p, _ in unknown] == [None, None]


def test_an_own_identifier_of_the_site_is_the_activitys(client, settings):
    initiative = factories.InitiativeCountryFactory(initiative__title_en="Own").initiative
    initiative.identifier = "XI-IATI-SSCPORTAL-SSC-001"
    initiative.save()
    activity = activity_titled(document(client), "Own")
    assert activity.findtext("iati-identifier") == "XI-IATI-SSCPORTAL-SSC-001"
    assert activity.find("other-identifier") is None


def test_another_publishers_identifier_joins_as_an_other_identifier(client):
    initiative = factories.InitiativeCountryFactory(
        initiative__title_en="Theirs", initiative__slug="theirs"
    ).initiative
    initiative.identifier = "XM-DAC-41119-SSC-7"
    initiative.save()
    found = document(client)
    valid(found)
    activity = activity_titled(found, "Theirs")
    # The ruleset wants the reporting organisation's reference first.
    assert activity.findtext("iati-identifier") == "XI-IATI-SSCPORTAL-theirs"
    other = activity.find("other-identifier")
    assert (other.get("ref"), other.get("type")) == ("XM-DAC-41119-SSC-7", "A9")


def test_an_organizations_registered_identifier_is_its_ref_in_both_files(client):
    initiative = factories.InitiativeFactory(title_en="Funded")
    unfpa = factories.OrganizationFactory(key="unfpa", identifier="XM-DAC-41119")
    InitiativePartner.objects.create(initiative=initiative, organization=unfpa, role="funder")
    activity = activity_titled(document(client), "Funded")
    assert [p.get("ref") for p in activity.findall("participating-org")] == ["XM-DAC-41119"]
    organisations = document(client, "/iati/organisations.xml")
    assert schema_errors(organisations, "iati-organisations-schema.xsd") == []
    identifiers = [o.findtext("organisation-identifier") for o in organisations]
    assert "XM-DAC-41119" in identifiers


def test_planned_dates_are_types_1_and_3_beside_the_actual_ones(client):
    today = timezone.localdate()
    factories.InitiativeCountryFactory(
        initiative__title_en="Planned and done",
        initiative__stage="completed",
        initiative__planned_start_date=datetime.date(2018, 1, 1),
        initiative__planned_end_date=datetime.date(2020, 12, 31),
        initiative__start_date=datetime.date(2018, 3, 1),
        initiative__end_date=datetime.date(2021, 6, 30),
        initiative__budget_amount=Decimal("1000.00"),
        initiative__budget_currency="USD",
    )
    factories.InitiativeCountryFactory(
        initiative__title_en="Only planned",
        initiative__stage="planned",
        initiative__start_date=None,
        initiative__end_date=None,
        initiative__planned_start_date=today + datetime.timedelta(days=30),
        initiative__planned_end_date=today + datetime.timedelta(days=400),
        initiative__budget_amount=Decimal("500.00"),
        initiative__budget_currency="EUR",
    )
    found = document(client)
    valid(found)
    done = activity_titled(found, "Planned and done")
    assert dates_of(done) == [
        ("1", "2018-01-01"),
        ("2", "2018-03-01"),
        ("3", "2020-12-31"),
        ("4", "2021-06-30"),
    ]
    planned = activity_titled(found, "Only planned")
    start, end = today + datetime.timedelta(days=30), today + datetime.timedelta(days=400)
    assert dates_of(planned) == [("1", start.isoformat()), ("3", end.isoformat())]
    # No "dates not known" narrative once a planned date is known.
    assert planned.find("activity-date/narrative") is None
    # The budget's period is the planned one when nothing has happened yet.
    period = planned.find("budget/period-start").get("iso-date")
    assert period == start.isoformat()
