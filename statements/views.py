from django.views.generic import DetailView, ListView

from initiatives.models import Organization
from sscportal.listing import SafePaginationMixin
from sscportal.view_helpers import PublishedOrStaffMixin

from .filters import StatementFilterForm
from .models import Statement, StatementKind


class StatementListView(SafePaginationMixin, ListView):
    template_name = "statements/statement_list.html"
    context_object_name = "statements"

    def get_queryset(self):
        self.filters = StatementFilterForm(self.request.GET)
        return self.filters.filter(Statement.objects.published().for_list())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        context["organizations"] = Organization.objects.filter(
            statements__status="published"
        ).distinct()
        context["kinds"] = StatementKind.choices
        return context


class StatementDetailView(PublishedOrStaffMixin, DetailView):
    model = Statement
    template_name = "statements/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        return super().get_queryset().for_list()
