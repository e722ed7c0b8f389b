from django.views.generic import DetailView, ListView

from sscportal.listing import SafePaginationMixin
from sscportal.view_helpers import PublishedOrStaffMixin

from .filters import InitiativeFilterForm
from .models import Country, Initiative, Region


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
        context["countries"] = Country.objects.order_by("name_en").only(
            "iso2", "name_en", "name_ar"
        )
        context["regions"] = Region.objects.order_by("m49")
        context["sdgs"] = range(1, 18)
        return context


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
