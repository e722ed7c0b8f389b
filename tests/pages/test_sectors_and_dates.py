"""Sectors on initiatives (filter, counts, country chart, downloads, admin) and what
pages say of dates that are not known."""

import datetime
import re
from decimal import Decimal

import pytest

from initiatives.models import Initiative, InitiativeSector, Sector

from .. import factories
from ..opendata.test_downloads import read_csv
from .test_filter_counts import options

pytestmark = pytest.mark.django_db


def with_sectors(slug, shares, iso2="KE", **fields):
    initiative = factories.InitiativeFactory(slug=slug, **fields)
    factories.InitiativeCountryFactory(initiative=initiative, country=factories.country(iso2))
    for code, percentage in shares:
        InitiativeSector.objects.create(
            initiative=initiative,
            sector=Sector.objects.get(code=code),
            percentage=Decimal(percentage) if percentage else None,
        )
    return initiative


def listed(client, url):
    return set(re.findall(r'href="/en/initiatives/([a-z0-9-]+)/"', client.get(url).text))


def test_an_initiative_with_sectors_is_under_each_of_its_sectors(client):
    with_sectors("farming", [("311", "60"), ("140", "40")])
    with_sectors("roads", [("210", None)])
    assert listed(client, "/en/initiatives/?sector=311") == {"farming"}
    assert listed(client, "/en/initiatives/?sector=140") == {"farming"}
    assert listed(client, "/en/initiatives/?sector=210") == {"roads"}
    assert "unknown sector code" in client.get("/en/initiatives/?sector=999").text


def test_sector_options_count_initiatives_with_the_other_filters_applied(client):
    with_sectors("farming", [("311", "60"), ("140", "40")], modality="bilateral")
    with_sectors("irrigation", [("311", None)], modality="triangular")
    html = client.get("/en/initiatives/").text
    assert options(html, "sector")["311"] == ("311 — Agriculture (2)", False)
    assert options(html, "sector")["210"][1] is True  # nothing: disabled
    html = client.get("/en/initiatives/?modality=triangular").text
    assert options(html, "sector")["311"][0].endswith("(1)")
    assert options(html, "sector")["140"][0].endswith("(0)")


def test_an_initiative_page_names_its_sectors_and_groups(client):
    with_sectors("farming", [("311", "60"), ("140", "40")])
    html = client.get("/en/initiatives/farming/").text
    assert 'href="/en/initiatives/?sector=311"' in html and "Agriculture" in html
    assert "60%" in html
    arabic = client.get("/ar/initiatives/farming/").text
    assert "الزراعة" in arabic


def test_a_country_page_charts_its_initiatives_by_sector(client):
    with_sectors("farming", [("311", "60"), ("140", "40")])
    with_sectors("irrigation", [("311", None)])
    html = client.get("/en/countries/ke/").text
    chart = html.split('id="chart-sector-title"')[1].split("</figure>")[0]
    assert '<th scope="row">311 Agriculture</th><td>2</td>' in chart
    assert '<th scope="row">140 Water supply and sanitation</th><td>1</td>' in chart
    arabic = client.get("/ar/countries/ke/").text.split('id="chart-sector-title"')[1]
    assert '<th scope="row">311 الزراعة</th><td>2</td>' in arabic


def test_downloads_have_the_sectors_with_their_codes_and_shares(client):
    with_sectors("farming", [("311", "60"), ("140", "40")])
    rows = read_csv(client.get("/en/initiatives/download.csv"))
    header, row = rows[0], rows[1]
    sectors = row[header.index("Sectors and shares")]
    assert sectors == "140 Water supply and sanitation (40.00); 311 Agriculture (60.00)"
    assert "Country groups and roles" in header and "Planned start date" in header


def test_an_undated_initiative_says_its_dates_are_not_known(client):
    factories.InitiativeFactory(slug="undated", start_date=None)
    factories.InitiativeFactory(
        slug="planned", start_date=None, planned_start_date=datetime.date(2027, 1, 1)
    )
    assert "Dates not known" in client.get("/en/initiatives/undated/").text
    planned = client.get("/en/initiatives/planned/").text
    assert "Dates not known" not in planned and "1 January 2027" in planned
    factories.InitiativeFactory(slug="dated", start_date=datetime.date(2020, 1, 1))
    assert "Dates not known" not in client.get("/en/initiatives/dated/").text


def test_a_year_filter_says_how_many_undated_initiatives_it_leaves_out(client):
    factories.InitiativeFactory(slug="in-2020", start_date=datetime.date(2020, 5, 1))
    factories.InitiativeFactory(slug="undated-1", start_date=None, modality="bilateral")
    factories.InitiativeFactory(slug="undated-2", start_date=None, modality="triangular")
    html = client.get("/en/initiatives/?year=2020&modality=bilateral").text
    assert "leaves out 1 initiative whose start date is not known" in html
    link = re.search(r'<a href="(\?[^"]*dates=unknown[^"]*)">See them</a>', html).group(1)
    assert "year" not in link and "modality=bilateral" in link
    assert listed(client, "/en/initiatives/" + link.replace("&amp;", "&")) == {"undated-1"}
    assert "leaves out" not in client.get("/en/initiatives/?modality=bilateral").text


def test_the_admin_refuses_sector_percentages_that_do_not_add_up(admin_client):
    sectors = {code: str(Sector.objects.get(code=code).pk) for code in ("311", "140")}
    data = {
        "title_en": "Irrigation",
        "title_ar": "",
        "slug": "irrigation",
        "status": "draft",
        "modality": "bilateral",
        "stage": "planned",
        "country_roles-TOTAL_FORMS": "0",
        "country_roles-INITIAL_FORMS": "0",
        "region_roles-TOTAL_FORMS": "0",
        "region_roles-INITIAL_FORMS": "0",
        "group_roles-TOTAL_FORMS": "0",
        "group_roles-INITIAL_FORMS": "0",
        "partner_roles-TOTAL_FORMS": "0",
        "partner_roles-INITIAL_FORMS": "0",
        "sector_shares-TOTAL_FORMS": "2",
        "sector_shares-INITIAL_FORMS": "0",
        "sector_shares-0-sector": sectors["311"],
        "sector_shares-0-percentage": "60",
        "sector_shares-1-sector": sectors["140"],
        "sector_shares-1-percentage": "30",
    }
    response = admin_client.post("/en/admin/initiatives/initiative/add/", data)
    assert response.status_code == 200
    assert "percentages add up to 90, not 100." in response.text
    assert not Initiative.objects.filter(slug="irrigation").exists()
    data["sector_shares-1-percentage"] = "40"
    response = admin_client.post("/en/admin/initiatives/initiative/add/", data)
    assert response.status_code == 302
    assert Initiative.objects.get(slug="irrigation").sector_shares.count() == 2


def test_a_resource_page_shows_its_document_symbol_and_isbn(client):
    resource = factories.ResourceFactory(document_symbol="A/78/39", isbn="978-92-1-101437-2")
    html = client.get(resource.get_absolute_url()).text
    assert '<span dir="ltr">A/78/39</span>' in html
    assert '<span dir="ltr">978-92-1-101437-2</span>' in html
    bare = factories.ResourceFactory()
    assert "Document symbol" not in client.get(bare.get_absolute_url()).text
