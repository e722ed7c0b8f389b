"""Resources, organizations, site pages and the Day's hub: query counts bounded at 10 and 200 items."""

import pytest

from events.models import EventSpeaker
from pages.models import Page
from resources.models import Resource, ResourceLink

from .. import factories
from .test_query_counts import MAX_QUERIES, World, count_queries

pytestmark = pytest.mark.django_db


class WorldWithResources(World):
    """The same growing world, with resources, speakers and pages hanging off it too."""

    def __init__(self):
        super().__init__()
        self.resource = factories.ResourceFactory(
            slug="main-resource", observance=self.observance, event=self.event
        )
        self.resource.organizations.add(self.organization)
        self.about = factories.PageFactory(slug="about-the-day")
        self.grown_resources = 0

    def grow_to(self, size):
        new = range(self.size, size)
        super().grow_to(size)
        resources = Resource.objects.bulk_create(
            factories.ResourceFactory.build(
                slug=f"grown-{n}", observance=self.observance, event=self.event
            )
            for n in new
        )
        Organizations = Resource.organizations.through
        Organizations.objects.bulk_create(
            Organizations(resource=resource, organization=self.organization)
            for resource in resources
        )
        Countries = Resource.countries.through
        Countries.objects.bulk_create(
            Countries(resource=self.resource, country=country)
            for country in self.countries[self.size - len(new) : size][: len(new)]
        )
        ResourceLink.objects.bulk_create(
            ResourceLink(resource=self.resource, language="en", url=f"https://example.org/{n}.pdf")
            for n in new
        )
        Initiatives = Resource.initiatives.through
        Initiatives.objects.bulk_create(
            Initiatives(resource=self.resource, initiative_id=pk) for pk in self.initiative_ids(new)
        )
        EventSpeaker.objects.bulk_create(
            EventSpeaker(
                event=self.event, order=n, name_en=f"Speaker {n}", organization=self.organization
            )
            for n in new
        )
        Page.objects.bulk_create(
            factories.PageFactory.build(slug=f"grown-{n}", parent=self.about) for n in new
        )

    def initiative_ids(self, new):
        from initiatives.models import Initiative

        return Initiative.objects.filter(slug__in=[f"grown-{n}" for n in new]).values_list(
            "pk", flat=True
        )


URLS = [
    "/{lang}/resources/",
    "/{lang}/resources/?kind=report&year=2023&organization={org}&q=Resource",
    "/{lang}/resources/main-resource/",
    "/{lang}/resources/feed/",
    "/{lang}/organizations/",
    "/{lang}/organizations/{org}/",
    "/{lang}/pages/about-the-day/",
    "/{lang}/events/2023/",
    "/{lang}/events/2023/main-event/",
    "/{lang}/events/2023/main-event.ics",
    "/sitemap-resources.xml",
    "/sitemap-organizations.xml",
    "/sitemap-site-pages.xml",
]


def test_query_count_of_the_new_pages_does_not_grow_with_data(client):
    world = WorldWithResources()
    world.grow_to(10)
    urls = [
        url.format(lang=lang, org=world.organization.key) for url in URLS for lang in ("en", "ar")
    ]
    small = {url: count_queries(client, url) for url in urls}
    world.grow_to(200)
    assert Resource.objects.count() == 201 and Page.objects.count() == 201
    assert world.resource.links.count() == 200 and world.event.speakers.count() == 200
    large = {url: count_queries(client, url) for url in urls}
    grew = {url: (small[url], large[url]) for url in urls if small[url] != large[url]}
    assert grew == {}, "query counts at 10 and at 200 items"
    too_many = {url: count for url, count in large.items() if count > MAX_QUERIES}
    assert too_many == {}
