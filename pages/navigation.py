"""The site's pages as the header and footer link them, kept until content changes."""

from django.db import DatabaseError
from django.utils.translation import get_language

from sscportal.bilingual import shown
from sscportal.caching.values import until_content_changes

from .models import Page


def _footer_links():
    pages = Page.objects.published().top_level().only("slug", "title_en", "title_ar", "order")
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


def footer_links():
    """[{url, title, lang, is_fallback}] of the published top-level pages, in their order."""
    try:
        return until_content_changes(f"footer-pages:{get_language()}", _footer_links)
    except DatabaseError:
        # The 503 page shown while the database is down has the footer too:
        # it must render without the links rather than fail.
        return []
