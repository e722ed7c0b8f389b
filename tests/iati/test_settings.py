"""The IATI settings refuse values that would make every file wrong."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from sscportal.configuration.env import env_choice
from sscportal.configuration.iati import IATI_ORGANISATION_TYPES, iati_organisation_identifier


@pytest.mark.parametrize("value", ["XI-IATI-SSCPORTAL", "XM-DAC-41119", "GB-COH-01234567"])
def test_organisation_identifiers_are_taken(value):
    assert iati_organisation_identifier("IATI_REPORTING_ORG_REF", value) == value


@pytest.mark.parametrize("value", ["", "SSCPORTAL", "XM-DAC 41119", "XM/DAC-1", "XM-DAC-1?", "-X"])
def test_what_is_not_an_organisation_identifier_is_refused_by_name(value):
    with pytest.raises(ImproperlyConfigured, match="IATI_REPORTING_ORG_REF"):
        iati_organisation_identifier("IATI_REPORTING_ORG_REF", value)


def test_the_type_is_a_code_of_the_organisation_type_codelist(monkeypatch):
    monkeypatch.setenv("IATI_REPORTING_ORG_TYPE", "41")
    with pytest.raises(ImproperlyConfigured, match="IATI_REPORTING_ORG_TYPE"):
        env_choice("IATI_REPORTING_ORG_TYPE", "90", IATI_ORGANISATION_TYPES)
    monkeypatch.setenv("IATI_REPORTING_ORG_TYPE", "40")
    assert env_choice("IATI_REPORTING_ORG_TYPE", "90", IATI_ORGANISATION_TYPES) == "40"
