"""No page's query count grows with the data: measured at 10 and at 200 items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, Observance
from initiatives.models import Country, InitiativeCountry, InitiativePartner
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db

COUNTRY_CODES = list(Country.objects.none())  # filled lazily from the fixture


def count_queries(client, url, user=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class World:
    """A growing data set hanging off one country, one observance and one event."""

    def __init__(self):
        self.kenya = Country.objects.get(iso2="KE")
        self.observance = factories.ObservanceFactory(year=2023, date=datetime.date(2023, 9, 12))
        self.organization = factories.OrganizationFactory(country=self.kenya)
        self.event = factories.EventFactory(
            slug="main-event", observance=self.observance, country=self.kenya
        )
        self.initiative = factories.InitiativeFactory(slug="main-initiative")
        self.statement = factories.StatementFactory(
            slug="main-statement", event=self.event, organization=self.organization
        )
        self.countries = list(Country.objects.exclude(iso2="KE").order_by("iso2"))
        self.size = 0

    def grow_to(self, size):
        for n in range(self.size, size):
            initiative = factories.InitiativeFactory()
            InitiativeCountry.objects.create(
                initiative=initiative,
                country=self.kenya,
                role=["provider", "recipient", "both"][n % 3],
            )
            InitiativeCountry.objects.create(
                initiative=self.initiative, country=self.countries[n], role="recipient"
            )
            organization = factories.OrganizationFactory()
            InitiativePartner.objects.create(
                initiative=self.initiative, organization=organization, role="funder"
            )
            initiative.sdgs.add(n % 17 + 1, (n + 5) % 17 + 1)
            event = factories.EventFactory(observance=self.observance, country=self.kenya)
            event.organizers.add(organization)
            self.event.organizers.add(organization)
            factories.StatementFactory(
                event=event if n % 2 else self.event, organization=organization
            )
        self.size = size


URLS = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/?country=ke&sdg=3",
    "/{lang}/initiatives/?region=14&q=Initiative",
    "/{lang}/initiatives/main-initiative/",
    "/{lang}/countries/",
    "/{lang}/countries/ke/",
    "/{lang}/events/",
    "/{lang}/events/2023/",
    "/{lang}/events/2023/main-event/",
    "/{lang}/statements/",
    "/{lang}/statements/?organization={org}&year=2023",
    "/{lang}/statements/main-statement/",
    "/{lang}/statements/feed/",
    "/{lang}/events/calendar.ics",
    "/{lang}/events/2023/main-event.ics",
    "/sitemap.xml",
]

# No page needs more than this many queries, whatever the data.
MAX_QUERIES = 12


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_data(client, url):
    world = World()
    world.grow_to(10)
    for lang in ("en", "ar"):
        full_url = url.format(lang=lang, org=world.organization.key)
        small = count_queries(client, full_url)
        world.grow_to(200)
        large = count_queries(client, full_url)
        assert small == large, f"{full_url}: {small} queries at 10 items, {large} at 200"
        assert large <= MAX_QUERIES, f"{full_url}: {large} queries"
    assert Event.objects.count() == 201 and Statement.objects.count() == 201
    assert Observance.objects.count() == 1
