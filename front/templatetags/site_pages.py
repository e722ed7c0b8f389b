"""{% site_pages %}: the site's pages as the footer links them, kept until content changes."""

from django import template
from django.db import DatabaseError
from django.utils.translation import get_language

from pages.models import Page
from sscportal.caching.values import until_content_changes
from sscportal.text.languages import every_language, shown

register = template.Library()


def _footer_links():
    pages = Page.objects.published().top_level().only("slug", *every_language("title"), "order")
    links = []
    for page in pages:
        title = shown(page, "title")
        links.append(
            {
                "url": page.get_absolute_url(),
                "title": title.text,
                "lang": title.lang,
                "is_fallback": title.is_fallback,
            }
        )
    return links


@register.simple_tag
def site_pages():
    """{% site_pages as pages %}: [{url, title, lang, is_fallback}] of the published
    top-level pages, in their order."""
    try:
        return until_content_changes("footer-pages", _footer_links, language=get_language())
    except DatabaseError:
        # The 503 page shown while the database is down has the footer too:
        # it must render without the links rather than fail.
        return []
