"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from media.exchange import AttachedDocuments
from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    MISSING,
    OPTIONAL,
    Choice,
    Date,
    Links,
    PublicationStatus,
    Reference,
    Rows,
    Section,
    Slug,
    String,
    Text,
    Url,
    show,
)

from .models import Resource, ResourceFile, ResourceKind, ResourceLink, validate_isbn


class Isbn(String):
    """An ISBN whose check digit is right, as the admin asks."""

    def load_value(self, value, path, report, context):
        value = super().load_value(value, path, report, context)
        if isinstance(value, str):
            try:
                validate_isbn(value)
            except ValidationError:
                report.error(path, f"{show(value)} is not an ISBN (its check digit is wrong)")
                return MISSING
        return value


RESOURCES = ContentType(
    Resource,
    singular=_("Resource"),
    label=_("Resources"),
    search=Search(
        recency="published_on",
        snippet=("summary",),
        links=(
            ("organizations", ("name", "acronym")),
            ("countries", ("name", "other_names")),
            ("observance", ("theme",)),
            ("event", ("title",)),
        ),
    ),
    sitemap="resources",
    list_url="resources:resource_list",
    menu=5,
    share_image=True,
    countries="countries",
    history_m2m=("organizations", "initiatives", "countries"),
    parts=(ResourceLink, ResourceFile),
    exchange=Section(
        "resources",
        key="slug",
        fields={
            "slug": Slug(),
            "status": PublicationStatus(),
            "kind": Choice(ResourceKind),
            "title": Text(needs_text=True),
            "summary": Text(**OPTIONAL),
            "published_on": Date(**OPTIONAL),
            "links": Rows(
                "links",
                {
                    "language": String(
                        pattern=re.compile(r"^[a-z]{2}$"), hint=" (an ISO 639-1 code)"
                    ),
                    "url": Url(),
                },
                unique_by=None,
                order_by=("language", "url"),
                **OPTIONAL,
            ),
            "observance": Reference("observances", "observance year", **OPTIONAL),
            "event": Reference("events", "event slug", **OPTIONAL),
            "organizations": Links(Reference("organizations", "organization key"), **OPTIONAL),
            "initiatives": Links(Reference("initiatives", "initiative slug"), **OPTIONAL),
            "countries": Links(Reference("countries", "ISO code"), **OPTIONAL),
            # Version 3.
            "document_symbol": String(**OPTIONAL, default=""),
            "isbn": Isbn(
                pattern=re.compile(r"^[0-9][0-9 -]{8,15}[0-9X]$"),
                hint=" (an ISBN of 10 or 13 digits)",
                **OPTIONAL,
                default="",
            ),
            # A file per language version, from the media library (media/exchange.py).
            "files": AttachedDocuments(),
        },
    ),
)

CONTENT_TYPES = [RESOURCES]
