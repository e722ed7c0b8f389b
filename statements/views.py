from django.views.generic import DetailView, ListView

from sscportal.view_helpers import PublishedOrStaffMixin

from .models import Statement


class StatementListView(ListView):
    template_name = "statements/statement_list.html"
    context_object_name = "statements"
    paginate_by = 20

    def get_queryset(self):
        return Statement.objects.published().for_list()


class StatementDetailView(PublishedOrStaffMixin, DetailView):
    model = Statement
    template_name = "statements/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        return super().get_queryset().for_list()
