"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
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

from .models import Event, EventSpeaker, Observance

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
    parts=(EventSpeaker,),
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
            "speakers": Rows(
                "speakers",
                {
                    "name": Text(needs_text=True),
                    "title": Text(visible=True, **OPTIONAL),
                    "organization": Reference("organizations", "organization key", **OPTIONAL),
                },
                position="order",
                **OPTIONAL,
            ),
            "recording_url": Url(**OPTIONAL),
        },
        rules=(ends_after("starts_at", "ends_at"),),
    ),
)

CONTENT_TYPES = [OBSERVANCES, EVENTS]
