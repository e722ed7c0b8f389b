"""Browsing by country, region, group and year never ends on a page with no way on
(issue 25, part 6). Each test failed before its fix."""

import datetime
import re

import pytest
from django.utils import timezone

from initiatives.models import (
    CountryGroup,
    CountryGroupMembership,
    InitiativeGroup,
    InitiativePartner,
    Region,
)

from .. import factories

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    """The HTML of the <section> whose heading has id `heading_id`."""
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_the_countries_index_links_every_region_and_group(client):
    factories.InitiativeCountryFactory(country=factories.country("KE"))
    html = client.get("/en/countries/").text
    for region in Region.objects.all():
        assert f'href="/en/countries/regions/{region.m49:03d}/"' in html, region.name_en
    for group in CountryGroup.objects.all():
        assert f'href="/en/countries/groups/{group.code}/"' in html, group.code


def test_an_initiative_naming_a_group_is_on_each_member_country_page(client):
    group = CountryGroup.objects.order_by("code").first()
    member = CountryGroupMembership.objects.filter(group=group, left=None).first().country
    initiative = factories.InitiativeFactory(slug="across-the-group")
    InitiativeGroup.objects.create(initiative=initiative, group=group, role="recipient")
    html = client.get(f"/en/countries/{member.iso2.lower()}/").text
    assert "/en/initiatives/across-the-group/" in section(html, "region-heading")
    # And from the group's page, itself linked from the index.
    assert "/en/initiatives/across-the-group/" in client.get(group.get_absolute_url()).text


def test_a_country_page_never_guesses_statements_from_an_organization_seat(client):
    france = factories.country("FR")
    unesco = factories.OrganizationFactory(key="unesco", country=france)
    factories.StatementFactory(slug="unesco-message", organization=unesco)
    hosted = factories.EventFactory(slug="paris-panel", country=france)
    factories.StatementFactory(slug="said-in-paris", event=hosted)
    mentioning = factories.StatementFactory(slug="names-france")
    mentioning.mentioned_countries.add(france)
    html = client.get("/en/countries/fr/").text
    assert "/en/statements/unesco-message/" not in html
    assert "/en/statements/said-in-paris/" in section(html, "statements-heading")
    assert "/en/statements/names-france/" in html


def test_initiative_partners_link_to_their_organization_pages(client):
    partner = factories.OrganizationFactory(key="sesric", name_en="SESRIC")
    initiative = factories.InitiativeFactory(slug="with-a-partner")
    InitiativePartner.objects.create(initiative=initiative, organization=partner, role="funder")
    html = client.get("/en/initiatives/with-a-partner/").text
    assert re.search(r'<a href="/en/organizations/sesric/"\s*>SESRIC</a>', html)


def test_a_year_with_events_but_no_day_has_a_page_listing_them(client):
    starts = timezone.make_aware(datetime.datetime(2025, 3, 4, 10))
    event = factories.EventFactory(slug="spring-forum", title_en="Spring forum", starts_at=starts)
    assert event.get_absolute_url() == "/en/events/2025/spring-forum/"
    response = client.get("/en/events/2025/")
    assert response.status_code == 200
    assert "/en/events/2025/spring-forum/" in response.text
    assert client.get("/ar/events/2025/").status_code == 200
    # A year with neither a Day nor an event is still not a page.
    assert client.get("/en/events/2019/").status_code == 404


def test_an_event_late_on_new_years_eve_at_its_venue_is_under_that_year(client):
    # 1 January 2026 at 02:00 UTC is still 31 December 2025 in New York.
    starts = datetime.datetime(2026, 1, 1, 2, tzinfo=datetime.UTC)
    factories.EventFactory(slug="new-years-eve", starts_at=starts, timezone="America/New_York")
    assert "/en/events/2025/new-years-eve/" in client.get("/en/events/2025/").text
    assert client.get("/en/events/2026/").status_code == 404


def test_only_resources_launched_at_the_days_events_are_called_launched(client):
    day = factories.ObservanceFactory(year=2031)
    event = factories.EventFactory(observance=day)
    factories.ResourceFactory(slug="launched-there", title_en="Launched there", event=event)
    factories.ResourceFactory(slug="made-for-the-day", title_en="Made for the Day", observance=day)
    html = client.get("/en/events/2031/").text
    assert "Launched there" in section(html, "launched-heading")
    assert "Made for the Day" not in section(html, "launched-heading")
    assert "Made for the Day" in section(html, "resources-heading")
    event_page = client.get(event.get_absolute_url()).text
    assert "Launched there" in section(event_page, "resources-heading")
    assert "Made for the Day" not in event_page
