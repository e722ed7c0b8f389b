"""Links from the reader's pages to the same data for machines: a list page's
download, API and feed with its current filters, a page's "Follow" feeds.

Templates draw them with includes/list_exports.html, includes/follow_links.html
and, in every page's <head>, includes/feed_links.html.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

# The lists with a feed (organizations and countries change too seldom to follow).
WITH_FEED = ("initiatives", "statements", "events", "resources")
# The JSON API serves each list at /api/v1/<list>/ with the same parameters.
API_ROOT = "/api/v1/"


def filters_of(form):
    """The query string of `form`'s valid, non-empty filters, as the reader wrote them."""
    data = form.data
    kept = []
    for field in form.base_fields:
        if field in form.errors:
            continue
        value = data.get(field, "")
        if isinstance(value, str) and value.strip():
            kept.append((field, value))
    return urlencode(kept)


def _with_query(url, query):
    return f"{url}?{query}" if query else url


def list_links(name, query=""):
    """{csv, xlsx, api, feed, iati} of list `name` narrowed by `query`."""
    links = {
        "csv": _with_query(reverse(f"{name}:download", kwargs={"format": "csv"}), query),
        "xlsx": _with_query(reverse(f"{name}:download", kwargs={"format": "xlsx"}), query),
        "api": _with_query(f"{API_ROOT}{name}/", query),
        "feed": None,
        # The initiatives are also IATI activities (front/iati/), with the same filters.
        "iati": _with_query(reverse("iati_activities"), query) if name == "initiatives" else None,
    }
    if name in WITH_FEED:
        links["feed"] = _with_query(reverse(f"{name}:feed"), query)
    return links


def feed(name, label, **filters):
    """One feed of list `name` narrowed by `filters`, for a page's Follow links and
    its <link rel="alternate">."""
    query = urlencode([(key, value) for key, value in filters.items() if value not in ("", None)])
    return {
        "url": _with_query(reverse(f"{name}:feed"), query),
        "label": label,
        "title": _("%(feed)s (Atom feed)") % {"feed": label},
    }


class OpenDataLinksMixin:
    """For a list view with `open_data` (the list's name) and `filter_form`: its
    download, API and feed links carry the page's filters."""

    open_data = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = getattr(self, "filters", None) or self.filter_form(self.request.GET)
        query = filters_of(form)
        links = list_links(self.open_data, query)
        context["exports"] = links
        # The same filters for the list's e-mail alerts (front/templatetags/alerts.py).
        context["list_filters"] = query
        if links["feed"]:
            context["feeds"] = [
                {"url": links["feed"], "label": "", "title": _("This list (Atom feed)")}
            ]
        return context
