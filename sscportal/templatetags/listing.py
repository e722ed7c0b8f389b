"""Filter forms as a reader sees them: chips for the active filters, and the
same filters in the page's <title> (so a bookmark or a tab says what it holds).

{% active_filters controls as active %}
{% filters_in_title controls %}      " — Country: China; Stage: Ongoing", or nothing
"""

from django import template
from django.utils.html import format_html_join
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


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers a list offers: the first, the current one and its
    neighbours, the last, with None where numbers are left out (drawn "…")."""
    last = getattr(page_obj, "last_offered", page_obj.paginator.num_pages)
    return numbers_around(page_obj.number, last)


def numbers_around(current, last):
    """[1, None, 6, 7, 8, None, 20] for page 7 of 20; every number when few."""
    shown = sorted({1, last, *range(max(1, current - 1), min(last, current + 1) + 1)})
    numbers = []
    for number in shown:
        if numbers and number - numbers[-1] == 2:
            numbers.append(number - 1)  # one left out: show it rather than "…"
        elif numbers and number - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


@register.simple_tag(takes_context=True)
def kept_parameters(context, *dropped):
    """Hidden inputs for the page's query parameters but `dropped`: a GET form
    (the jump to a page, the sort) keeps the filters the reader chose."""
    query = context["request"].GET
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        (
            (name, value)
            for name, values in query.lists()
            if name not in dropped
            for value in values
            if value
        ),
    )
