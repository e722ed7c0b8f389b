import pytest
from django.db import connection

from initiatives.models import Country, Region
from initiatives.reference_data import load_countries, load_goals

pytestmark = pytest.mark.django_db


def test_every_fixture_country_is_loaded_with_codes_and_both_names():
    egypt = Country.objects.select_related("region", "subregion").get(iso2="EG")
    assert (egypt.iso3, egypt.m49) == ("EGY", 818)
    assert (egypt.name_en, egypt.name_ar) == ("Egypt", "مصر")
    assert egypt.region.name_en == "Africa" and egypt.region.name_ar == "أفريقيا"
    assert egypt.subregion.name_ar == "شمال أفريقيا"
    assert egypt.income_group == "lower-middle"
    assert Country.objects.count() == 249


def test_every_region_has_an_arabic_name():
    assert Region.objects.count() == 22
    assert not Region.objects.filter(name_ar="").exists()


def test_loading_twice_changes_nothing():
    before = list(Country.objects.order_by("iso2").values())
    load_countries()
    assert list(Country.objects.order_by("iso2").values()) == before


def test_database_has_a_utf8_character_type():
    # With a C ctype pg_trgm treats Arabic letters as non-word characters.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database"
            " WHERE datname = current_database()"
        )
        encoding, ctype = cursor.fetchone()
    assert encoding == "UTF8"
    assert "utf" in ctype.lower().replace("-", "")


def test_the_seventeen_goals_are_loaded_in_both_languages():
    assert load_goals() == 17
    from initiatives.models import SustainableDevelopmentGoal

    goals = SustainableDevelopmentGoal.objects.order_by("number")
    assert [g.number for g in goals] == list(range(1, 18))
    assert goals.get(number=13).name_ar == "العمل المناخي"
