"""/sitemap.xml: every public page, each with its English and Arabic alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event, Observance
from initiatives.models import Initiative
from statements.models import Statement

from .country_views import countries_with_published_content


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ListPagesSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "initiatives:initiative_list",
            "countries:country_list",
            "events:observance_list",
            "statements:statement_list",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class InitiativeSitemap(PublishedSitemap):
    model = Initiative


class StatementSitemap(PublishedSitemap):
    model = Statement


class EventSitemap(PublishedSitemap):
    model = Event

    def items(self):
        return super().items().select_related("observance")


class ObservanceSitemap(BilingualSitemap):
    def items(self):
        return Observance.objects.order_by("year")

    def lastmod(self, item):
        return item.updated_at


class CountrySitemap(BilingualSitemap):
    def items(self):
        # The same countries the public index lists: those with published content.
        return countries_with_published_content().order_by("iso2")


SITEMAPS = {
    "pages": ListPagesSitemap,
    "initiatives": InitiativeSitemap,
    "countries": CountrySitemap,
    "observances": ObservanceSitemap,
    "events": EventSitemap,
    "statements": StatementSitemap,
}
