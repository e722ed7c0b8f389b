from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView

from sscportal.bilingual import collated, shown
from sscportal.caching.values import until_content_changes
from sscportal.listing import SafePaginationMixin, grouped_option_tags, option_tags

from .facets import facet_counts
from .filters import InitiativeFilterForm
from .models import (
    Country,
    CountryGroup,
    Initiative,
    Organization,
    Region,
    SustainableDevelopmentGoal,
)


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
        sdgs = until_content_changes(f"options:sdgs:{language}", _sdg_options)
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
                "sdg": options("sdg", sdgs, counts=counts["sdg"]),
                "modality": options("modality", counts=counts["modality"]),
                "stage": options("stage", counts=counts["stage"]),
                "organization": options(
                    "organization",
                    until_content_changes(
                        f"options:initiative-partners:{language}", _partner_options
                    ),
                ),
            }
        )
        return context


def _country_options():
    """Countries under their M49 region, each group in the reader's alphabetical order."""
    countries = (
        Country.objects.select_related("region")
        .order_by("region__m49", collated("name"))
        .only("iso2", "name_en", "name_ar", "region__m49", "region__name_en", "region__name_ar")
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
        .filter(partner_roles__initiative__status="published")
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
