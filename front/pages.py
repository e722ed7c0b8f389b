"""The site's own pages (about the Day, accessibility, contact), with their sub-pages."""

from django.views.generic import DetailView

from pages.models import Page
from sscportal.reader_toolkit.mixins import PublishedOrStaffMixin
from sscportal.visibility import public, public_related


class PageDetailView(PublishedOrStaffMixin, DetailView):
    model = Page
    template_name = "front/pages/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["children"] = public(self.object.children)
        context["parent"] = public_related(self.object, "parent")
        return context
