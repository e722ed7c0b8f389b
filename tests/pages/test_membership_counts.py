"""The list's filters and counts from precomputed memberships give what the
links give: compared, on a generated corpus and random filter combinations,
with the ORM rules the list used before (InitiativeQuerySet.in_region,
in_group, joins through links)."""

import datetime
import random

import pytest
from django.core.management import call_command
from django.db.models import Exists, OuterRef
from django.http import QueryDict

from exchange import corpus
from initiatives.facets import facet_counts
from initiatives.filters import InitiativeFilterForm
from initiatives.models import (
    Country,
    CountryGroup,
    Initiative,
    InitiativeGroup,
    InitiativeMembership,
    InitiativeRegion,
    InitiativeSector,
    Modality,
    Region,
    Sector,
    Stage,
)

from .. import factories

pytestmark = pytest.mark.django_db


def linked_filter(queryset, data):
    """The initiatives filtered by `data` through their links, as the list did
    before memberships (the reference the memberships must match)."""
    if "country" in data:
        joined = queryset.filter(country_roles__country__iso2=data["country"].upper())
        queryset = queryset.filter(pk__in=joined.values("pk"))
    if "region" in data:
        queryset = queryset.in_region(data["region"])
    if "group" in data:
        queryset = queryset.in_group(data["group"], members=data.get("members") == "1")
    if "sector" in data:
        shares = InitiativeSector.objects.filter(
            sector__code=data["sector"], initiative=OuterRef("pk")
        )
        queryset = queryset.filter(Exists(shares))
    if "sdg" in data:
        queryset = queryset.filter(sdgs__number=data["sdg"])
    if "modality" in data:
        queryset = queryset.filter(modality=data["modality"])
    if "stage" in data:
        queryset = queryset.filter(stage=data["stage"])
    return queryset


def options():
    """Every option of each counted filter, as the form takes it."""
    return {
        "country": [c.lower() for c in Country.objects.values_list("iso2", flat=True)],
        "region": [str(m49) for m49 in Region.objects.values_list("m49", flat=True)],
        "group": list(CountryGroup.objects.values_list("code", flat=True)),
        "sector": list(Sector.objects.values_list("code", flat=True)),
        "sdg": [str(n) for n in range(1, 18)],
        "modality": list(Modality.values),
        "stage": list(Stage.values),
    }


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


@pytest.fixture
def generated():
    corpus.generate(
        initiatives=300, events=1, statements=1, organizations=5, log=lambda *a: None,
        linked_names=False,
    )  # fmt: skip
    # Saves after the bulk writes: their rows follow.
    for initiative in Initiative.objects.order_by("pk")[:10]:
        initiative.status = "draft"
        initiative.save()
    # Undated initiatives, read on today's memberships; one in Bhutan, which
    # left the least developed countries in 2023; one naming a group.
    for n, codes in enumerate([("BT", "NP"), ("NP", "ET"), ("ET",), ("ET", "UG")]):
        undated = factories.InitiativeFactory(
            slug=f"undated-{n}", start_date=None, planned_start_date=None, end_date=None
        )
        for code in codes:
            factories.InitiativeCountryFactory(
                initiative=undated, country=Country.objects.get(iso2=code)
            )
    InitiativeGroup.objects.create(
        initiative=Initiative.objects.get(slug="undated-3"),
        group=CountryGroup.objects.get(code="lldc"),
        role="recipient",
    )
    InitiativeRegion.objects.create(
        initiative=Initiative.objects.get(slug="undated-0"),
        region=Region.objects.get(m49=34),  # Southern Asia, in Asia
        role="recipient",
    )


def test_filters_and_counts_match_the_links_on_random_combinations(generated):
    published = Initiative.objects.published()
    choices = options()
    # Each option's initiatives through the links, once.
    linked = {
        (name, value, members): ids(linked_filter(published, {name: value, "members": members}))
        for name, values in choices.items()
        for value in values
        for members in (("", "1") if name == "group" else ("",))
    }
    rng = random.Random(29)
    combinations = [{}, {"members": "1"}]
    for _ in range(30):
        names = rng.sample(sorted(choices), rng.randrange(1, 4))
        data = {}
        for name in names:
            # Mostly options that give something, so the intersections are not all empty.
            given = [v for v in choices[name] if linked[(name, v, "")]] or choices[name]
            data[name] = rng.choice(given)
        if "group" in data and rng.random() < 0.5:
            data["members"] = "1"
        combinations.append(data)
    for data in combinations:
        query = QueryDict(mutable=True)
        query.update(data)
        form = InitiativeFilterForm(query)
        assert not form.ignored, data
        cleaned = form.active
        assert ids(form.filter(published)) == ids(linked_filter(published, cleaned)), data
        counts = facet_counts(form, published)
        for name, values in choices.items():
            others = ids(linked_filter(published, {k: v for k, v in cleaned.items() if k != name}))
            members = cleaned.get("members", "") if name == "group" else ""
            expected = {v: len(others & linked[(name, v, members)]) for v in values}
            expected = {v: n for v, n in expected.items() if n}
            assert counts[name] == expected, (data, name)


def test_saves_of_links_and_reference_data_rewrite_the_rows(db):
    kenya = factories.country("KE")
    initiative = factories.InitiativeFactory(slug="one", start_date=datetime.date(2020, 1, 1))

    def rows(facet):
        return set(
            InitiativeMembership.objects.filter(initiative=initiative, facet=facet).values_list(
                "value", flat=True
            )
        )

    factories.InitiativeCountryFactory(initiative=initiative, country=kenya)
    assert rows("c") == {"KE"} and rows("r") == {"2", "202"}  # Africa, Sub-Saharan Africa
    initiative.sdgs.set([3, 5])
    assert rows("s") == {"3", "5"}
    # A country moved to another region takes its initiatives with it.
    kenya.subregion = Region.objects.get(m49=15)  # Northern Africa
    kenya.save()
    assert rows("r") == {"2", "15"}
    # A group's membership dated after the initiative's start does not count.
    group = CountryGroup.objects.get(code="lldc")
    group.memberships.create(country=kenya, joined=datetime.date(2021, 1, 1))
    assert "lldc" not in rows("m")
    group.memberships.filter(country=kenya).update(joined=datetime.date(2019, 1, 1))
    group.memberships.get(country=kenya).save()
    assert "lldc" in rows("m") and "lldc" not in rows("g")
    initiative.modality = "triangular"
    initiative.save()
    assert rows("mo") == {"triangular"}
    initiative.country_roles.all().delete()
    assert rows("c") == set() and rows("m") == set()
    initiative.delete()
    assert not InitiativeMembership.objects.exists()


def test_the_command_rebuilds_what_bulk_writes_left_out(db):
    initiative = factories.InitiativeFactory(slug="one")
    factories.InitiativeCountryFactory(initiative=initiative, country=factories.country("KE"))
    before = set(InitiativeMembership.objects.values_list("initiative", "facet", "value"))
    InitiativeMembership.objects.all().delete()
    call_command("refresh_memberships", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = set(InitiativeMembership.objects.values_list("initiative", "facet", "value"))
    assert after == before and ("KE" in {value for _i, _f, value in after})
