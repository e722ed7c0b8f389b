from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from initiatives.models import Organization
from sscportal.bilingual import shown
from sscportal.caching.values import until_content_changes
from sscportal.listing import SafePaginationMixin, option_tags
from sscportal.view_helpers import PublishedOrStaffMixin

from .filters import ResourceFilterForm
from .models import Resource


class ResourceListView(SafePaginationMixin, ListView):
    template_name = "resources/resource_list.html"
    context_object_name = "resources"

    def get_queryset(self):
        self.filters = ResourceFilterForm(self.request.GET)
        return self.filters.filter(Resource.objects.published().for_list().in_public_order())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        organizations = until_content_changes(
            f"options:resource-organizations:{get_language()}", _organization_options
        )
        context["controls"] = self.filters.controls(
            {
                "kind": self.filters.options("kind"),
                "organization": self.filters.options("organization", organizations),
            }
        )
        context["section"] = "resources"
        return context


def _organization_options():
    organizations = (
        Organization.objects.filter(resources__status="published").distinct().order_by("key")
    )
    return option_tags((org.key, shown(org, "name").text) for org in organizations)


class ResourceDetailView(PublishedOrStaffMixin, DetailView):
    model = Resource
    template_name = "resources/resource_detail.html"
    context_object_name = "resource"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("observance", "event__observance")
            .prefetch_related("links", "organizations", "countries")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource = self.object
        # Only what readers may see of what it is linked to.
        context["initiatives"] = resource.initiatives.published().order_by("-start_date", "slug")
        context["organizations"] = [o for o in resource.organizations.all() if o.is_published]
        context["event"] = (
            resource.event if resource.event and resource.event.is_published else None
        )
        observance = resource.observance or (context["event"] and context["event"].observance)
        context["observance"] = observance if observance and observance.is_published else None
        context["section"] = "resources"
        return context
