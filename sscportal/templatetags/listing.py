"""Filter forms as a reader sees them: chips for the active filters, and the
same filters in the page's <title> (so a bookmark or a tab says what it holds).

{% active_filters controls as active %}
{% filters_in_title controls %}      " — Country: China; Stage: Ongoing", or nothing
"""

from django import template
from django.utils.translation import get_language_bidi

from sscportal.reader_toolkit.listing import active_controls

register = template.Library()


@register.simple_tag
def active_filters(controls):
    return active_controls(controls)


@register.simple_tag
def filters_in_title(controls):
    active = active_controls(controls)
    if not active:
        return ""
    separator = "؛ " if get_language_bidi() else "; "
    return " — " + separator.join(f"{c.label}: {c.shown_value}" for c in active)
