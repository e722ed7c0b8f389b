"""The country names of the committed fixture: the upstream errors stay corrected."""

import json
import re

import pytest

from initiatives.country_names import apply_name_overrides, name_overrides
from initiatives.models import Country
from initiatives.reference_data import FIXTURE_PATH, load_countries

FIXTURE_COUNTRIES = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))["countries"]
ARABIC_NAMES = [(country["iso2"], country["name"]["ar"]) for country in FIXTURE_COUNTRIES]


def _doubled_word(name):
    words = name.split()
    return any(first == second for first, second in zip(words, words[1:], strict=False))


@pytest.mark.parametrize(("iso2", "name"), ARABIC_NAMES)
def test_every_arabic_country_name_is_arabic_text_without_upstream_defects(iso2, name):
    assert name, f"{iso2} has no Arabic name"
    assert not re.search("[A-Za-z]", name), f"{iso2}: Latin letters in {name!r}"
    assert "_" not in name, f"{iso2}: underscore in {name!r}"
    assert not _doubled_word(name), f"{iso2}: doubled word in {name!r}"


def test_no_english_country_name_has_an_underscore_or_a_doubled_word():
    for country in FIXTURE_COUNTRIES:
        name = country["name"]["en"]
        assert "_" not in name and not _doubled_word(name), country["iso2"]


def test_the_fixture_has_every_reviewed_override_and_each_says_why():
    by_code = {country["iso2"]: country for country in FIXTURE_COUNTRIES}
    for override in name_overrides():
        assert override["reason"].strip(), override
        assert by_code[override["iso2"]]["name"][override["field"]] == override["value"]


def test_the_reported_names_are_corrected():
    names = {country["iso2"]: country["name"] for country in FIXTURE_COUNTRIES}
    assert names["TF"]["ar"] == "الأراضي الفرنسية الجنوبية"
    assert names["IO"]["ar"] == "إقليم المحيط الهندي البريطاني"
    assert names["UM"]["ar"] == "جزر الولايات المتحدة الصغيرة النائية"
    assert names["NR"] == {"en": "Nauru", "ar": "ناورو"}
    assert names["TW"]["ar"] == "تايوان، مقاطعة الصين"


def test_an_override_for_a_country_upstream_no_longer_lists_is_an_error():
    countries = [{"iso2": "EG", "name": {"en": "Egypt", "ar": "مصر"}}]
    override = {"iso2": "XX", "field": "ar", "value": "س", "reason": "test"}
    with pytest.raises(ValueError, match="XX"):
        apply_name_overrides(countries, [override])


@pytest.mark.django_db
def test_loading_the_reference_data_corrects_a_database_loaded_before_the_fix():
    Country.objects.filter(iso2="TF").update(name_ar="الأراضي الفرنسية الجنوبية الجنوبية")
    Country.objects.filter(iso2="NR").update(name_en="Naoero")
    load_countries()
    assert Country.objects.get(iso2="TF").name_ar == "الأراضي الفرنسية الجنوبية"
    assert Country.objects.get(iso2="NR").name_en == "Nauru"
