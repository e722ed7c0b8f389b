from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from sscportal.bilingual import shown
from sscportal.caching.values import until_content_changes
from sscportal.listing import SafePaginationMixin, option_tags
from sscportal.view_helpers import PublishedOrStaffMixin

from .facets import facet_counts
from .filters import InitiativeFilterForm
from .models import Country, CountryGroup, Initiative, Region


class InitiativeListView(SafePaginationMixin, ListView):
    template_name = "initiatives/initiative_list.html"
    context_object_name = "initiatives"

    def get_queryset(self):
        self.filters = InitiativeFilterForm(self.request.GET)
        self.published = Initiative.objects.published().order_by("-start_date", "slug")
        return self.filters.filter(self.published.for_list())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        language = get_language()
        # 249 countries through the bilingual lookup cost more than the rest of
        # the page; the options only change with content, so build them once.
        countries = until_content_changes(f"options:countries:{language}", _country_options)
        regions = until_content_changes(f"options:regions:{language}", _region_options)
        groups = until_content_changes(f"options:groups:{language}", _group_options)
        counts = facet_counts(self.filters, self.published)
        # Country options carry lower-case codes, as addresses do.
        selected_country = (self.filters.value("country") or "").lower()
        options = self.filters.options
        context["controls"] = self.filters.controls(
            {
                "country": options("country", countries, selected_country, counts["country"]),
                "region": options("region", regions, counts=counts["region"]),
                "group": options("group", groups, counts=counts["group"]),
                "sdg": options(
                    "sdg", option_tags((n, n) for n in range(1, 18)), counts=counts["sdg"]
                ),
                "modality": options("modality", counts=counts["modality"]),
                "stage": options("stage", counts=counts["stage"]),
            }
        )
        return context


def _country_options():
    countries = Country.objects.order_by("name_en").only("iso2", "name_en", "name_ar")
    return option_tags((country.iso2.lower(), shown(country, "name").text) for country in countries)


def _region_options():
    regions = Region.objects.order_by("m49")
    return option_tags((region.m49, shown(region, "name").text) for region in regions)


def _group_options():
    groups = CountryGroup.objects.order_by("code")
    return option_tags((group.code, shown(group, "name").text) for group in groups)


class InitiativeDetailView(PublishedOrStaffMixin, DetailView):
    model = Initiative
    template_name = "initiatives/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "sdgs",
                "country_roles__country",
                "region_roles__region",
                "partner_roles__organization",
            )
        )
