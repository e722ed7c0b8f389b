"""Each filter option says how many initiatives it would give, the other filters applied."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives import facets
from initiatives.models import CountryGroup, InitiativeGroup, InitiativeRegion, Region
from initiatives.reference_data import FIXTURE_PATH, GROUPS_PATH

from .. import factories

pytestmark = pytest.mark.django_db


def options(html, name):
    select = re.search(rf'<select id="f-{name}" name="{name}">(.*?)</select>', html, re.S).group(1)
    return {
        value: (label, "disabled" in attributes)
        for attributes, value, label in re.findall(
            r'<option([^>]*?)value="([^"]*)"[^>]*>([^<]*)</option>', select
        )
    }


@pytest.fixture
def initiatives():
    kenya, ethiopia, china = (factories.country(c) for c in ("KE", "ET", "CN"))
    for n, (country, modality) in enumerate(
        [(kenya, "bilateral"), (kenya, "triangular"), (ethiopia, "bilateral"), (china, "regional")]
    ):
        initiative = factories.InitiativeFactory(slug=f"i{n}", modality=modality)
        initiative.sdgs.set([n + 1])
        factories.InitiativeCountryFactory(initiative=initiative, country=country)
    regional = factories.InitiativeFactory(slug="africa-wide", modality="regional")
    InitiativeRegion.objects.create(
        initiative=regional, region=Region.objects.get(m49=2), role="recipient"
    )


def test_counts_without_filters(client, initiatives):
    html = client.get("/en/initiatives/").content.decode()
    assert options(html, "country")["ke"] == ("Kenya (2)", False)
    assert options(html, "country")["tz"] == ("United Republic of Tanzania (0)", True)
    # Kenya's two, Ethiopia's, and the one naming Africa.
    assert options(html, "region")["2"] == ("All of Africa (4)", False)
    assert options(html, "region")["202"][0] == "Sub-Saharan Africa (3)"
    # No initiative names the group; Ethiopia's is in it only with `members=1`.
    assert options(html, "group")["ldc"] == ("Least developed countries (0)", True)
    assert options(html, "modality")["regional"] == ("Regional (2)", False)
    assert options(html, "sdg")["1"] == ("1 — No Poverty (1)", False)
    assert options(html, "sdg")["17"] == ("17 — Partnerships for the Goals (0)", True)


def test_each_filter_counts_with_the_others_applied(client, initiatives):
    html = client.get("/en/initiatives/?modality=bilateral&country=ke").content.decode()
    # Countries: bilateral only (the country filter itself left out).
    assert options(html, "country")["ke"] == ("Kenya (1)", False)
    assert options(html, "country")["et"] == ("Ethiopia (1)", False)
    assert options(html, "country")["cn"] == ("China (0)", True)
    # Modalities: Kenya only (the modality filter itself left out).
    assert options(html, "modality")["bilateral"][0] == "Bilateral South-South (1)"
    assert options(html, "modality")["triangular"] == ("Triangular (1)", False)
    assert options(html, "modality")["regional"] == ("Regional (0)", True)


def test_a_chosen_option_with_nothing_stays_choosable(client, initiatives):
    html = client.get("/en/initiatives/?modality=regional&country=ke").content.decode()
    assert options(html, "country")["ke"] == ("Kenya (0)", False)
    assert 'value="ke" selected' in html


def test_counts_are_kept_until_content_changes(client, settings, initiatives):
    settings.PAGE_CACHE_SECONDS = 0
    url = "/en/initiatives/?modality=bilateral"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not [q for q in queries if "GROUP BY" in q["sql"]]
    factories.InitiativeCountryFactory(
        initiative__modality="bilateral", country=factories.country("KE")
    )
    html = client.get(url).content.decode()
    assert options(html, "country")["ke"] == ("Kenya (2)", False)


def test_arabic_counts_use_latin_digits(client, initiatives):
    html = client.get("/ar/initiatives/").content.decode()
    assert options(html, "country")["ke"] == ("كينيا (2)", False)


def test_an_initiative_counts_once_however_many_ways_it_is_in_a_region_or_group(client, db):
    # Ethiopia and Uganda: both in Sub-Saharan Africa (202, in Africa 002), both
    # least developed and landlocked; the initiative also names Africa itself.
    initiative = factories.InitiativeFactory(slug="twice")
    for code in ("ET", "UG"):
        factories.InitiativeCountryFactory(initiative=initiative, country=factories.country(code))
    InitiativeRegion.objects.create(
        initiative=initiative, region=Region.objects.get(m49=2), role="recipient"
    )
    # ... and names the least developed countries as a group too.
    InitiativeGroup.objects.create(
        initiative=initiative, group=CountryGroup.objects.get(code="ldc"), role="recipient"
    )
    html = client.get("/en/initiatives/?members=1").text
    assert options(html, "region")["2"] == ("All of Africa (1)", False)
    assert options(html, "region")["202"] == ("Sub-Saharan Africa (1)", False)
    assert options(html, "group")["ldc"] == ("Least developed countries (1)", False)
    assert options(html, "group")["lldc"][0].endswith("(1)")
    assert options(html, "group")["au"][0].endswith("(1)")
    # Uganda is not in the League of Arab States: not all its countries are.
    assert options(html, "group")["las"][0].endswith("(0)")
    assert options(html, "region")["142"] == ("All of Asia (0)", True)


def test_regions_and_groups_fit_in_the_facet_masks():
    # Each region and group is one bit of a bigint in initiatives/facets.py.
    fixture = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
    assert 0 < len(fixture["regions"]) <= facets.MASK_WIDTH
    groups = json.loads(GROUPS_PATH.read_text(encoding="utf-8"))
    assert 0 < len(groups["groups"]) <= facets.MASK_WIDTH


def test_group_counts_follow_the_members_choice_and_the_initiatives_dates(client, db):
    # Bhutan and Nepal: least developed in 2020; Bhutan no longer in 2024.
    for slug, year in (("in-2020", 2020), ("in-2024", 2024)):
        initiative = factories.InitiativeFactory(
            slug=slug, start_date=factories.datetime.date(year, 6, 1)
        )
        for code in ("BT", "NP"):
            factories.InitiativeCountryFactory(
                initiative=initiative, country=factories.country(code)
            )
    named = factories.InitiativeFactory(slug="oic-wide")
    InitiativeGroup.objects.create(
        initiative=named, group=CountryGroup.objects.get(code="oic"), role="recipient"
    )
    html = client.get("/en/initiatives/").text
    assert options(html, "group")["ldc"][0].endswith("(0)")
    assert options(html, "group")["oic"][0].endswith("(1)")
    html = client.get("/en/initiatives/?members=1").text
    assert options(html, "group")["ldc"] == ("Least developed countries (1)", False)
    assert options(html, "group")["lldc"][0].endswith("(2)")
    listed = client.get("/en/initiatives/?group=ldc&members=1").text
    assert "/initiatives/in-2020/" in listed and "/initiatives/in-2024/" not in listed
