"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

from django.utils.translation import gettext_lazy as _

from media.exchange import AttachedDocuments, LibraryImage
from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    MISSING,
    OPTIONAL,
    Boolean,
    Date,
    DateTime,
    Integer,
    Links,
    PublicationStatus,
    Reference,
    Rows,
    Section,
    Slug,
    Text,
    TimeZone,
    Url,
    ends_after,
    in_year,
)
from sscportal.models import Status

from .models import Event, EventFile, EventSpeaker, Observance


class Speakers(Rows):
    """An event's speakers: each named in some language, or a person (who is)."""

    def load_value(self, value, path, report, context):
        named = True
        for i, entry in enumerate(value if isinstance(value, list) else []):
            if not isinstance(entry, dict) or entry.get("person") is not None:
                continue
            name = entry.get("name")
            if not isinstance(name, dict) or not any(
                isinstance(text, str) and text for text in name.values()
            ):
                report.error(f"{path}[{i}].name", "give a name in some language, or a person")
                named = False
        loaded = super().load_value(value, path, report, context)
        return loaded if named else MISSING


OBSERVANCES = ContentType(
    Observance,
    singular=_("Day"),
    label=_("Days"),
    search=Search(recency=None, snippet=("summary",), title="theme", names=("theme", "year")),
    sitemap="observances",
    exchange=Section(
        "observances",
        key="year",
        fields={
            "year": Integer(minimum=1978, maximum=2200),
            # Observances had no status before version 2: a file without one means public.
            "status": PublicationStatus(default=Status.PUBLISHED),
            "date": Date(),
            # As in the admin: a Day may be recorded before its theme is known.
            "theme": Text(visible=True, **OPTIONAL),
            "summary": Text(**OPTIONAL),
            # The Day's picture from the media library (media/exchange.py).
            "banner": LibraryImage(),
        },
        rules=(in_year("date", "year"),),
    ),
)

EVENTS = ContentType(
    Event,
    singular=_("Event"),
    label=_("Events"),
    search=Search(
        recency="starts_at",
        snippet=("description", "venue"),
        links=(
            ("observance", ("theme",)),
            ("country", ("name", "other_names")),
            ("organizers", ("name", "acronym")),
            ("speakers", ("name",)),
            ("speakers__person", ("name",)),
        ),
    ),
    sitemap="events",
    # The list of events is the list of Days, each with its events.
    list_url="events:observance_list",
    menu=3,
    share_image=True,
    countries="country",
    url_needs=("observance",),
    history_m2m=("organizers",),
    parts=(EventSpeaker, EventFile),
    exchange=Section(
        "events",
        key="slug",
        fields={
            "slug": Slug(),
            "status": PublicationStatus(),
            "observance": Reference("observances", "observance year", **OPTIONAL),
            "title": Text(needs_text=True),
            "description": Text(rich=True, **OPTIONAL),
            "venue": Text(**OPTIONAL),
            # A date alone (YYYY-MM-DD) when the time is not known.
            "starts_at": DateTime(day_flag="time_known"),
            "ends_at": DateTime(day_flag="time_known", **OPTIONAL),
            "timezone": TimeZone(),
            "online": Boolean(),
            "url": Url(**OPTIONAL),
            "country": Reference("countries", "ISO code", **OPTIONAL),
            "organizers": Links(Reference("organizations", "organization key"), **OPTIONAL),
            "speakers": Speakers(
                "speakers",
                {
                    # Version 3: a speaker may be a person, whose name is shown.
                    "name": Text(visible=True, **OPTIONAL),
                    "title": Text(visible=True, **OPTIONAL),
                    "organization": Reference("organizations", "organization key", **OPTIONAL),
                    "person": Reference("people", "person key", **OPTIONAL),
                },
                position="order",
                **OPTIONAL,
            ),
            "recording_url": Url(**OPTIONAL),
            # Official documents from the media library (media/exchange.py).
            "files": AttachedDocuments(),
        },
        rules=(ends_after("starts_at", "ends_at"),),
    ),
)

CONTENT_TYPES = [OBSERVANCES, EVENTS]
