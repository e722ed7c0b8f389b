"""Pages of an M49 region and of a country group: their countries and initiatives."""

import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from initiatives.models import CountryGroup, CountryGroupMembership, Initiative, Region, member_on
from sscportal.caching.values import cached_count
from sscportal.operations.errors import ExplainedHttp404
from sscportal.text.collation import by_name

from ..opendata.links import feed
from .views import _initiative_counts, countries_with_published_content

PREVIEW = 20


def _with_counts(countries):
    counts = _initiative_counts()
    countries = list(countries)
    for country in countries:
        country.initiative_count = counts.get(country.pk, 0)
    return countries


class RegionDetailView(DetailView):
    template_name = "front/countries/region_detail.html"
    context_object_name = "region"

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        if len(code) != 3 or not code.isdigit():
            raise ExplainedHttp404(
                _(
                    "Region codes in addresses are the three digits of M49, e.g. /countries/regions/002/."
                )
            )
        return get_object_or_404(
            Region.objects.select_related("parent").prefetch_related("subregions"), m49=int(code)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        published = Initiative.objects.published()
        naming = published.filter(
            Q(region_roles__region=region) | Q(region_roles__region__parent=region)
        ).distinct()
        context["naming_count"] = cached_count(naming)
        context["naming"] = naming.for_list().order_by("-start_date", "slug")[:PREVIEW]
        context["initiative_count"] = cached_count(published.in_region(region.m49))
        context["countries"] = _with_counts(
            by_name(
                countries_with_published_content().filter(Q(region=region) | Q(subregion=region))
            )
        )
        context["feeds"] = [feed("initiatives", _("Initiatives"), region=f"{region.m49:03d}")]
        return context


class GroupDetailView(DetailView):
    template_name = "front/countries/group_detail.html"
    context_object_name = "group"
    slug_field = "code"
    slug_url_kwarg = "code"
    queryset = CountryGroup.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = self.object
        today = datetime.date.today()
        published = Initiative.objects.published()
        naming = published.in_group(group.code)
        context["naming_count"] = cached_count(naming)
        context["naming"] = naming.for_list().order_by("-start_date", "slug")[:PREVIEW]
        # With the initiatives whose countries all belong to it (`members=1`).
        context["initiative_count"] = cached_count(published.in_group(group.code, members=True))
        memberships = CountryGroupMembership.objects.filter(group=group).select_related("country")
        current = memberships.filter(member_on(today))
        for membership in current:
            membership.country.leaves_on = membership.left  # a graduation already decided
        context["countries"] = _with_counts(by_name(m.country for m in current))
        former = memberships.filter(left__lte=today)
        for membership in former:
            membership.country.left_on = membership.left
        context["former"] = by_name(m.country for m in former)
        with_content = countries_with_published_content().filter(memberships__group=group)
        context["with_content"] = set(with_content.values_list("pk", flat=True))
        context["feeds"] = [feed("initiatives", _("Initiatives"), group=group.code)]
        return context
