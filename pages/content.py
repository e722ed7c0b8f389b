"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    OPTIONAL,
    Integer,
    PublicationStatus,
    Reference,
    Section,
    Slug,
    Text,
)

from .models import Page


def one_level_deep(items, stored_parents, report):
    """A page's parent is a top-level page (in the file, or stored), never itself."""
    parents = dict(stored_parents)
    parents.update({data["slug"]: data["parent"] for _path, data in items})
    kept = []
    for path, data in items:
        parent = data["parent"]
        if parent is None:
            kept.append((path, data))
        elif parent == data["slug"]:
            report.error(f"{path}.parent", "a page cannot sit under itself")
        elif parents.get(parent) is not None:
            report.error(
                f"{path}.parent",
                f"page {parent!r} sits under another page itself; pages nest one level deep",
            )
        else:
            kept.append((path, data))
    # Top-level pages first, so that a parent exists before its children are written.
    kept.sort(key=lambda item: item[1]["parent"] is not None)
    return kept


def _check_pages(items, report, _earlier):
    stored = Page.objects.values_list("slug", "parent__slug")
    return one_level_deep(items, stored, report)


PAGES = ContentType(
    Page,
    singular=_("Page"),
    label=_("Pages"),
    search=Search(recency="updated_at", snippet=("body",)),
    # "pages" names the section of the list pages (/sitemap-pages.xml).
    sitemap="site-pages",
    exchange=Section(
        "pages",
        key="slug",
        fields={
            "slug": Slug(),
            "status": PublicationStatus(),
            "title": Text(needs_text=True),
            "body": Text(rich=True, **OPTIONAL),
            "parent": Reference("pages", "page slug", **OPTIONAL),
            "order": Integer(minimum=0, maximum=32767, required=False, default=0),
        },
        check=_check_pages,
    ),
)

CONTENT_TYPES = [PAGES]
