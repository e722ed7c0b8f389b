"""An initiative's page, with what other apps hold about it (statements that mention it)."""

from django.views.generic import DetailView

from initiatives.models import Initiative
from sscportal.view_helpers import PublishedOrStaffMixin
from statements.mentions import mentioned_in


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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mentioned_in"] = mentioned_in(initiatives=self.object)
        return context
