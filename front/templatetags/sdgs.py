"""A Sustainable Development Goal as a chip: its number on the goal's official
colour, its name beside it, and an accessible name "SDG 13: Climate Action".

{% sdg_chip goal list_url %}   a link to list_url?sdg=N; goal: a `number` and a bilingual `name`
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from sscportal.text.languages import shown

register = template.Library()


@register.simple_tag
def sdg_chip(goal, list_url):
    name = shown(goal, "name")
    name_html = (
        format_html(
            '<span class="sdg-name" lang="{}" dir="{}">{}</span>', name.lang, name.dir, name.text
        )
        if name.is_fallback
        else format_html('<span class="sdg-name">{}</span>', name.text)
    )
    # The number and name are seen; "SDG" and the colon are for screen readers,
    # which then say "SDG 13: Climate Action" rather than "13 Climate Action".
    return format_html(
        '<a class="sdg sdg-{number}" href="{url}"><span class="sdg-number">'
        '<span class="visually-hidden">{sdg} </span>{number}</span>'
        '<span class="visually-hidden">:</span> {name}</a>',
        number=goal.number,
        url=f"{list_url}?sdg={goal.number}",
        sdg=gettext("SDG"),
        name=name_html,
    )
