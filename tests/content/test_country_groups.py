"""Country groups with dated memberships, sectors, and the identifiers' shape."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from initiatives.models import (
    Country,
    CountryGroup,
    CountryGroupMembership,
    Initiative,
    InitiativeCountry,
    InitiativeGroup,
    Organization,
    Sector,
    member_on,
    percentages_problem,
)
from initiatives.reference_data import load_country_groups, load_sectors
from tests.factories import InitiativeFactory, OrganizationFactory, country

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def members(code, day=TODAY):
    rows = CountryGroupMembership.objects.filter(member_on(day), group__code=code)
    return set(rows.values_list("country__iso2", flat=True))


def test_every_group_the_site_names_is_loaded_with_both_names_and_its_source():
    groups = {group.code: group for group in CountryGroup.objects.all()}
    assert {"ldc", "lldc", "sids", "oic", "g77", "au", "las", "asean", "global-south"} <= set(
        groups
    )
    for group in groups.values():
        assert group.name_en and group.name_ar and group.source and group.source_url, group.code


@pytest.mark.parametrize(
    ("code", "count"),
    [("lldc", 32), ("oic", 57), ("g77", 134), ("au", 55), ("las", 22), ("asean", 11)],
)
def test_each_list_has_its_number_of_members_today(code, count):
    assert len(members(code)) == count


def test_the_ldc_list_held_44_countries_after_sao_tome_and_principe_graduated():
    assert len(members("ldc", datetime.date(2024, 12, 13))) == 44
    assert len(members("ldc", datetime.date(2024, 12, 12))) == 45


def test_bhutan_was_a_least_developed_country_until_december_2023():
    assert "BT" in members("ldc", datetime.date(2020, 6, 1))
    assert "BT" in members("ldc", datetime.date(2023, 12, 12))
    assert "BT" not in members("ldc", datetime.date(2023, 12, 13))
    assert "BT" not in members("ldc")
    assert "VU" not in members("ldc", datetime.date(2021, 1, 1))
    assert "ST" in members("ldc", datetime.date(2024, 1, 1)) and "ST" not in members("ldc")


def test_timor_leste_is_in_asean_from_october_2025():
    assert "TL" in members("asean")
    assert "TL" not in members("asean", datetime.date(2025, 10, 25))
    assert len(members("asean", datetime.date(2025, 1, 1))) == 10


def test_the_global_south_is_the_group_of_77_and_china():
    assert members("global-south") == members("g77") | {"CN"}
    assert "CN" not in members("g77")


def test_loading_groups_twice_changes_nothing_and_repairs_a_stray_membership():
    before = list(CountryGroupMembership.objects.order_by("pk").values())
    stray = CountryGroupMembership.objects.create(
        group=CountryGroup.objects.get(code="asean"), country=country("FR")
    )
    load_country_groups()
    assert not CountryGroupMembership.objects.filter(pk=stray.pk).exists()
    after = list(CountryGroupMembership.objects.order_by("pk").values())
    assert len(after) == len(before)


def test_every_sector_category_has_both_names():
    assert load_sectors() == Sector.objects.count() >= 45
    agriculture = Sector.objects.get(code="311")
    assert (agriculture.name_en, agriculture.name_ar) == ("Agriculture", "الزراعة")
    assert not Sector.objects.filter(name_ar="").exists()


@pytest.mark.parametrize(
    ("shares", "ok"),
    [
        ([], True),
        ([None, None], True),
        ([Decimal("60"), Decimal("40")], True),
        ([Decimal("33.33"), Decimal("33.33"), Decimal("33.34")], True),
        ([Decimal("60"), None], True),
        ([Decimal("60"), Decimal("30")], False),
        ([Decimal("100"), Decimal("1")], False),
    ],
)
def test_sector_percentages_given_for_all_add_up_to_100(shares, ok):
    assert (percentages_problem(shares) is None) == ok


@pytest.mark.parametrize(
    ("identifier", "ok"),
    [
        ("XM-DAC-41119", True),
        ("GB-COH-01234567", True),
        ("XI-IATI-EC_INTPA", True),
        ("41119", False),
        ("xm-dac-41119", False),
        ("XM-DAC", False),
        ("XM-DAC-41 119", False),
        ("XM-DAC-4111/9", False),
    ],
)
def test_an_organisation_identifier_has_the_iati_shape(identifier, ok):
    organization = OrganizationFactory.build(identifier=identifier)
    if ok:
        organization.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            organization.full_clean()
        assert "identifier" in error.value.message_dict


def test_an_initiative_identifier_has_the_iati_shape_and_is_optional():
    InitiativeFactory.build(identifier="").full_clean(exclude=["status"])
    InitiativeFactory.build(identifier="XM-DAC-41119-SSC-001").full_clean(exclude=["status"])
    with pytest.raises(ValidationError):
        InitiativeFactory.build(identifier="SSC 001").full_clean(exclude=["status"])


def test_two_organizations_cannot_share_an_identifier_but_may_both_have_none():
    OrganizationFactory(identifier="XM-DAC-41119")
    OrganizationFactory(identifier="")
    OrganizationFactory(identifier="")
    with pytest.raises(ValidationError):
        OrganizationFactory.build(identifier="XM-DAC-41119").validate_constraints()
    assert Organization.objects.filter(identifier="").count() == 2


def _initiative_in(*codes, start=None, planned=None):
    initiative = InitiativeFactory(start_date=start, planned_start_date=planned)
    for code in codes:
        InitiativeCountry.objects.create(initiative=initiative, country=country(code))
    return initiative


def test_members_filter_reads_memberships_on_the_initiatives_start():
    # Where the date matters: `members=1` asks whether the initiative's countries were
    # all in the group on its start (else planned start, else today).
    in_2020 = _initiative_in("BT", "NP", start=datetime.date(2020, 3, 1))
    in_2024 = _initiative_in("BT", "NP", start=datetime.date(2024, 3, 1))
    planned_2019 = _initiative_in("BT", planned=datetime.date(2019, 1, 1))
    undated = _initiative_in("BT")
    found = set(Initiative.objects.in_group("ldc", members=True))
    assert in_2020 in found and planned_2019 in found
    assert in_2024 not in found and undated not in found


def test_without_members_only_initiatives_naming_the_group_count():
    named = InitiativeFactory()
    InitiativeGroup.objects.create(
        initiative=named, group=CountryGroup.objects.get(code="oic"), role="recipient"
    )
    all_members = _initiative_in("TR", "SN")
    one_outsider = _initiative_in("TR", "FR")
    assert set(Initiative.objects.in_group("oic")) == {named}
    assert set(Initiative.objects.in_group("oic", members=True)) == {named, all_members}
    assert one_outsider not in Initiative.objects.in_group("oic", members=True)


def test_a_country_lists_only_the_groups_it_is_in_today():
    from initiatives.content import COUNTRIES

    bhutan = Country.objects.prefetch_related("memberships__group").get(iso2="BT")
    groups = COUNTRIES.exchange.item(bhutan)["groups"]
    assert "lldc" in groups and "ldc" not in groups
