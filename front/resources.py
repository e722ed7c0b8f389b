"""Resources: the list, a resource's page and the feed."""

import datetime

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from initiatives.models import Organization
from resources.filters import ResourceFilterForm
from resources.models import Resource
from sscportal.caching.values import until_content_changes
from sscportal.reader_toolkit.listing import SafePaginationMixin, option_tags
from sscportal.reader_toolkit.mixins import PublishedOrStaffMixin
from sscportal.reader_toolkit.sorting import SortedListMixin
from sscportal.text.languages import shown
from sscportal.visibility import public, public_related, published_through

from .opendata.feeds import ListFeed
from .opendata.links import OpenDataLinksMixin


class ResourceListView(OpenDataLinksMixin, SortedListMixin, SafePaginationMixin, ListView):
    template_name = "front/resources/resource_list.html"
    context_object_name = "resources"
    # Its parameters, besides `page`: the download and the feed take the same.
    filter_form = ResourceFilterForm
    open_data = "resources"

    @staticmethod
    def public_items():
        """Every published resource, newest first, undated ones last."""
        return Resource.objects.published().in_public_order()

    def get_queryset(self):
        self.filters = self.filter_form(self.request.GET)
        return self.sorted_list(self.filters.filter(self.public_items().for_list()), self.filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        organizations = until_content_changes(
            "options:resource-organizations", _organization_options, language=get_language()
        )
        context["controls"] = self.filters.controls(
            {
                "kind": self.filters.options("kind"),
                "organization": self.filters.options("organization", organizations),
            }
        )
        return context


def _organization_options():
    organizations = (
        public(Organization.objects)
        .filter(published_through("resources"))
        .distinct()
        .order_by("key")
    )
    return option_tags((org.key, shown(org, "name").text) for org in organizations)


class ResourceDetailView(PublishedOrStaffMixin, DetailView):
    model = Resource
    template_name = "front/resources/resource_detail.html"
    context_object_name = "resource"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("observance", "event__observance")
            .prefetch_related("links", "files__document", "organizations", "countries")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource = self.object
        # Only what readers may see of what it is linked to.
        context["initiatives"] = public(resource.initiatives).order_by("-start_date", "slug")
        context["organizations"] = public_related(resource, "organizations")
        event = context["event"] = public_related(resource, "event")
        # Launched for the Day, or at one of its events.
        if resource.observance_id:
            context["observance"] = public_related(resource, "observance")
        else:
            context["observance"] = public_related(event, "observance") if event else None
        return context


class ResourceFeed(ListFeed):
    """Published resources, newest first, in the language of the URL."""

    list_view = ResourceListView
    list_url = "resources:resource_list"
    kind = "resource"
    title = _("Resources on South-South cooperation")
    subtitle = _("Reports, publications, podcasts and campaign materials, newest first.")

    def item_date(self, item):
        # Undated ones (a podcast whose source gives no date) are dated by when
        # the site published them.
        if item.published_on is None:
            return None
        return datetime.datetime.combine(item.published_on, datetime.time(12), datetime.UTC)
