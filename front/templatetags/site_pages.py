"""{% site_pages %} and {% legal_pages %}: the site's pages as the footer links
them, kept until content changes."""

from django import template
from django.db import DatabaseError
from django.utils.translation import get_language

from pages.legal import LEGAL_SLUGS
from pages.models import Page
from sscportal.caching.values import until_content_changes
from sscportal.text.languages import every_language, shown

register = template.Library()


def _footer_links():
    """{"about": links, "legal": links} from one query: the legal pages are
    top-level pages too, listed apart in the footer's identifier block."""
    pages = Page.objects.published().top_level().only("slug", *every_language("title"), "order")
    links = {"about": [], "legal": []}
    for page in pages:
        title = shown(page, "title")
        group = "legal" if page.slug in LEGAL_SLUGS else "about"
        links[group].append(
            {
                "slug": page.slug,
                "url": page.get_absolute_url(),
                "title": title.text,
                "lang": title.lang,
                "is_fallback": title.is_fallback,
            }
        )
    links["legal"].sort(key=lambda link: LEGAL_SLUGS.index(link["slug"]))
    return links


def _cached_links():
    try:
        return until_content_changes("footer-pages", _footer_links, language=get_language())
    except DatabaseError:
        # The 503 page shown while the database is down has the footer too:
        # it must render without the links rather than fail.
        return {"about": [], "legal": []}


@register.simple_tag
def site_pages():
    """{% site_pages as pages %}: [{url, title, lang, is_fallback}] of the published
    top-level pages, in their order, but for the legal pages."""
    return _cached_links()["about"]


@register.simple_tag
def legal_pages():
    """{% legal_pages as pages %}: the published privacy notice, terms of use and
    content licence (pages/legal.py), in that order, as {% site_pages %} gives pages."""
    return _cached_links()["legal"]
