"""/sitemap.xml: an index of sitemaps of every public page, each page with its
English and Arabic alternates. One section per content type that declares
`in_sitemap`, plus the list pages and the countries with content."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, QuerySet
from django.urls import reverse

from sscportal import content_types
from sscportal.configuration.site import absolute_url, site_domain, site_scheme

from .countries.views import countries_with_published_content


class _ItemsInEachLanguage:
    """The (item, language) pairs of a queryset, as a sequence sliced in the database.

    Django's i18n sitemaps build the list of every pair before paginating it:
    all 100,000 initiatives loaded for each page of 2,000 URLs.
    """

    def __init__(self, queryset, languages):
        self.queryset, self.languages = queryset, languages

    def __len__(self):
        return self.queryset.count() * len(self.languages)

    def __getitem__(self, index):
        per_item = len(self.languages)
        if not isinstance(index, slice):
            return (self.queryset[index // per_item], self.languages[index % per_item])
        start, stop = index.start or 0, index.stop  # the paginator gives both
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, code) for item in self.queryset[first:last] for code in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # <url> entries a sitemap page (an item counts once per language): small
    # enough to build in a fraction of a second, far below the protocol's 50,000.
    limit = 2000

    # Locations on the canonical origin, not the request's host (sscportal/configuration/site.py).
    def get_protocol(self, protocol=None):
        return site_scheme()

    def get_domain(self, site=None):
        return site_domain()

    def _items(self):
        items = self.items()
        if isinstance(items, QuerySet):
            return _ItemsInEachLanguage(items, self._languages())
        return super()._items()


class ListPagesSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return ["home"] + [ct.list_url for ct in content_types.with_list_pages()] + ["data"]

    def location(self, item):
        return reverse(item)


class ContentSitemap(BilingualSitemap):
    """The public items of one content type."""

    content_type = None

    def items(self):
        return self.content_type.public_items().order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # For the index: one MAX(), where Django would load every item.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class CountrySitemap(BilingualSitemap):
    def items(self):
        # The same countries the public index lists: those with published content.
        return countries_with_published_content().order_by("iso2")


def sitemap_of(content_type):
    return type(
        f"{content_type.model.__name__}Sitemap", (ContentSitemap,), {"content_type": content_type}
    )


def sitemaps():
    """{section name: Sitemap class}, the URL's <section> in /sitemap-<section>.xml."""
    sections = {"pages": ListPagesSitemap, "countries": CountrySitemap}
    for content_type in content_types.registered():
        if content_type.in_sitemap:
            assert content_type.sitemap not in sections, content_type.sitemap
            sections[content_type.sitemap] = sitemap_of(content_type)
    return sections


def index(request, **kwargs):
    """Django's sitemap index, its locations moved onto the canonical origin.

    Django builds them from the request's host, with no hook to change it.
    """
    response = sitemap_views.index(request, **kwargs)
    for entry in response.context_data["sitemaps"]:
        parts = urlsplit(entry.location)
        entry.location = absolute_url(parts.path) + (f"?{parts.query}" if parts.query else "")
    return response
