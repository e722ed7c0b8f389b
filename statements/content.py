"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

import re

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    OPTIONAL,
    Choice,
    ChoicePerLanguage,
    Date,
    Grouped,
    Links,
    PublicationStatus,
    Reference,
    Section,
    Slug,
    String,
    Text,
    Url,
)

from .models import Statement, StatementKind, TextKind, TranslationKind

_OPTIONAL_STRING = {"required": False, "nullable": True}


def _no_translation_of_the_original(data, path, report):
    """The original language is the original: it cannot also be a translation."""
    original = data["original_language"]
    if data["translations"].get(original):
        report.error(
            f"{path}.translations.{original}",
            "is the original language (original_language), not a translation",
        )
        return False
    return True


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
            # Version 2: where the text comes from (docs/content-format.md).
            "observance": Reference("observances", "observance year", **OPTIONAL),
            "issued_on": Date(**OPTIONAL),
            "document_symbol": String(default="", **_OPTIONAL_STRING),
            "delivered_by": Text(**OPTIONAL),
            "text_kind": Choice(
                TextKind, required=False, nullable=True, default=TextKind.FULL_TEXT
            ),
            "outlet": Text(**OPTIONAL),
            "byline": String(default="", **_OPTIONAL_STRING),
            "translations": ChoicePerLanguage(TranslationKind, column="translation", **OPTIONAL),
            "mentions": Grouped(
                {
                    "countries": Links(Reference("countries", "ISO code"), **OPTIONAL),
                    "initiatives": Links(Reference("initiatives", "initiative slug"), **OPTIONAL),
                    "organizations": Links(
                        Reference("organizations", "organization key"), **OPTIONAL
                    ),
                },
                prefix="mentioned_",
                **OPTIONAL,
            ),
            "video_url": Url(**OPTIONAL),
        },
        rules=(_no_translation_of_the_original,),
    ),
)

CONTENT_TYPES = [STATEMENTS]
