"""{% alerts_url %}: the e-mail alerts' subscribe page for what this page follows.

Drawn beside the page's Atom feeds (includes/follow_links.html on a country's,
an organization's and a Day's page; includes/list_exports.html on a list),
so whatever can be followed by a feed can be followed by e-mail too.
"""

from django import template

from alerts.models import Target
from alerts.targets import LISTS

from ..alerts import subscribe_url

register = template.Library()

# The URL name of a page and what its subscription follows, with the URL's argument naming it.
FOLLOWED_PAGES = {
    "countries:country_detail": (Target.COUNTRY, "code"),
    "organizations:organization_detail": (Target.ORGANIZATION, "key"),
    "events:observance_detail": (Target.DAY, "year"),
}
LIST_PAGES = {followed_list.page: name for name, followed_list in LISTS.items()}


@register.simple_tag(takes_context=True)
def alerts_url(context):
    """The subscribe page's URL for this page, or "" when it has nothing to follow by e-mail."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.view_name in FOLLOWED_PAGES:
        target, argument = FOLLOWED_PAGES[match.view_name]
        return subscribe_url(target, str(match.kwargs[argument]).lower())
    if match.view_name in LIST_PAGES:
        # The list's valid filters, as its download and feed links carry them
        # (front/opendata/links.py): read once by the page, not again here.
        return subscribe_url(
            Target.LIST, LIST_PAGES[match.view_name], context.get("list_filters", "")
        )
    return ""
