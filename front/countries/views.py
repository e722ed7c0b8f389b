"""Country pages: everything published about one country, from every content app."""

import datetime
from functools import reduce
from operator import or_
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi, ngettext
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from events.models import Event
from initiatives.filters import CountryFilterForm
from initiatives.models import (
    Country,
    CountryGroup,
    CountryRole,
    Initiative,
    InitiativeCountry,
    InitiativeSector,
    Modality,
    Region,
    SustainableDevelopmentGoal,
    member_on,
)
from sscportal import content_types
from sscportal.caching.values import EVERY_LANGUAGE, until_content_changes
from sscportal.operations.errors import ExplainedHttp404
from sscportal.text.collation import by_name
from sscportal.text.languages import every_language, shown
from sscportal.visibility import public
from statements.mentions import mentioned_in
from statements.models import Statement

from ..opendata.links import OpenDataLinksMixin, feed
from . import charts, world_map

# A country page shows this many initiatives per role and links to the full list.
ROLE_PREVIEW = 20
# ... and this many of the initiatives that name its region.
REGION_PREVIEW = 10

FLAGS = settings.BASE_DIR / "static" / "vendor" / "flag-icons" / "4x3"


def _published_links():
    return public(InitiativeCountry.objects)


def countries_with_published_content():
    """Countries that some public item concerns (each type declares how): the
    index, the home page's count and the sitemap agree."""
    # EXISTS stops at a country's first row, where counting would walk all of
    # a big country's links (seconds at 100,000 initiatives).
    concerned = [
        Exists(ct.public_items().filter(**{ct.countries: OuterRef("pk")}))
        for ct in content_types.registered()
        if ct.countries
    ]
    return Country.objects.filter(reduce(or_, concerned))


def by_region_and_name(countries):
    """Countries by M49 region number, then in the reader's alphabetical order."""
    # A country without a region (none today) comes last, under "Other".
    return by_name(countries, first=lambda c: c.region.m49 if c.region else 10_000)


def _counts_by(queryset, field):
    """{value of `field`: rows}, in one GROUP BY (not a count per value)."""
    return dict(queryset.order_by().values_list(field).annotate(n=Count("*")))


def _initiative_counts():
    return until_content_changes(
        "country-initiative-counts",
        lambda: _counts_by(_published_links(), "country"),
        language=EVERY_LANGUAGE,
    )


class CountryListView(OpenDataLinksMixin, TemplateView):
    template_name = "front/countries/country_list.html"
    # The page shows them all; its download and API take these filters.
    filter_form = CountryFilterForm
    open_data = "countries"
    # Countries with initiatives, events or resources: statements have no
    # countries of their own (sscportal/caching/pages.py, page_dependencies).
    independent_of = (Statement,)

    @staticmethod
    def public_items():
        return countries_with_published_content().order_by("iso2")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Map and lists are the same for every reader of a language until content
        # changes: built once per language and content version, then served as HTML
        # (rendering 250 countries' names and counts cost most of the page).
        context["index"] = until_content_changes("countries-index", _index, language=get_language())
        return context


def _index():
    countries = by_region_and_name(
        countries_with_published_content().select_related("region", "subregion")
    )
    initiatives = _initiative_counts()
    events = until_content_changes(
        "country-event-counts",
        lambda: _counts_by(Event.objects.published(), "country"),
        language=EVERY_LANGUAGE,
    )
    groups = {}
    for country in countries:
        # Written here once rather than by the template: 250 countries' counts
        # through {% blocktranslate %} took a third of the cold render.
        country.url = country.get_absolute_url()
        country.counts = _counts_text(initiatives.get(country.pk, 0), events.get(country.pk, 0))
        groups.setdefault(country.region, []).append(country)
    return {
        "map": _world_map(countries, initiatives),
        "areas": _areas(),
        "lists": render_to_string(
            "front/countries/country_index_lists.html", {"groups": groups.items()}
        ),
    }


def _areas():
    """Every region (with its sub-regions) and every country group, linked: the
    index and its map lead to their pages, where regional initiatives are listed."""
    regions = list(Region.objects.order_by("m49"))
    top = [
        (region, by_name(sub for sub in regions if sub.parent_id == region.pk))
        for region in by_name(region for region in regions if region.parent_id is None)
    ]
    return render_to_string(
        "front/countries/areas.html",
        {"regions": top, "groups": by_name(CountryGroup.objects.all())},
    )


def _counts_text(initiatives, events):
    """ "12 initiatives, 3 events" in the page's language; a zero is not mentioned,
    unless both are (a country listed for its statements or resources)."""
    parts = []
    if initiatives or not events:
        parts.append(
            ngettext("%(counter)s initiative", "%(counter)s initiatives", initiatives)
            % {"counter": initiatives}
        )
    if events:
        parts.append(
            ngettext("%(counter)s event", "%(counter)s events", events) % {"counter": events}
        )
    return ("، " if get_language_bidi() else ", ").join(parts)


def _world_map(countries, initiative_counts):
    """The index's map as HTML: every country with content a link, shaded by initiatives."""
    drawn = world_map.world()
    limits = world_map.shade_limits(initiative_counts.values())
    linked, with_content = [], set()
    for country in countries:
        code = str(country.m49)
        if code not in drawn["shapes"] and code not in drawn["dots"]:
            continue
        with_content.add(code)
        count = initiative_counts.get(country.pk, 0)
        linked.append(
            {
                "url": country.url,
                "label": ngettext(
                    "%(country)s: %(count)s initiative", "%(country)s: %(count)s initiatives", count
                )
                % {"country": shown(country, "name").text, "count": count},
                "shade": world_map.shade_of(count, limits),
                "shape": drawn["shapes"].get(code, {}).get("d"),
                "dot": drawn["dots"].get(code),
            }
        )
    # Everything without content is one path: one element instead of a hundred.
    land = "".join(
        shape["d"] for code, shape in drawn["shapes"].items() if code not in with_content
    )
    return render_to_string(
        "front/countries/world_map.html",
        {
            "width": drawn["width"],
            "height": drawn["height"],
            "land": land + drawn["unnamed"],
            "linked": linked,
            "legend": world_map.legend(limits, any(c["shade"] == 0 for c in linked)),
        },
    )


class CountryDetailView(DetailView):
    template_name = "front/countries/country_detail.html"
    context_object_name = "country"
    # Statements are shown here by the country they concern, and a change to
    # one renews only its countries' pages (statements/content.py, country_pages).
    independent_of = (Statement,)
    country_code_kwarg = "code"

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        # Country codes in URLs are lower case; anything else is not a page of ours.
        if len(code) != 2 or not code.isalpha() or not code.islower():
            raise ExplainedHttp404(
                _("Country codes in addresses are two lower-case letters, e.g. /countries/ke/.")
            )
        return get_object_or_404(
            Country.objects.select_related("region", "subregion"), iso2=code.upper()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.object
        # Reference data: kept with the content version like every other piece of the page.
        # Model instances in code order: the template picks their names' language.
        # The groups it is in today: Bhutan is no longer a least developed country.
        today = datetime.date.today()
        context["groups"] = until_content_changes(
            f"country-groups:{country.pk}:{today}",
            lambda: list(
                CountryGroup.objects.filter(
                    member_on(today, prefix="memberships__"), memberships__country=country
                ).order_by("code")
            ),
            language=EVERY_LANGUAGE,
        )
        if (FLAGS / f"{country.iso2.lower()}.svg").exists():
            context["flag"] = static(f"vendor/flag-icons/4x3/{country.iso2.lower()}.svg")
        context["locator"] = world_map.locator(country.m49)
        context["locator_code"] = str(country.m49)
        published = Initiative.objects.published()
        of_country = published.filter(country_roles__country=country)
        context["charts"] = until_content_changes(
            f"country-charts:{country.pk}", lambda: _charts(of_country), language=get_language()
        )
        # Currency codes, totals and counts: the same in every language.
        context["budgets"] = until_content_changes(
            f"country-budgets:{country.pk}", lambda: _budgets(of_country), language=EVERY_LANGUAGE
        )
        in_region = published.naming_areas_of(country, today)
        context["region_count"] = until_content_changes(
            f"country-region-count:{country.pk}", in_region.count, language=EVERY_LANGUAGE
        )
        context["region_initiatives"] = in_region.for_list().order_by("-start_date", "slug")[
            :REGION_PREVIEW
        ]
        # Decided from the cached count: asking the preview its length would load it again.
        context["region_has_more"] = context["region_count"] > REGION_PREVIEW
        in_country = _published_links().filter(country=country)
        counts = until_content_changes(
            f"country-role-counts:{country.pk}",
            lambda: _counts_by(in_country, "role"),
            language=EVERY_LANGUAGE,
        )
        context["roles"] = [
            {
                "role": role,
                "count": counts.get(role.value, 0),
                # Both conditions in one filter(): the same country row has the role.
                "initiatives": published.filter(
                    country_roles__country=country, country_roles__role=role
                ).order_by("-start_date", "slug")[:ROLE_PREVIEW],
            }
            for role in CountryRole
        ]
        context["initiative_count"] = sum(counts.values())
        context["events"] = Event.objects.published().for_list().filter(country=country)[:20]
        # Made at an event it hosted; those that name it are under "mentioned_in".
        # Never guessed from where the speaking organization has its seat: a UN
        # body seated in Paris does not speak for France.
        context["statements"] = (
            Statement.objects.published().for_list().filter(event__country=country)[:20]
        )
        context["mentioned_in"] = mentioned_in(countries=country)
        code = country.iso2.lower()
        context["feeds"] = [
            feed("initiatives", _("Initiatives"), country=code),
            feed("events", _("Events"), country=code),
        ]
        # Its events to subscribe to once (front/events/calendar.py).
        context["calendar_url"] = reverse("countries:country_calendar", args=[code])
        return context


def _budgets(initiatives):
    """[(currency, total, initiatives)] of the initiatives with a budget, one line per
    currency: amounts in different currencies are never added together."""
    rows = (
        initiatives.exclude(budget_amount=None)
        .order_by()
        .values_list("budget_currency")
        .annotate(total=Sum("budget_amount"), n=Count("pk"))
        .order_by("budget_currency")
    )
    return list(rows)


def _by_sector(chosen):
    """[(code, name in the reader's language, initiatives)] by sector code, in one query."""
    columns = every_language("name")
    rows = (
        InitiativeSector.objects.filter(initiative__in=chosen)
        .values_list("sector__code", *(f"sector__{column}" for column in columns))
        .annotate(n=Count("pk"))
        .order_by("sector__code")
    )
    return [
        (code, shown(SimpleNamespace(**dict(zip(columns, names, strict=True))), "name").text, n)
        for code, *names, n in rows
    ]


def _charts(initiatives):
    """The country's initiatives by goal, by year and by modality, as charts."""
    rtl = get_language_bidi()
    chosen = initiatives.order_by().values("pk")
    links = SustainableDevelopmentGoal.initiatives.through.objects.filter(initiative__in=chosen)
    # The goals' names come with their counts: one query, not two.
    columns = every_language("name")
    by_goal = (
        links.values_list(
            "sustainabledevelopmentgoal",
            *(f"sustainabledevelopmentgoal__{column}" for column in columns),
        )
        .annotate(n=Count("pk"))
        .order_by("sustainabledevelopmentgoal")
    )
    # A goal's name falls back to another language, as everywhere.
    goals = [
        (number, shown(SimpleNamespace(**dict(zip(columns, names, strict=True))), "name").text, n)
        for number, *names, n in by_goal
    ]
    by_year = dict(
        initiatives.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values_list("year")
        .annotate(n=Count("pk"))
    )
    undated = by_year.pop(None, 0)
    sectors = _by_sector(chosen)
    by_modality = dict(initiatives.order_by().values_list("modality").annotate(n=Count("pk")))
    year_note = (
        ngettext(
            "%(count)s initiative has no start date.",
            "%(count)s initiatives have no start date.",
            undated,
        )
        % {"count": undated}
        if undated
        else ""
    )
    drawn = [
        charts.Chart(
            id="chart-sdg",
            title=_("Initiatives by Sustainable Development Goal"),
            label_heading=_("Goal"),
            bars=[charts.Bar(f"{number}. {name}", n) for number, name, n in goals],
            rtl=rtl,
        ),
        charts.Chart(
            id="chart-year",
            title=_("Initiatives by year they started"),
            label_heading=_("Year"),
            bars=[charts.Bar(str(year), n) for year, n in sorted(by_year.items())],
            rtl=rtl,
            note=year_note,
        ),
        charts.Chart(
            id="chart-sector",
            title=_("Initiatives by sector"),
            label_heading=_("Sector"),
            bars=[charts.Bar(f"{code} {name}", n) for code, name, n in sectors],
            rtl=rtl,
            note=_("OECD DAC sector categories; an initiative may have several."),
        ),
        charts.Chart(
            id="chart-modality",
            title=_("Initiatives by modality"),
            label_heading=_("Modality"),
            bars=[
                charts.Bar(str(label), by_modality[value])
                for value, label in Modality.choices
                if by_modality.get(value)
            ],
            rtl=rtl,
        ),
    ]
    return [charts.layout(chart) for chart in drawn if chart.bars]
