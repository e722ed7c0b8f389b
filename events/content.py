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
    Section,
    Slug,
    Text,
    TimeZone,
    Url,
    ends_after,
    in_year,
)

from .models import Event, Observance

OBSERVANCES = ContentType(
    Observance,
    in_sitemap=True,
    exchange=Section(
        "observances",
        key="year",
        fields={
            "year": Integer(minimum=1978, maximum=2200),
            "date": Date(),
            "theme": Text(needs_text=True),
            "summary": Text(**OPTIONAL),
        },
        rules=(in_year("date", "year"),),
    ),
)

EVENTS = ContentType(
    Event,
    label=_("Events"),
    search=Search(recency="starts_at", snippet=("description", "venue")),
    in_sitemap=True,
    countries="country",
    url_needs=("observance",),
    history_m2m=("organizers",),
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
            "starts_at": DateTime(),
            "ends_at": DateTime(**OPTIONAL),
            "timezone": TimeZone(),
            "online": Boolean(),
            "url": Url(**OPTIONAL),
            "country": Reference("countries", "ISO code", **OPTIONAL),
            "organizers": Links(Reference("organizations", "organization key"), **OPTIONAL),
        },
        rules=(ends_after("starts_at", "ends_at"),),
    ),
)

CONTENT_TYPES = [OBSERVANCES, EVENTS]
