"""Initiatives that name regions, country groups, budgets, and the country pages that sum them up."""

import re
from decimal import Decimal

import pytest

from front.countries.views import REGION_PREVIEW
from initiatives.models import CountryGroup, InitiativeGroup, InitiativeRegion, Region

from .. import factories

pytestmark = pytest.mark.django_db


def region(m49):
    return Region.objects.get(m49=m49)


def regional(slug, m49, **fields):
    """An initiative that names a whole region, and no country of it."""
    initiative = factories.InitiativeFactory(slug=slug, **fields)
    factories.InitiativeCountryFactory(
        initiative=initiative, country=factories.country("CN"), role="provider"
    )
    InitiativeRegion.objects.create(initiative=initiative, region=region(m49), role="recipient")
    return initiative


def slugs_listed(client, url):
    html = client.get(url).content.decode()
    return set(re.findall(r'href="/en/initiatives/([a-z0-9-]+)/"', html))


def test_a_regional_initiative_is_under_its_region_filter_and_the_one_above(client):
    regional("farming-in-africa", 2)
    regional("in-sub-saharan-africa", 202)
    regional("transport-latin-america", 419)
    assert slugs_listed(client, "/en/initiatives/?region=002") == {
        "farming-in-africa",
        "in-sub-saharan-africa",
    }
    assert slugs_listed(client, "/en/initiatives/?region=202") == {"in-sub-saharan-africa"}
    assert slugs_listed(client, "/en/initiatives/?region=419") == {"transport-latin-america"}
    assert slugs_listed(client, "/en/initiatives/?region=019") == {"transport-latin-america"}


def test_an_initiative_with_two_countries_in_the_region_is_listed_once(client):
    initiative = regional("farming-in-africa", 2)
    for iso2 in ("KE", "TZ"):
        factories.InitiativeCountryFactory(initiative=initiative, country=factories.country(iso2))
    html = client.get("/en/initiatives/?region=002").content.decode()
    assert "1 initiative" in html
    assert html.count('href="/en/initiatives/farming-in-africa/"') == 1


def test_the_region_page_lists_the_initiatives_that_name_it(client):
    regional("farming-in-africa", 2)
    regional("transport-latin-america", 419)
    listed = slugs_listed(client, "/en/countries/regions/002/")
    assert "farming-in-africa" in listed
    assert "transport-latin-america" not in listed
    assert client.get("/en/countries/regions/2/").status_code == 404
    assert client.get("/en/countries/regions/999/").status_code == 404


def test_a_country_shows_the_initiatives_of_its_region_apart(client):
    regional("farming-in-africa", 2)
    regional("transport-latin-america", 419)
    html = client.get("/en/countries/ke/").content.decode()
    block = html.split('id="region-heading"')[1].split("</section>")[0]
    assert "/en/initiatives/farming-in-africa/" in block
    assert "transport-latin-america" not in html
    # Not among Kenya's own initiatives.
    assert "No published initiative involves this country yet." in html
    assert "farming-in-africa" not in slugs_listed(client, "/en/initiatives/?country=ke")


def test_a_draft_regional_initiative_stays_out_of_the_region_block(client):
    regional("draft-farming", 2, status="draft")
    html = client.get("/en/countries/ke/").content.decode()
    assert 'id="region-heading"' not in html


def test_the_group_filter_keeps_initiatives_naming_it_or_with_members_only(client):
    least_developed = CountryGroup.objects.get(code="ldc")
    assert least_developed.countries.filter(iso2="ET").exists()
    assert not least_developed.countries.filter(iso2="KE").exists()
    in_ethiopia = factories.InitiativeFactory(slug="in-ethiopia")
    factories.InitiativeCountryFactory(initiative=in_ethiopia, country=factories.country("ET"))
    factories.InitiativeCountryFactory(initiative__slug="in-kenya")
    named = factories.InitiativeFactory(slug="naming-ldcs")
    InitiativeGroup.objects.create(initiative=named, group=least_developed, role="recipient")
    assert slugs_listed(client, "/en/initiatives/?group=ldc") == {"naming-ldcs"}
    assert slugs_listed(client, "/en/initiatives/?group=LDC&members=1") == {
        "naming-ldcs",
        "in-ethiopia",
    }
    html = client.get("/en/initiatives/?group=nope").content.decode()
    assert "unknown country group" in html


def test_an_oic_wide_initiative_is_on_the_oic_page_and_under_its_filter(client):
    oic_wide = factories.InitiativeFactory(slug="oic-wide", title_en="Statistics for the OIC")
    InitiativeGroup.objects.create(
        initiative=oic_wide, group=CountryGroup.objects.get(code="oic"), role="recipient"
    )
    html = client.get("/en/countries/groups/oic/").text
    assert 'href="/en/initiatives/oic-wide/"' in html
    assert slugs_listed(client, "/en/initiatives/?group=oic") == {"oic-wide"}
    assert 'href="/en/initiatives/oic-wide/"' not in client.get("/en/countries/groups/au/").text
    page = client.get("/en/initiatives/oic-wide/").text
    assert 'href="/en/countries/groups/oic/"' in page


def test_the_group_page_lists_its_members(client):
    factories.InitiativeCountryFactory(country=factories.country("ET"))
    html = client.get("/en/countries/groups/sids/").content.decode()
    assert "Small island developing States" in html
    assert "Jamaica" in html
    html = client.get("/en/countries/groups/ldc/").content.decode()
    assert 'href="/en/countries/et/"' in html
    assert client.get("/ar/countries/groups/ldc/").status_code == 200
    assert client.get("/en/countries/groups/nope/").status_code == 404


def test_a_group_page_lists_members_today_and_former_members_with_dates(client):
    html = client.get("/en/countries/groups/ldc/").text
    members, former = html.split('id="members-heading"')[1].split('id="former-heading"')
    assert "Ethiopia" in members and "Bhutan" not in members
    assert "Bhutan" in former and "13 December 2023" in former
    assert "Solomon Islands" in members and "until 13 December 2027" in members


def test_a_group_page_says_what_the_group_is_and_cites_its_source(client):
    html = client.get("/en/countries/groups/global-south/").text
    assert "Group of 77 and China" in html
    assert 'href="https://www.g77.org/doc/members.html"' in html
    arabic = client.get("/ar/countries/groups/global-south/").text
    assert "مجموعة الـ77 والصين" in arabic


def test_a_group_page_lists_members_in_the_readers_alphabetical_order(client):
    from sscportal.text.collation import sort_key

    for language in ("en", "ar"):
        html = client.get(f"/{language}/countries/groups/las/").text
        block = html.split('id="members-heading"')[1].split("</section>")[0]
        names = [n.strip() for n in re.findall(r"<li>\s*([^<]+?)\s*<", block)]
        assert len(names) == 22
        assert names == sorted(names, key=lambda n: sort_key(n, language))


def test_a_country_page_names_the_groups_it_is_in_today(client):
    factories.InitiativeCountryFactory(country=factories.country("BT"))
    html = client.get("/en/countries/bt/").text
    assert 'href="/en/countries/groups/lldc/"' in html
    assert 'href="/en/countries/groups/ldc/"' not in html


def test_the_groups_come_from_their_own_fixture_with_their_sources():
    codes = set(CountryGroup.objects.values_list("code", flat=True))
    assert {"ldc", "lldc", "sids", "oic", "g77", "au", "las", "asean", "global-south"} <= codes
    assert CountryGroup.objects.get(code="lldc").countries.filter(iso2="BO").exists()


def with_budget(slug, iso2, amount, currency, **fields):
    initiative = factories.InitiativeFactory(
        slug=slug, budget_amount=Decimal(amount), budget_currency=currency, **fields
    )
    factories.InitiativeCountryFactory(initiative=initiative, country=factories.country(iso2))
    return initiative


def budget_lines(client, url):
    html = client.get(url).content.decode()
    block = html.split('id="budget-heading"')[1].split("</section>")[0]
    return [
        re.sub(r"<[^>]+>|\s+", " ", line).split() for line in re.findall(r"<li>(.*?)</li>", block)
    ]


def test_budgets_are_summed_per_currency_never_across_currencies(client):
    with_budget("a", "KE", "1000000.00", "USD")
    with_budget("b", "KE", "250000.50", "USD")
    with_budget("c", "KE", "300000", "CNY")
    with_budget("d", "TZ", "999", "USD")  # another country
    with_budget("e", "KE", "5", "USD", status="draft")  # not public
    factories.InitiativeCountryFactory(initiative__slug="no-budget")
    lines = budget_lines(client, "/en/countries/ke/")
    assert lines == [
        ["CNY", "300,000", "(1", "initiative)"],
        ["USD", "1,250,000.50", "(2", "initiatives)"],
    ]
    assert "1,550,000" not in client.get("/en/countries/ke/").content.decode()


def test_amounts_use_latin_digits_in_arabic_with_the_currency_after(client):
    with_budget("a", "KE", "1500000", "USD")
    html = client.get("/ar/countries/ke/").content.decode()
    assert '<bdi dir="ltr">1,500,000</bdi> <abbr title="الدولار الأمريكي">USD</abbr>' in html
    html = client.get("/en/initiatives/a/").content.decode()
    assert '<abbr title="US Dollar">USD</abbr> <bdi dir="ltr">1,500,000</bdi>' in html


def test_a_country_without_budgets_has_no_budget_block(client):
    factories.InitiativeCountryFactory()
    assert 'id="budget-heading"' not in client.get("/en/countries/ke/").content.decode()


def test_country_page_links_to_the_rest_of_its_region_only_past_the_preview(client):
    factories.country("KE")
    for n in range(REGION_PREVIEW):
        regional(f"africa-{n}", 2)
    assert "All initiatives in the region" not in client.get("/en/countries/ke/").text
    regional("one-more", 2)
    assert "All initiatives in the region" in client.get("/en/countries/ke/").text
