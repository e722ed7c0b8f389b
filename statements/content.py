"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

import re

from django.utils.translation import gettext_lazy as _

from events.models import Event, Observance
from media.exchange import AttachedDocuments
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

from .models import (
    EVENT_DAYS_FROM_THE_DAY,
    Statement,
    StatementFile,
    StatementKind,
    TextKind,
    TranslationKind,
    dates_agree_with_day,
)

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


def _check_the_days(items, report, earlier):
    """Each statement's Day agrees with its dates, as in the admin
    (statements.models.dates_agree_with_day): the Day and the event are looked
    up in the file first, then among what is stored."""
    days = dict(Observance.objects.values_list("year", "date"))
    days |= {data["year"]: data["date"] for _path, data in earlier.get("observances", [])}
    event_days = dict(Event.objects.values_list("slug", "observance__year"))
    event_days |= {data["slug"]: data["observance"] for _path, data in earlier.get("events", [])}
    agreeing = []
    for path, data in items:
        ok = True
        delivered, issued = data["delivered_on"], data["issued_on"]
        year = data["observance"]
        if year in days and not dates_agree_with_day(
            delivered, issued, year, days[year], through_event=False
        ):
            report.error(
                f"{path}.observance",
                f"the Day of {year}: neither delivered_on nor issued_on is in {year}",
            )
            ok = False
        year = event_days.get(data["event"])
        if year in days and not dates_agree_with_day(
            delivered, issued, year, days[year], through_event=True
        ):
            report.error(
                f"{path}.event",
                f"an event of the Day of {year} ({days[year].isoformat()}): neither "
                f"delivered_on nor issued_on is within {EVENT_DAYS_FROM_THE_DAY} days of it",
            )
            ok = False
        if ok:
            agreeing.append((path, data))
    return agreeing


STATEMENTS = ContentType(
    Statement,
    singular=_("Statement"),
    label=_("Statements"),
    search=Search(
        recency="delivered_on",
        snippet=("body",),
        links=(
            ("organization", ("name", "acronym")),
            ("person", ("name",)),
            ("delivered_by_person", ("name",)),
            ("observance", ("theme",)),
            ("event", ("title",)),
            ("event__country", ("name", "other_names")),
            ("mentioned_countries", ("name", "other_names")),
            ("mentioned_organizations", ("name", "acronym")),
        ),
    ),
    sitemap="statements",
    list_url="statements:statement_list",
    menu=4,
    share_image=True,
    # A country's page lists the statements that mention it, and those of its
    # events and organizations (front/countries/views.py).
    country_pages=("mentioned_countries", "event__country", "organization__country"),
    history_m2m=("mentioned_countries", "mentioned_initiatives", "mentioned_organizations"),
    parts=(StatementFile,),
    exchange=Section(
        "statements",
        key="slug",
        fields={
            "slug": Slug(),
            "status": PublicationStatus(),
            "title": Text(needs_text=True),
            "body": Text(rich=True),
            # As in the admin: a press release has no speaker.
            "speaker": Text(visible=True, **OPTIONAL),
            "speaker_title": Text(visible=True, **OPTIONAL),
            # Version 3: the speaker as a person (the `people` section).
            "person": Reference("people", "person key", **OPTIONAL),
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
            "delivered_by_person": Reference("people", "person key", **OPTIONAL),
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
            # Official documents from the media library (media/exchange.py).
            "files": AttachedDocuments(),
        },
        rules=(_no_translation_of_the_original,),
        check=_check_the_days,
    ),
)

CONTENT_TYPES = [STATEMENTS]
