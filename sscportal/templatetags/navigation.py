"""The site's main menu, from the content types' declarations (sscportal.content_types).

{% main_menu as menu %}   [{url, label, section}], in the menu's order; a page
                          marks its entry with the context's `section`
"""

from django import template
from django.urls import reverse

from sscportal import content_types

register = template.Library()


@register.simple_tag
def main_menu():
    return [
        {"url": reverse(ct.list_url), "label": ct.label, "section": ct.url_namespace}
        for ct in content_types.in_menu()
    ]
