"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

import datetime
import re

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    OPTIONAL,
    Budget,
    Choice,
    Date,
    Integer,
    Links,
    M49Code,
    M49Reference,
    Percentage,
    PublicationStatus,
    Reference,
    Rows,
    Section,
    Slug,
    String,
    Text,
    Url,
    ends_after,
    shares_add_up,
)
from sscportal.models import Status

from .models import (
    IATI_IDENTIFIER,
    Country,
    CountryGroup,
    CountryRole,
    IncomeGroup,
    Initiative,
    InitiativeCountry,
    InitiativeGroup,
    InitiativePartner,
    InitiativeRegion,
    InitiativeSector,
    Modality,
    Organization,
    OrganizationKind,
    PartnerRole,
    Region,
    Sector,
    Stage,
    SustainableDevelopmentGoal,
)

# Reference data: files name these by code ("KE", "002", "ldc", 3) and never carry them
# (they come from the fixture and initiatives/reference_data.py). Their keys are the
# fixture's; the API serves them as items of these sections.

# Countries, regions, groups and organizations are found by their names (a
# query naming one shows it first); the small tables are ranked whole.
REGIONS = ContentType(
    Region,
    singular=_("Region"),
    label=_("Regions"),
    search=Search(recency=None, title="name", names=("name",)),
    reference=True,
    exchange=Section(
        "regions",
        key="m49",
        fields={
            "m49": M49Code(),
            "name": Text(needs_text=True),
            "parent": M49Reference("regions", "M49 region code", **OPTIONAL),
        },
        in_files=False,
    ),
)

GROUPS = ContentType(
    CountryGroup,
    singular=_("Country group"),
    label=_("Country groups"),
    search=Search(recency=None, title="name", names=("name", "acronym")),
    reference=True,
    exchange=Section(
        "groups",
        key="code",
        fields={
            "code": Slug(),
            "acronym": String(),
            "name": Text(needs_text=True),
            "definition": Text(**OPTIONAL),
            "source": String(**OPTIONAL, default=""),
            "source_url": Url(**OPTIONAL),
        },
        in_files=False,
    ),
)

SECTORS = ContentType(
    Sector,
    reference=True,
    exchange=Section(
        "sectors",
        key="code",
        fields={"code": String(pattern=re.compile(r"^[0-9]{3}$")), "name": Text(needs_text=True)},
        in_files=False,
    ),
)


class CurrentGroups(Links):
    """A country's groups today: a country that has left a group (Bhutan, the least
    developed countries) is not said to be in it."""

    def read(self, instance, name):
        today = datetime.date.today()
        return sorted(
            membership.group.code
            for membership in instance.memberships.all()
            if (membership.joined is None or membership.joined <= today)
            and (membership.left is None or membership.left > today)
        )

    def read_public(self, instance, name):
        return self.read(instance, name)

    def prefetch(self, name):
        return ["memberships__group"]


IATI_ORGANISATION = re.compile(IATI_IDENTIFIER)
IATI_HINT = (
    " (an IATI identifier: the agency's prefix, a hyphen, the identifier, e.g. XM-DAC-41119)"
)

COUNTRIES = ContentType(
    Country,
    singular=_("Country"),
    label=_("Countries"),
    search=Search(recency=None, title="name", names=("name", "other_names", "iso2", "iso3")),
    list_url="countries:country_list",
    menu=2,
    share_image=True,
    reference=True,
    exchange=Section(
        "countries",
        key="iso2",
        fields={
            "iso2": String(pattern=re.compile(r"^[A-Z]{2}$")),
            "iso3": String(pattern=re.compile(r"^[A-Z]{3}$")),
            "m49": M49Code(),
            "name": Text(needs_text=True),
            "region": M49Reference("regions", "M49 region code", **OPTIONAL),
            "subregion": M49Reference("regions", "M49 region code", **OPTIONAL),
            "income_group": Choice(IncomeGroup, **OPTIONAL),
            "groups": CurrentGroups(Reference("groups", "country group code")),
        },
        in_files=False,
    ),
)

GOALS = ContentType(
    SustainableDevelopmentGoal,
    reference=True,
    exchange=Section(
        "sdgs",
        key="number",
        fields={"number": Integer(minimum=1, maximum=17), "name": Text(needs_text=True)},
        in_files=False,
    ),
)

ORGANIZATIONS = ContentType(
    Organization,
    singular=_("Organization"),
    label=_("Organizations"),
    search=Search(recency=None, snippet=("description",), title="name", names=("name", "acronym")),
    sitemap="organizations",
    list_url="organizations:organization_list",
    menu=6,
    share_image=True,
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
            # Version 3.
            "identifier": String(pattern=IATI_ORGANISATION, hint=IATI_HINT, **OPTIONAL, default=""),
        },
    ),
)

INITIATIVES = ContentType(
    Initiative,
    singular=_("Initiative"),
    label=_("Initiatives"),
    search=Search(
        recency="start_date",
        snippet=("summary", "description"),
        links=(
            ("country_roles__country", ("name", "other_names")),
            ("region_roles__region", ("name",)),
            ("partner_roles__organization", ("name", "acronym")),
            ("sdgs", ("name",)),
        ),
    ),
    sitemap="initiatives",
    list_url="initiatives:initiative_list",
    menu=1,
    share_image=True,
    countries="country_roles__country",
    history_m2m=("sdgs",),
    parts=(
        InitiativeCountry,
        InitiativeRegion,
        InitiativeGroup,
        InitiativeSector,
        InitiativePartner,
    ),
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
            # Version 3: the IATI activity identifier and the planned dates.
            "identifier": String(pattern=IATI_ORGANISATION, hint=IATI_HINT, **OPTIONAL, default=""),
            "planned_start_date": Date(**OPTIONAL),
            "planned_end_date": Date(**OPTIONAL),
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
            # Version 3: whole country groups ("the member states of the OIC").
            "groups": Rows(
                "group_roles",
                {
                    "group": Reference("groups", "country group code"),
                    "role": Choice(CountryRole),
                },
                unique_by="group",
                order_by=("group",),
                **OPTIONAL,
            ),
            # Version 3: OECD DAC sector categories, with their shares when known.
            "sectors": Rows(
                "sector_shares",
                {
                    "code": Reference("sectors", "sector code", attribute="sector"),
                    "percentage": Percentage(**OPTIONAL),
                },
                unique_by="code",
                order_by=("code",),
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
        rules=(
            ends_after("start_date", "end_date"),
            ends_after("planned_start_date", "planned_end_date"),
            shares_add_up("sectors"),
        ),
    ),
)

CONTENT_TYPES = [REGIONS, GROUPS, COUNTRIES, GOALS, SECTORS, ORGANIZATIONS, INITIATIVES]
