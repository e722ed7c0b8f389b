"""No page's query count grows with the data: measured at 10 and at 200 items."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from initiatives.models import (
    Country,
    Initiative,
    InitiativeCountry,
    InitiativePartner,
    InitiativeRegion,
    Organization,
    Region,
)
from sscportal.operations.bulk_work import lift_statement_timeout
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db


def count_queries(client, url, *, cold=True):
    if cold:
        cache.clear()  # count the work of rendering, not of a cache hit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class World:
    """A growing data set hanging off one country, one observance and one event.

    Growth uses bulk_create: the point is the number of rows, not how they got there.
    """

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
        self.regions = list(Region.objects.order_by("m49"))
        self.size = 0

    def grow_to(self, size):
        new = range(self.size, size)
        currencies = ["USD", "EUR", "CNY"]
        initiatives = Initiative.objects.bulk_create(
            factories.InitiativeFactory.build(
                slug=f"grown-{n}",
                budget_amount=1000 * n,
                budget_currency=currencies[n % 3],
                start_date=datetime.date(2000 + n % 25, 1, 1),
            )
            for n in new
        )
        # Half of them also name a whole region, Kenya's own among others.
        InitiativeRegion.objects.bulk_create(
            InitiativeRegion(
                initiative=initiative, region=self.regions[n % len(self.regions)], role="recipient"
            )
            for initiative, n in zip(initiatives, new, strict=True)
            if n % 2
        )
        organizations = Organization.objects.bulk_create(
            factories.OrganizationFactory.build(key=f"grown-{n}") for n in new
        )
        events = Event.objects.bulk_create(
            factories.EventFactory.build(
                slug=f"grown-{n}", observance=self.observance, country=self.kenya
            )
            for n in new
        )
        Statement.objects.bulk_create(
            factories.StatementFactory.build(
                slug=f"grown-{n}",
                event=events[i] if n % 2 else self.event,
                organization=organizations[i],
            )
            for i, n in enumerate(new)
        )
        # Messages of the Day itself (no event), each mentioning the country,
        # the main initiative and an organization; the main statement mentions them all.
        messages = Statement.objects.bulk_create(
            factories.StatementFactory.build(
                slug=f"grown-message-{n}", observance=self.observance, text_kind="summary"
            )
            for n in new
        )
        mentions = [
            (Statement.mentioned_countries.through, "country", [self.kenya] * len(new)),
            (Statement.mentioned_initiatives.through, "initiative", initiatives),
            (Statement.mentioned_organizations.through, "organization", organizations),
        ]
        for through, name, items in mentions:
            through.objects.bulk_create(
                [
                    through(
                        statement=m, **{name: self.initiative if name == "initiative" else item}
                    )
                    for m, item in zip(messages, items, strict=True)
                ]
                + [
                    through(statement=self.statement, **{name: item})
                    for item in items
                    if name != "country"
                ]
            )
        roles = ["provider", "recipient", "both"]
        InitiativeCountry.objects.bulk_create(
            [
                InitiativeCountry(initiative=initiative, country=self.kenya, role=roles[n % 3])
                for initiative, n in zip(initiatives, new, strict=True)
            ]
            + [
                InitiativeCountry(
                    initiative=self.initiative, country=self.countries[n], role="recipient"
                )
                for n in new
            ]
        )
        InitiativePartner.objects.bulk_create(
            InitiativePartner(initiative=self.initiative, organization=o, role="funder")
            for o in organizations
        )
        Goals = Initiative.sdgs.through
        Goals.objects.bulk_create(
            Goals(initiative=initiative, sustainabledevelopmentgoal_id=number)
            for initiative, n in zip(initiatives, new, strict=True)
            for number in {n % 17 + 1, (n + 5) % 17 + 1}
        )
        Organizers = Event.organizers.through
        Organizers.objects.bulk_create(
            [
                Organizers(event=e, organization=o)
                for e, o in zip(events, organizations, strict=True)
            ]
            + [Organizers(event=self.event, organization=o) for o in organizations]
        )
        self.size = size
        # As an import does (exchange/importer.py): the planner must know the
        # tables are no longer empty, or it picks plans that rescan per row.
        # The whole database, on a loaded CI machine: more than the site's
        # statement timeout; lifted until the test's transaction ends.
        lift_statement_timeout()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


URLS = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/?country=ke&sdg=3",
    "/{lang}/initiatives/?region=14&q=Initiative",
    "/{lang}/initiatives/main-initiative/",
    "/{lang}/countries/",
    "/{lang}/countries/ke/",
    "/{lang}/countries/regions/002/",
    "/{lang}/countries/groups/ldc/",
    "/{lang}/initiatives/?group=ldc&modality=bilateral&region=2",
    "/{lang}/events/",
    "/{lang}/events/2023/",
    "/{lang}/events/2023/main-event/",
    "/{lang}/statements/",
    "/{lang}/statements/?organization={org}&year=2023",
    "/{lang}/statements/main-statement/",
    "/{lang}/statements/main-statement/side-by-side/",
    "/{lang}/statements/main-statement/cite.bib",
    "/{lang}/statements/?observance=2023&text_kind=summary&kind=statement",
    "/{lang}/statements/feed/",
    "/{lang}/events/calendar.ics",
    "/{lang}/events/2023/main-event.ics",
    "/sitemap.xml",
]

# No page needs more than this many queries, whatever the data, with every cache empty.
# The initiatives list is the most: its filter options each count what they would
# give (a GROUP BY per filter, seven), on top of the search, the list itself and
# each filter's options (the goals with their names, the regions, the groups, the
# sectors, the partner organizations), and the footer's links to the site's own
# pages. A query's words are expanded through the glossary: its entries and their
# word forms (once per content version), then the query's word forms.
MAX_QUERIES = 32
# With the page cache off but the cached lists (ids and rendered items), counts
# and options still there: a page not cached yet while content is unchanged.
WARM_QUERIES = {
    "/en/": 0,
    "/en/initiatives/": 0,
    "/en/initiatives/?country=ke&sdg=3": 1,  # is "ke" a known country?
    "/en/initiatives/?group=ldc&modality=bilateral": 1,  # is "ldc" a known group?
    "/en/countries/": 0,  # map and lists are one cached value per language
    "/en/statements/": 0,
    "/en/countries/ke/": 1,  # the country
}


def test_query_count_does_not_grow_with_data(client):
    world = World()
    world.grow_to(10)
    urls = [
        url.format(lang=lang, org=world.organization.key) for url in URLS for lang in ("en", "ar")
    ]
    small = {url: count_queries(client, url) for url in urls}
    world.grow_to(200)
    assert Event.objects.count() == 201 and Statement.objects.count() == 401
    assert world.initiative.country_roles.count() == 200
    large = {url: count_queries(client, url) for url in urls}
    grew = {url: (small[url], large[url]) for url in urls if small[url] != large[url]}
    assert grew == {}, "query counts at 10 and at 200 items"
    too_many = {url: count for url, count in large.items() if count > MAX_QUERIES}
    assert too_many == {}


@pytest.mark.parametrize("url", list(WARM_QUERIES))
def test_warm_pages_reuse_cached_lists(client, settings, url):
    settings.PAGE_CACHE_SECONDS = 0
    world = World()
    world.grow_to(30)
    client.get(url)  # fills the item, count and option caches
    assert count_queries(client, url, cold=False) == WARM_QUERIES[url]


def test_warm_country_page_with_regional_initiatives_reuses_cached_lists(client, settings):
    # The "Also in its region" block: its preview comes from the cached ids and
    # items; whether to link to the rest must not load the preview again.
    settings.PAGE_CACHE_SECONDS = 0
    world = World()
    world.grow_to(30)
    for n in range(3):
        InitiativeRegion.objects.create(
            initiative=factories.InitiativeFactory(slug=f"africa-wide-{n}"),
            region=world.kenya.region,
            role="recipient",
        )
    url = "/en/countries/ke/"
    assert "africa-wide-0" in client.get(url).text
    assert count_queries(client, url, cold=False) == WARM_QUERIES[url]
