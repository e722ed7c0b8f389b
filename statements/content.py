"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

import re

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    OPTIONAL,
    Choice,
    Date,
    PublicationStatus,
    Reference,
    Section,
    Slug,
    String,
    Text,
    Url,
)

from .models import Statement, StatementKind

STATEMENTS = ContentType(
    Statement,
    label=_("Statements"),
    search=Search(recency="delivered_on", snippet=("body",)),
    in_sitemap=True,
    exchange=Section(
        "statements",
        key="slug",
        fields={
            "slug": Slug(),
            "status": PublicationStatus(),
            "title": Text(needs_text=True),
            "body": Text(rich=True),
            # As in the admin: a press release has no speaker.
            "speaker": Text(**OPTIONAL),
            "speaker_title": Text(**OPTIONAL),
            "organization": Reference("organizations", "organization key", **OPTIONAL),
            "kind": Choice(StatementKind),
            "delivered_on": Date(),
            "event": Reference("events", "event slug", **OPTIONAL),
            "original_language": String(
                pattern=re.compile(r"^[a-z]{2}$"), hint=" (an ISO 639-1 code)"
            ),
            "source_url": Url(**OPTIONAL),
        },
    ),
)

CONTENT_TYPES = [STATEMENTS]
