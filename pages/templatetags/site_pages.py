from django import template

from pages.navigation import footer_links

register = template.Library()


@register.simple_tag
def site_pages():
    """{% site_pages as pages %}: the published top-level pages, for the footer."""
    return footer_links()
