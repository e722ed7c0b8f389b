from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from initiatives.models import Organization
from sscportal.bilingual import shown
from sscportal.caching.values import until_content_changes
from sscportal.listing import SafePaginationMixin, option_tags
from sscportal.view_helpers import PublishedOrStaffMixin

from .filters import StatementFilterForm
from .models import Statement


class StatementListView(SafePaginationMixin, ListView):
    template_name = "statements/statement_list.html"
    context_object_name = "statements"

    def get_queryset(self):
        self.filters = StatementFilterForm(self.request.GET)
        return self.filters.filter(Statement.objects.published().for_list())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        # Organizations that made a published statement: a DISTINCT over all
        # statements, which only changes with content.
        organizations = until_content_changes(
            f"options:organizations:{get_language()}", _organization_options
        )
        context["controls"] = self.filters.controls(
            {
                "organization": self.filters.options("organization", organizations),
                "kind": self.filters.options("kind"),
            }
        )
        return context


def _organization_options():
    organizations = Organization.objects.filter(statements__status="published").distinct()
    return option_tags((org.key, shown(org, "name").text) for org in organizations)


class StatementDetailView(PublishedOrStaffMixin, DetailView):
    model = Statement
    template_name = "statements/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        return super().get_queryset().for_list()
