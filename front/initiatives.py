"""Initiatives: the list with its filters, and an initiative's page with the statements
that mention it."""

from django.db.models import Prefetch
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events.models import Event
from initiatives.facets import facet_counts
from initiatives.filters import UNDATED, InitiativeFilterForm
from initiatives.models import (
    Country,
    CountryGroup,
    Initiative,
    InitiativeGroup,
    InitiativePartner,
    InitiativeSector,
    Organization,
    Region,
    Sector,
    SustainableDevelopmentGoal,
)
from people.models import Person
from resources.models import Resource
from sscportal.caching.values import cached_count, until_content_changes
from sscportal.reader_toolkit.listing import SafePaginationMixin, grouped_option_tags, option_tags
from sscportal.reader_toolkit.mixins import PublishedOrStaffMixin
from sscportal.reader_toolkit.sorting import SortedListMixin
from sscportal.text.languages import every_language, shown
from sscportal.visibility import public_prefetch, published_through
from statements.mentions import mentioned_in
from statements.models import Statement

from .countries.views import by_region_and_name
from .opendata.feeds import ListFeed
from .opendata.links import OpenDataLinksMixin


class InitiativeListView(OpenDataLinksMixin, SortedListMixin, SafePaginationMixin, ListView):
    template_name = "front/initiatives/initiative_list.html"
    context_object_name = "initiatives"
    # Its parameters, besides `page`: the download and the feed take the same.
    filter_form = InitiativeFilterForm
    open_data = "initiatives"
    # Initiatives and what they name only: a change to these leaves the cached
    # page as it is (sscportal/caching/pages.py, page_dependencies).
    independent_of = (Statement, Event, Resource, Person)

    @staticmethod
    def public_items():
        """Every published initiative, in the list's order (the downloads and feed's too)."""
        return Initiative.objects.published().order_by("-start_date", "slug")

    def get_queryset(self):
        self.filters = self.filter_form(self.request.GET)
        self.published = self.public_items()
        return self.sorted_list(self.filters.filter(self.published.for_list()), self.filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        language = get_language()
        # 249 countries through the bilingual lookup cost more than the rest of
        # the page; the options only change with content, so build them once.
        countries = until_content_changes("options:countries", _country_options, language=language)
        regions = until_content_changes("options:regions", _region_options, language=language)
        sdgs = until_content_changes("options:sdgs", _sdg_options, language=language)
        groups = until_content_changes("options:groups", _group_options, language=language)
        sectors = until_content_changes("options:sectors", _sector_options, language=language)
        counts = facet_counts(self.filters, self.published)
        # Country options carry lower-case codes, as addresses do.
        selected_country = (self.filters.value("country") or "").lower()
        options = self.filters.options
        context["controls"] = self.filters.controls(
            {
                "country": options("country", countries, selected_country, counts["country"]),
                "region": options("region", regions, counts=counts["region"]),
                "group": options("group", groups, counts=counts["group"]),
                "members": options("members"),
                "sector": options("sector", sectors, counts=counts["sector"]),
                "sdg": options("sdg", sdgs, counts=counts["sdg"]),
                "modality": options("modality", counts=counts["modality"]),
                "stage": options("stage", counts=counts["stage"]),
                "dates": options("dates"),
                "organization": options(
                    "organization",
                    until_content_changes(
                        "options:initiative-partners", _partner_options, language=language
                    ),
                ),
            }
        )
        context["undated"] = self._undated()
        return context

    def _undated(self):
        """With a `year`: how many initiatives the other filters give that have no start
        date (the year leaves them out), and the address of their list."""
        if self.filters.value("year") is None:
            return None
        others = self.filters.filter(self.published, leave_out="year")
        count = cached_count(others.filter(start_date__isnull=True))
        if not count:
            return None
        query = self.request.GET.copy()
        for dropped in ("year", "page"):
            query.pop(dropped, None)
        query["dates"] = UNDATED
        return {"count": count, "url": f"?{query.urlencode()}"}


def _country_options():
    """Countries under their M49 region, each group in the reader's alphabetical order."""
    countries = by_region_and_name(
        Country.objects.select_related("region").only(
            "iso2",
            *every_language("name"),
            "region__m49",
            *every_language("region__name"),
        )
    )
    groups = {}
    for country in countries:
        region = shown(country.region, "name").text if country.region else _("Other")
        groups.setdefault(region, []).append((country.iso2.lower(), shown(country, "name").text))
    return grouped_option_tags(groups.items())


def _sdg_options():
    return option_tags(
        (goal.number, goal.label) for goal in SustainableDevelopmentGoal.objects.all()
    )


def _partner_options():
    partners = (
        Organization.objects.published()
        .filter(published_through("partner_roles__initiative"))
        .distinct()
        .order_by("key")
    )
    return option_tags((org.key, shown(org, "name").text) for org in partners)


def _region_options():
    """Each region, then its sub-regions, in one <optgroup> per region."""
    regions = Region.objects.order_by("m49")
    top = [region for region in regions if region.parent_id is None]
    groups = []
    for region in top:
        name = shown(region, "name").text
        members = [
            (sub.m49, shown(sub, "name").text) for sub in regions if sub.parent_id == region.pk
        ]
        groups.append((name, [(region.m49, _("All of %(region)s") % {"region": name}), *members]))
    return grouped_option_tags(groups)


def _group_options():
    groups = CountryGroup.objects.order_by("code")
    return option_tags((group.code, shown(group, "name").text) for group in groups)


def _sector_options():
    return option_tags((sector.code, sector.label) for sector in Sector.objects.all())


class InitiativeDetailView(PublishedOrStaffMixin, DetailView):
    model = Initiative
    template_name = "front/initiatives/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "sdgs",
                "country_roles__country",
                "region_roles__region",
                Prefetch("group_roles", InitiativeGroup.objects.select_related("group")),
                Prefetch("sector_shares", InitiativeSector.objects.select_related("sector")),
                # A partner readers may not see is not named.
                public_prefetch(
                    "partner_roles", InitiativePartner.objects.select_related("organization")
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mentioned_in"] = mentioned_in(initiatives=self.object)
        return context


class InitiativeFeed(ListFeed):
    """Published initiatives in the list's order (latest start first), with its filters."""

    list_view = InitiativeListView
    list_url = "initiatives:initiative_list"
    kind = "initiative"
    title = gettext_lazy("Initiatives of South-South cooperation")
    subtitle = gettext_lazy(
        "Cooperation initiatives between countries of the Global South and their partners."
    )
    summary_fields = ("summary", "description")
