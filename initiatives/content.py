"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    OPTIONAL,
    Budget,
    Choice,
    Date,
    Integer,
    Links,
    M49Reference,
    PublicationStatus,
    Reference,
    Rows,
    Section,
    Slug,
    Text,
    Url,
    ends_after,
)
from sscportal.models import Status

from .models import (
    Country,
    CountryGroup,
    CountryRole,
    Initiative,
    InitiativeCountry,
    InitiativePartner,
    InitiativeRegion,
    Modality,
    Organization,
    OrganizationKind,
    PartnerRole,
    Region,
    Stage,
    SustainableDevelopmentGoal,
)

REGIONS = ContentType(
    Region,
    reference=True,
    # Files name regions by M49 code ("002"), never carry them: they come from the fixture.
    exchange=Section("regions", key="m49", in_files=False),
)

GROUPS = ContentType(CountryGroup, reference=True)

COUNTRIES = ContentType(
    Country,
    reference=True,
    # Files name countries by ISO code but never carry them: they come from the fixture.
    exchange=Section("countries", key="iso2", in_files=False),
)

GOALS = ContentType(SustainableDevelopmentGoal, reference=True)

ORGANIZATIONS = ContentType(
    Organization,
    in_sitemap=True,
    exchange=Section(
        "organizations",
        key="key",
        fields={
            "key": Slug(),
            # Organizations had no status before version 2: a file without one means public.
            "status": PublicationStatus(default=Status.PUBLISHED),
            "name": Text(needs_text=True),
            "acronym": Text(**OPTIONAL),
            "kind": Choice(OrganizationKind),
            "country": Reference("countries", "ISO code", **OPTIONAL),
            "website": Url(**OPTIONAL),
            "description": Text(rich=True, **OPTIONAL),
        },
    ),
)

INITIATIVES = ContentType(
    Initiative,
    label=_("Initiatives"),
    search=Search(recency="start_date", snippet=("summary", "description")),
    in_sitemap=True,
    countries="country_roles__country",
    history_m2m=("sdgs",),
    parts=(InitiativeCountry, InitiativeRegion, InitiativePartner),
    exchange=Section(
        "initiatives",
        key="slug",
        fields={
            "slug": Slug(),
            "status": PublicationStatus(),
            "title": Text(needs_text=True),
            "summary": Text(**OPTIONAL),
            "description": Text(rich=True, **OPTIONAL),
            "modality": Choice(Modality),
            "stage": Choice(Stage),
            "start_date": Date(**OPTIONAL),
            "end_date": Date(**OPTIONAL),
            "countries": Rows(
                "country_roles",
                {"country": Reference("countries", "ISO code"), "role": Choice(CountryRole)},
                unique_by="country",
                order_by=("country",),
            ),
            # Version 2: whole regions taking part ("climate-smart agriculture in Africa").
            "regions": Rows(
                "region_roles",
                {"region": M49Reference("regions", "M49 region code"), "role": Choice(CountryRole)},
                unique_by="region",
                order_by=("region",),
                **OPTIONAL,
            ),
            "partners": Rows(
                "partner_roles",
                {
                    "organization": Reference("organizations", "organization key"),
                    "role": Choice(PartnerRole),
                },
                unique_by=None,
                order_by=("organization", "role"),
                **OPTIONAL,
            ),
            "sdgs": Links(Integer(minimum=1, maximum=17), **OPTIONAL),
            "source_url": Url(**OPTIONAL),
            "budget": Budget(**OPTIONAL),
        },
        rules=(ends_after("start_date", "end_date"),),
    ),
)

CONTENT_TYPES = [REGIONS, GROUPS, COUNTRIES, GOALS, ORGANIZATIONS, INITIATIVES]
