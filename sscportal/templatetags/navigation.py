"""The site's main menu, from the content types' declarations (sscportal.content_types).

{% main_menu as menu %}   [{url, label, current}], in the menu's order, search last.
                          `current` is worked out here, and only here, from the URL
                          the request resolved to: "page" on a section's own list
                          page, "true" on any other page of its URL namespace (a
                          statement is in Statements, a region in Countries), else "".
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext

from sscportal import content_types

register = template.Library()

SEARCH = "search"


def _current(match, view_name):
    """aria-current for the menu entry whose list page is `view_name`."""
    if match is None:
        return ""
    if match.view_name == view_name:
        return "page"
    namespace = view_name.split(":")[0] if ":" in view_name else None
    if namespace and match.namespace == namespace:
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    entries = [(ct.list_url, ct.label) for ct in content_types.in_menu()]
    entries.append((SEARCH, gettext("Search")))
    return [
        {"url": reverse(view_name), "label": label, "current": _current(match, view_name)}
        for view_name, label in entries
    ]
