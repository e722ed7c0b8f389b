from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from initiatives.models import Organization
from sscportal.bilingual import collated, short_name, shown
from sscportal.caching.values import until_content_changes
from sscportal.listing import SafePaginationMixin, option_tags, select_options
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
        # The organization is typed with suggestions (a <datalist>: a type-ahead
        # that needs no JavaScript) rather than picked from a long <select>.
        context["controls"] = self.filters.controls(
            {"kind": self.filters.options("kind")},
            suggestions={"organization": select_options(organizations, None)},
        )
        return context


def _organization_options():
    organizations = (
        Organization.objects.filter(statements__status="published")
        .distinct()
        .order_by(collated("name"))
    )
    return option_tags((org.key, _suggestion(org)) for org in organizations)


def _suggestion(organization):
    """What the type-ahead matches on: the short name and the full name."""
    name, short = shown(organization, "name").text, short_name(organization).text
    return name if short == name else f"{short} — {name}"


class StatementDetailView(PublishedOrStaffMixin, DetailView):
    model = Statement
    template_name = "statements/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        return super().get_queryset().for_list()
