"""{% rendered_items initiatives "includes/initiative_card.html" heading=2 as cards %}

The items' HTML, each rendered once per language and content version
(sscportal/caching/fragments.py). Test the result, not the queryset, so that a
page whose items are cached never loads them: {% if cards %}<ul>{{ cards }}</ul>{% endif %}.
"""

from django import template
from django.utils.translation import get_language

from sscportal.caching import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def rendered_items(context, items, template_name, **options):
    return fragments.rendered_items(
        items, template_name, context.get("request"), language=get_language(), **options
    )
