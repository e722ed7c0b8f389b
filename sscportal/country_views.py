"""Country pages: everything published about one country, from all three apps."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events.models import Event
from initiatives.models import Country, CountryRole, Initiative, InitiativeCountry
from statements.models import Statement

from .errors import ExplainedHttp404
from .page_cache import until_content_changes

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
        in_country = InitiativeCountry.objects.filter(
            country=country, initiative__status="published"
        )
        counts = until_content_changes(
            f"country-role-counts:{country.pk}",
            lambda: dict(in_country.values_list("role").annotate(n=Count("pk")).order_by()),
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
        return context
