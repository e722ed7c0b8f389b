"""Country pages: everything published about one country, from all three apps."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events.models import Event
from initiatives.models import Country, CountryRole, InitiativeCountry
from statements.models import Statement

from .errors import ExplainedHttp404

# A country page shows this many initiatives per role and links to the full list.
ROLE_PREVIEW = 20


def _count_of(queryset, field):
    """A correlated COUNT as a subquery, so two counts do not multiply each other's rows."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk"))
    )
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


def countries_with_published_content():
    """Countries in at least one published initiative or host of a published event,
    with both counts: the index, the home page's count and the sitemap agree."""
    initiatives = InitiativeCountry.objects.filter(initiative__status="published")
    events = Event.objects.published()
    return Country.objects.annotate(
        initiative_count=_count_of(initiatives, "country"),
        event_count=_count_of(events, "country"),
    ).filter(Q(initiative_count__gt=0) | Q(event_count__gt=0))


class CountryListView(ListView):
    template_name = "initiatives/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return (
            countries_with_published_content()
            .select_related("region", "subregion")
            .order_by("region__m49", "name_en")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {}
        for country in context["countries"]:
            groups.setdefault(country.region, []).append(country)
        context["groups"] = list(groups.items())
        return context


class CountryDetailView(DetailView):
    template_name = "initiatives/country_detail.html"
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
        roles = InitiativeCountry.objects.filter(
            country=country, initiative__status="published"
        ).select_related("initiative")
        counts = dict(roles.values_list("role").annotate(n=Count("pk")).order_by())
        context["roles"] = [
            {
                "role": role,
                "count": counts.get(role.value, 0),
                "initiatives": [
                    r.initiative
                    for r in roles.filter(role=role).order_by(
                        "-initiative__start_date", "initiative__slug"
                    )[:ROLE_PREVIEW]
                ],
            }
            for role in CountryRole
        ]
        context["initiative_count"] = sum(counts.values())
        context["events"] = Event.objects.published().for_list().filter(country=country)[:20]
        context["statements"] = (
            Statement.objects.published()
            .for_list()
            .filter(Q(event__country=country) | Q(organization__country=country))[:20]
        )
        return context
