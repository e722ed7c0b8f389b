from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from sscportal.view_helpers import PublishedOrStaffMixin

from .models import Country, Initiative, Region


class InitiativeListView(ListView):
    template_name = "initiatives/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 20

    def get_queryset(self):
        return Initiative.objects.published().for_list()


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


class CountryListView(ListView):
    template_name = "initiatives/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        published = Q(initiative_roles__initiative__status="published")
        return (
            Country.objects.annotate(initiative_count=Count("initiative_roles", filter=published))
            .filter(initiative_count__gt=0)
            .select_related("region")
            .order_by("region__m49", "name_en")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["regions"] = Region.objects.filter(parent=None)
        return context


class CountryDetailView(DetailView):
    template_name = "initiatives/country_detail.html"
    context_object_name = "country"

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        return get_object_or_404(
            Country.objects.select_related("region", "subregion"), iso2=code.upper()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["initiative_roles"] = (
            self.object.initiative_roles.filter(initiative__status="published")
            .select_related("initiative")
            .order_by("role", "initiative__slug")
        )
        return context
