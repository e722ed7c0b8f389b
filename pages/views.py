from django.views.generic import DetailView

from sscportal.view_helpers import PublishedOrStaffMixin

from .models import Page


class PageDetailView(PublishedOrStaffMixin, DetailView):
    model = Page
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["children"] = self.object.children.published()
        parent = self.object.parent
        context["parent"] = parent if parent and parent.is_published else None
        context["section"] = "pages"
        return context
