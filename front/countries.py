"""Country pages: everything published about one country, from every content app."""

from functools import reduce
from operator import or_

from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events.models import Event
from initiatives.models import Country, CountryRole, Initiative, InitiativeCountry
from sscportal import content_types
from sscportal.bilingual import collated
from sscportal.caching.values import until_content_changes
from sscportal.errors import ExplainedHttp404
from statements.mentions import mentioned_in
from statements.models import Statement

# A country page shows this many initiatives per role and links to the full list.
ROLE_PREVIEW = 20


def _published_links():
    return InitiativeCountry.objects.filter(initiative__status="published")


def countries_with_published_content():
    """Countries that some public item concerns (each type declares how): the
    index, the home page's count and the sitemap agree."""
    # EXISTS stops at a country's first row, where counting would walk all of
    # a big country's links (seconds at 100,000 initiatives).
    concerned = [
        Exists(ct.public_items().filter(**{ct.countries: OuterRef("pk")}))
        for ct in content_types.registered()
        if ct.countries
    ]
    return Country.objects.filter(reduce(or_, concerned))


def _counts_by(queryset, field):
    """{value of `field`: rows}, in one GROUP BY (not a count per value)."""
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))


class CountryListView(ListView):
    template_name = "front/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return (
            countries_with_published_content()
            .select_related("region", "subregion")
            .order_by("region__m49", collated("name"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiatives = until_content_changes(
            "country-initiative-counts", lambda: _counts_by(_published_links(), "country")
        )
        events = until_content_changes(
            "country-event-counts", lambda: _counts_by(Event.objects.published(), "country")
        )
        groups = {}
        for country in context["countries"]:
            country.initiative_count = initiatives.get(country.pk, 0)
            country.event_count = events.get(country.pk, 0)
            groups.setdefault(country.region, []).append(country)
        context["groups"] = list(groups.items())
        return context


class CountryDetailView(DetailView):
    template_name = "front/country_detail.html"
    context_object_name = "country"

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        # Country codes in URLs are lower case; anything else is not a page of ours.
        if len(code) != 2 or not code.isalpha() or not code.islower():
            raise ExplainedHttp404(
                _("Country codes in addresses are two lower-case letters, e.g. /countries/ke/.")
            )
        return get_object_or_404(
            Country.objects.select_related("region", "subregion"), iso2=code.upper()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.object
        in_country = _published_links().filter(country=country)
        counts = until_content_changes(
            f"country-role-counts:{country.pk}",
            lambda: _counts_by(in_country, "role"),
        )
        published = Initiative.objects.published()
        context["roles"] = [
            {
                "role": role,
                "count": counts.get(role.value, 0),
                # Both conditions in one filter(): the same country row has the role.
                "initiatives": published.filter(
                    country_roles__country=country, country_roles__role=role
                ).order_by("-start_date", "slug")[:ROLE_PREVIEW],
            }
            for role in CountryRole
        ]
        context["initiative_count"] = sum(counts.values())
        context["events"] = Event.objects.published().for_list().filter(country=country)[:20]
        # A UNION of the two ways a statement relates to a country: PostgreSQL
        # then collects the few matching rows by index and sorts them, where an
        # OR across two joins made it walk every statement in date order.
        related = (
            Statement.objects.filter(event__country=country)
            .values("pk")
            .union(Statement.objects.filter(organization__country=country).values("pk"))
        )
        context["statements"] = Statement.objects.published().for_list().filter(pk__in=related)[:20]
        context["mentioned_in"] = mentioned_in(countries=country)
        return context
