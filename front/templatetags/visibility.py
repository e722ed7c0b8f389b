"""{{ item|public:"relation" }}: what an item points to, if readers may see it.

Templates name related items only through this filter, so that a draft is
left out by the one rule (sscportal/visibility.py): a foreign key gives the
item or None, a many relation the list of its public items (no query when the
view prefetched it).
"""

from django import template

from sscportal.visibility import public_related

register = template.Library()


@register.filter
def public(item, relation):
    return public_related(item, relation)
