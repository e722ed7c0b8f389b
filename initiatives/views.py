from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from sscportal.bilingual import shown
from sscportal.caching.values import until_content_changes
from sscportal.listing import SafePaginationMixin, option_tags
from sscportal.view_helpers import PublishedOrStaffMixin

from .filters import InitiativeFilterForm
from .models import Country, Initiative, Organization, Region


class InitiativeListView(SafePaginationMixin, ListView):
    template_name = "initiatives/initiative_list.html"
    context_object_name = "initiatives"

    def get_queryset(self):
        self.filters = InitiativeFilterForm(self.request.GET)
        queryset = Initiative.objects.published().for_list().order_by("-start_date", "slug")
        return self.filters.filter(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        language = get_language()
        # 249 countries through the bilingual lookup cost more than the rest of
        # the page; the options only change with content, so build them once.
        countries = until_content_changes(f"options:countries:{language}", _country_options)
        regions = until_content_changes(f"options:regions:{language}", _region_options)
        # Country options carry lower-case codes, as addresses do.
        selected_country = (self.filters.value("country") or "").lower()
        context["controls"] = self.filters.controls(
            {
                "country": self.filters.options("country", countries, selected_country),
                "region": self.filters.options("region", regions),
                "sdg": self.filters.options("sdg", option_tags((n, n) for n in range(1, 18))),
                "modality": self.filters.options("modality"),
                "stage": self.filters.options("stage"),
                "organization": self.filters.options(
                    "organization",
                    until_content_changes(
                        f"options:initiative-partners:{language}", _partner_options
                    ),
                ),
            }
        )
        return context


def _country_options():
    countries = Country.objects.order_by("name_en").only("iso2", "name_en", "name_ar")
    return option_tags((country.iso2.lower(), shown(country, "name").text) for country in countries)


def _partner_options():
    partners = (
        Organization.objects.published()
        .filter(partner_roles__initiative__status="published")
        .distinct()
        .order_by("key")
    )
    return option_tags((org.key, shown(org, "name").text) for org in partners)


def _region_options():
    regions = Region.objects.order_by("m49")
    return option_tags((region.m49, shown(region, "name").text) for region in regions)


class InitiativeDetailView(PublishedOrStaffMixin, DetailView):
    model = Initiative
    template_name = "initiatives/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related("sdgs", "country_roles__country", "partner_roles__organization")
        )
