import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sscportal.models import (
    HasPublicationStatus,
    Publishable,
    PublishableQuerySet,
    has_text_in_some_language,
    publishable_manager,
)
from sscportal.reader_toolkit.date_range import validate_in_range
from sscportal.search.columns import linked_names, search_document, search_indexes, search_text
from sscportal.text.languages import default_language, shown


class Region(models.Model):
    """A UN M49 region (Africa, Asia...) or sub-region (Western Asia...)."""

    m49 = models.PositiveSmallIntegerField(_("M49 code"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subregions",
    )

    search_document = search_document(a=["name"])
    search_text = search_text("name")

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["m49"]
        indexes = search_indexes("region")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("countries:region_detail", args=[self.code])

    @property
    def code(self):
        """The M49 code as the standard writes it: three digits ("002")."""
        return f"{self.m49:03d}"


class CountryGroup(models.Model):
    """A list of countries that initiatives speak of as one: the UN's least developed
    countries (LDC), landlocked developing countries (LLDC) and small island
    developing States (SIDS), organizations of States (OIC, the African Union...),
    and the Global South as the site defines it. Reference data from
    initiatives/fixtures/country_groups.json, each with its source."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    acronym = models.CharField(_("acronym"), max_length=10, blank=True)
    # What the list is and where it comes from, shown on the group's page.
    definition = models.TextField(_("definition"), blank=True)
    source = models.TextField(_("source"), blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)

    search_document = search_document(a=["name", "acronym"], untranslated=["acronym"])
    search_text = search_text("name")

    class Meta:
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")
        ordering = ["code"]
        indexes = search_indexes("group")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("countries:group_detail", args=[self.code])


def member_on(day, prefix=""):
    """The condition on CountryGroupMembership (through `prefix`) of being a member on `day`.

    A membership without `joined` counts from the start of the group (the
    lists rarely date their founders); one that has `left` ends that day: a
    country that graduates on 13 December 2023 is no longer an LDC on that day.
    """
    return (Q(**{f"{prefix}joined__isnull": True}) | Q(**{f"{prefix}joined__lte": day})) & (
        Q(**{f"{prefix}left__isnull": True}) | Q(**{f"{prefix}left__gt": day})
    )


class CountryGroupMembership(models.Model):
    """A country's time in a group: Bhutan was a least developed country until 13 December 2023."""

    group = models.ForeignKey(
        CountryGroup,
        verbose_name=_("country group"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    country = models.ForeignKey(
        "Country", verbose_name=_("country"), on_delete=models.CASCADE, related_name="memberships"
    )
    joined = models.DateField(_("joined"), null=True, blank=True)
    left = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group", "country"]
        constraints = [
            # One row per stay; a country that left and came back (Morocco and the
            # African Union) keeps its current stay here, the dates of its return.
            models.UniqueConstraint(fields=["group", "country"], name="group_member_once"),
            models.CheckConstraint(
                condition=Q(left__isnull=True) | Q(joined__isnull=True) | Q(left__gt=F("joined")),
                name="membership_left_after_joining",
                violation_error_message=_("A country leaves a group after joining it."),
            ),
        ]

    def __str__(self):
        return f"{self.country} ({self.group})"


class IncomeGroup(models.TextChoices):
    # World Bank classification, as the M49 / OCHA taxonomy gives it.
    LOW = "low", _("Low income")
    LOWER_MIDDLE = "lower-middle", _("Lower-middle income")
    UPPER_MIDDLE = "upper-middle", _("Upper-middle income")
    HIGH = "high", _("High income")


class Country(models.Model):
    """Reference data loaded from the committed M49 fixture, never typed by hand."""

    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    m49 = models.PositiveSmallIntegerField(_("M49 code"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries",
    )
    subregion = models.ForeignKey(
        Region,
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subregion_countries",
    )
    income_group = models.CharField(
        _("income group"), max_length=12, choices=IncomeGroup, blank=True
    )
    # Every group the country is or was in: see CountryGroupMembership for the dates.
    groups = models.ManyToManyField(
        CountryGroup,
        through=CountryGroupMembership,
        blank=True,
        related_name="countries",
        verbose_name=_("country groups"),
    )
    # Names readers use besides the UN's, in any language ("Turkey", "Ivory
    # Coast", "ساحل العاج"), one a line: from reference_data.py, for search.
    other_names = models.TextField(_("other names"), blank=True, default="")

    search_document = search_document(
        a=["name", "other_names", "iso2", "iso3"], untranslated=["other_names", "iso2", "iso3"]
    )
    search_text = search_text("name")

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = [default_language("name")]
        indexes = search_indexes("country")
        constraints = [
            models.CheckConstraint(
                condition=Q(iso2__regex=r"^[A-Z]{2}$"), name="country_iso2_upper"
            ),
            models.CheckConstraint(
                condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_upper"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("countries:country_detail", args=[self.iso2.lower()])


class SustainableDevelopmentGoal(models.Model):
    """The 17 goals of the 2030 Agenda; rows come from a data migration."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17), name="sdg_number_1_to_17"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def label(self):
        """ "3 — Good Health and Well-being", in the reader's language (options, chips)."""
        return f"{self.number} — {shown(self, 'name').text}"


class Sector(models.Model):
    """An OECD DAC sector category (3 digits), as the IATI "SectorCategory" codelist has them.

    Reference data from initiatives/fixtures/sectors.json.
    """

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{3}$", _("Three digits, e.g. 311."))],
    )
    name = models.CharField(_("name"), max_length=200)

    # Downloads write "311 Agriculture": the code is what other data joins on.
    named_with_code = True

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def label(self):
        """ "311 — Agriculture", in the reader's language (options, chips)."""
        return f"{self.code} — {shown(self, 'name').text}"


# An IATI organisation identifier: the registration agency's code (a country
# code or XM/XI, a hyphen, the agency) then a hyphen and the organisation's
# number there, e.g. XM-DAC-41119 or GB-COH-01234567. IATI forbids spaces and
# the characters / & | ? in identifiers, which end up in addresses.
IATI_IDENTIFIER = r"^[A-Z]{2}-[A-Za-z0-9]+-[^\s/&|?]+$"
validate_iati_identifier = RegexValidator(
    IATI_IDENTIFIER,
    _(
        "An IATI identifier is the registration agency's prefix, a hyphen and the "
        "identifier, e.g. XM-DAC-41119, without spaces or the characters / & | ?"
    ),
)


class OrganizationKind(models.TextChoices):
    UN_ENTITY = "un-entity", _("UN entity")
    GOVERNMENT = "government", _("Government")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
    DEVELOPMENT_BANK = "development-bank", _("Development bank")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    PRIVATE_SECTOR = "private-sector", _("Private sector")
    OTHER = "other", _("Other")


class Organization(HasPublicationStatus):
    """A partner: its page and its place in lists are public once a Publisher says so."""

    key = models.SlugField(_("key"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    identifier = models.CharField(
        _("IATI organisation identifier"),
        max_length=150,
        blank=True,
        validators=[validate_iati_identifier],
        help_text=_("e.g. XM-DAC-41119"),
    )

    rich_text_fields = ("description",)
    # Names and acronyms only: what a reader types to find the organization.
    search_document = search_document(a=["name", "acronym"])
    search_text = search_text("name")

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["key"]
        indexes = search_indexes("organization")
        permissions = [("publish_organization", _("Can publish and unpublish organizations"))]
        constraints = [
            has_text_in_some_language("name", "organization_has_name"),
            models.UniqueConstraint(
                fields=["identifier"],
                condition=~Q(identifier=""),
                name="organization_identifier_once",
                violation_error_message=_("Another organization has this identifier."),
            ),
        ]

    def __str__(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("organizations:organization_detail", args=[self.key])


class Modality(models.TextChoices):
    BILATERAL = "bilateral", _("Bilateral South-South")
    TRIANGULAR = "triangular", _("Triangular")
    REGIONAL = "regional", _("Regional")


class Stage(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class InitiativeQuerySet(PublishableQuerySet):
    def for_list(self):
        # The regions joined, not prefetched in a second step: one query whether
        # or not the page shows a regional initiative.
        regions = Prefetch("region_roles", InitiativeRegion.objects.select_related("region"))
        return self.prefetch_related("sdgs", "country_roles__country", regions)

    def in_region(self, m49):
        """Initiatives with a country in the region (or sub-region) `m49`, or naming it,
        or naming one of its sub-regions, as a participant."""
        # IN over the region's few countries and regions: PostgreSQL hashes the
        # matching initiatives once, where EXISTS with an OR across joins ran a
        # subquery per initiative (seconds at 100,000 of them).
        countries = Country.objects.filter(Q(region__m49=m49) | Q(subregion__m49=m49))
        regions = Region.objects.filter(Q(m49=m49) | Q(parent__m49=m49))
        through_countries = InitiativeCountry.objects.filter(country__in=countries)
        named = InitiativeRegion.objects.filter(region__in=regions)
        return self.filter(
            Q(pk__in=through_countries.values("initiative")) | Q(pk__in=named.values("initiative"))
        )

    def naming_areas_of(self, country, today):
        """Initiatives that name the country's region or sub-region, or a group it
        is a member of on `today` (not the country itself): a reader of the
        country's page reaches them from there."""
        regions = [pk for pk in (country.region_id, country.subregion_id) if pk]
        named_region = InitiativeRegion.objects.filter(
            region__in=regions, initiative=OuterRef("pk")
        )
        groups = CountryGroupMembership.objects.filter(member_on(today), country=country)
        named_group = InitiativeGroup.objects.filter(
            group__in=groups.values("group"), initiative=OuterRef("pk")
        )
        return self.filter(Exists(named_region) | Exists(named_group))

    def in_group(self, code, members=False):
        """Initiatives that name the group `code` as a participant; with `members`,
        also those whose countries (one or more) were all in the group on the
        initiative's reference date (Initiative.reference_date)."""
        named = InitiativeGroup.objects.filter(group__code=code)
        condition = Q(pk__in=named.values("initiative"))
        if members:
            condition |= Q(pk__in=Initiative.objects.all_countries_in(code).values("pk"))
        return self.filter(condition)

    def all_countries_in(self, code):
        """Initiatives with countries, every one of them a member of the group `code`
        on the initiative's reference date."""
        today = datetime.date.today()
        on_day = Coalesce("start_date", "planned_start_date", Value(today))
        # A country of the initiative that was not in the group on that day.
        outsider = InitiativeCountry.objects.filter(initiative=OuterRef("pk")).exclude(
            Exists(
                CountryGroupMembership.objects.filter(
                    member_on(OuterRef(OuterRef("on_day"))),
                    group__code=code,
                    country=OuterRef("country"),
                )
            )
        )
        with_countries = InitiativeCountry.objects.filter(initiative=OuterRef("pk"))
        return self.annotate(on_day=on_day).filter(Exists(with_countries)).exclude(Exists(outsider))


class Initiative(Publishable):
    title = models.CharField(_("title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    modality = models.CharField(_("modality"), max_length=12, choices=Modality)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, validators=[validate_in_range]
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, validators=[validate_in_range]
    )
    # What was planned, beside what happened (start_date and end_date): IATI's
    # activity dates of types 1 and 3.
    planned_start_date = models.DateField(
        _("planned start date"), null=True, blank=True, validators=[validate_in_range]
    )
    planned_end_date = models.DateField(
        _("planned end date"), null=True, blank=True, validators=[validate_in_range]
    )
    identifier = models.CharField(
        _("IATI activity identifier"),
        max_length=200,
        blank=True,
        validators=[validate_iati_identifier],
        help_text=_("Leave empty for the one the site derives from its reporting organisation."),
    )
    countries = models.ManyToManyField(
        Country,
        through="InitiativeCountry",
        related_name="initiatives",
        verbose_name=_("countries"),
    )
    partners = models.ManyToManyField(
        Organization,
        through="InitiativePartner",
        related_name="initiatives",
        verbose_name=_("partners"),
    )
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="initiatives",
        verbose_name=_("Sustainable Development Goals"),
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    # A decimal, never a float: amounts are summed and shown to the cent.
    budget_amount = models.DecimalField(
        _("budget"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        help_text=_("ISO 4217 code, e.g. USD"),
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Three capital letters, e.g. USD."))],
    )
    regions = models.ManyToManyField(
        Region,
        through="InitiativeRegion",
        related_name="initiatives",
        verbose_name=_("regions"),
    )
    groups = models.ManyToManyField(
        CountryGroup,
        through="InitiativeGroup",
        related_name="initiatives",
        verbose_name=_("country groups"),
    )
    sectors = models.ManyToManyField(
        Sector,
        through="InitiativeSector",
        related_name="initiatives",
        verbose_name=_("sectors"),
    )

    rich_text_fields = ("description",)
    linked_names = linked_names()
    search_document = search_document(
        a=["title"],
        b=["summary"],
        c=["description"],
        d=["linked_names"],
        html=["description"],
        untranslated=["linked_names"],
    )
    search_text = search_text()
    objects = publishable_manager(InitiativeQuerySet)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        permissions = [("publish_initiative", _("Can publish and unpublish initiatives"))]
        indexes = [
            *search_indexes("initiative"),
            # The public list and search: published, newest first.
            models.Index(fields=["status", "-start_date", "slug"], name="initiative_public_order"),
            # The ids of published initiatives, for counts joined through their links
            # (per country, per goal...): an index-only scan of 2 MB instead of reading
            # the whole table (200 MB at 100,000 initiatives; 86 -> 50 ms per count).
            models.Index(
                fields=["id"],
                condition=models.Q(status="published"),
                name="initiative_published_id",
            ),
        ]
        ordering = ["-start_date", "slug"]
        constraints = [
            has_text_in_some_language("title", "initiative_has_title"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="initiative_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(planned_end_date__isnull=True)
                | Q(planned_start_date__isnull=True)
                | Q(planned_end_date__gte=F("planned_start_date")),
                name="initiative_planned_end_after_start",
                violation_error_message=_(
                    "The planned end date cannot be before the planned start date."
                ),
            ),
            models.UniqueConstraint(
                fields=["identifier"],
                condition=~Q(identifier=""),
                name="initiative_identifier_once",
                violation_error_message=_("Another initiative has this identifier."),
            ),
            # An amount means nothing without its currency, and the reverse.
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True, budget_currency="")
                | (Q(budget_amount__isnull=False, budget_amount__gte=0) & ~Q(budget_currency="")),
                name="initiative_budget_has_currency",
                violation_error_message=_(
                    "A budget needs both an amount (zero or more) and a currency."
                ),
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("initiatives:initiative_detail", args=[self.slug])

    @property
    def dated(self):
        return any((self.start_date, self.end_date, self.planned_start_date, self.planned_end_date))

    @property
    def reference_date(self):
        """The day on which the initiative's countries' group memberships are read.

        Where the date matters: the `members=1` group filter and its counts
        (InitiativeQuerySet.in_group, the MEMBERS rows of membership.py) ask whether
        all of an initiative's countries were in the group on this day: the
        actual start, else the planned start, else today. So an initiative of
        2020 in Bhutan is in an LDC; one starting in 2024 is not.
        """
        return self.start_date or self.planned_start_date or datetime.date.today()


class CountryRole(models.TextChoices):
    PROVIDER = "provider", _("Provider")
    RECIPIENT = "recipient", _("Recipient")
    BOTH = "both", _("Provider and recipient")


class InitiativeCountry(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="country_roles"
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="initiative_roles",
    )
    role = models.CharField(_("role"), max_length=10, choices=CountryRole)

    class Meta:
        verbose_name = _("country and role")
        verbose_name_plural = _("countries and roles")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "country"], name="initiative_country_once"
            ),
        ]

    def __str__(self):
        return f"{self.country} ({self.get_role_display()})"


class InitiativeRegion(models.Model):
    """A whole M49 region or sub-region taking part ("climate-smart agriculture in Africa")."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="region_roles"
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="initiative_roles",
    )
    role = models.CharField(_("role"), max_length=10, choices=CountryRole)

    class Meta:
        verbose_name = _("region and role")
        verbose_name_plural = _("regions and roles")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "region"], name="initiative_region_once"),
        ]

    def __str__(self):
        return f"{self.region} ({self.get_role_display()})"


class InitiativeGroup(models.Model):
    """A whole country group taking part ("across the member states of the OIC")."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="group_roles")
    group = models.ForeignKey(
        CountryGroup,
        verbose_name=_("country group"),
        on_delete=models.PROTECT,
        related_name="initiative_roles",
    )
    role = models.CharField(_("role"), max_length=10, choices=CountryRole)

    class Meta:
        verbose_name = _("country group and role")
        verbose_name_plural = _("country groups and roles")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "group"], name="initiative_group_once"),
        ]

    def __str__(self):
        return f"{self.group} ({self.get_role_display()})"


class InitiativeSector(models.Model):
    """A sector of an initiative, with the share of it, in percent, when known."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="sector_shares"
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="initiative_shares"
    )
    # A decimal, never a float: the shares must add up to exactly 100.
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        verbose_name = _("sector and share")
        verbose_name_plural = _("sectors and shares")
        ordering = ["sector__code"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "sector"], name="initiative_sector_once"),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True) | Q(percentage__gt=0, percentage__lte=100),
                name="initiative_sector_percentage_range",
            ),
        ]

    def __str__(self):
        return str(self.sector)


def percentages_problem(percentages):
    """Why these sector shares cannot stand, or None. Shares may be left out
    altogether; given for every sector, they add up to 100."""
    given = [p for p in percentages if p is not None]
    if given and len(given) == len(percentages) and sum(given) != 100:
        return _("The sectors' percentages add up to %(total)s, not 100.") % {
            "total": f"{sum(given).normalize():f}"
        }
    return None


class PartnerRole(models.TextChoices):
    FUNDER = "funder", _("Funder")
    IMPLEMENTER = "implementer", _("Implementer")
    FACILITATOR = "facilitator", _("Facilitator")


class InitiativePartner(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="partner_roles"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="partner_roles",
    )
    role = models.CharField(_("role"), max_length=12, choices=PartnerRole)

    class Meta:
        verbose_name = _("partner and role")
        verbose_name_plural = _("partners and roles")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organization", "role"], name="initiative_partner_role_once"
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class InitiativeMembership(models.Model):
    """One thing an initiative belongs to, for the list's filters and counts
    (initiatives/membership.py writes these rows from the links; never by hand)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="memberships", db_index=False
    )
    # membership.COUNTRY, REGION, GROUP, MEMBERS, GOAL, SECTOR, MODALITY, STAGE.
    facet = models.CharField(max_length=2)
    # The code the filter takes: "KE", "2", "ldc", "3", "311", "bilateral".
    value = models.CharField(max_length=20)
    # Only for MEMBERS rows of undated initiatives: the days the row holds.
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            # A filter reads one (facet, value) range of initiatives; a count
            # groups one facet's range by value: both from the index alone.
            models.Index(fields=["facet", "value", "initiative"], name="membership_lookup"),
            # Rewriting an initiative's rows finds them.
            models.Index(fields=["initiative"], name="membership_initiative"),
        ]

    def __str__(self):
        return f"{self.initiative_id} {self.facet}={self.value}"
