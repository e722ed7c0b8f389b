"""/iati/organisations.xml: one IATI 2.03 organisation per published organization."""

import pytest

from initiatives.models import Organization

from .. import factories
from .iati_checks import XML_LANG, parse, schema_errors

pytestmark = pytest.mark.django_db

URL = "/iati/organisations.xml"
SCHEMA = "iati-organisations-schema.xsd"


def get_document(client, query=""):
    response = client.get(f"{URL}{query}")
    assert response.status_code == 200, response.content
    assert response.streaming
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return parse(b"".join(response.streaming_content))


def test_the_demo_organizations_are_valid_against_the_iati_schema(client, demo_content):
    document = get_document(client)
    assert schema_errors(document, SCHEMA) == []
    assert document.get("version") == "2.03"
    identifiers = [o.findtext("organisation-identifier") for o in document]
    published = Organization.objects.published()
    assert len(identifiers) == published.count() > 0
    assert sorted(identifiers) == sorted(f"XI-IATI-SSCPORTAL-{o.key}" for o in published)


def test_names_in_both_languages_and_the_site_as_reporting_organisation(client, settings):
    settings.IATI_REPORTING_ORG_REF = "XM-DAC-41114"
    factories.OrganizationFactory(key="sesric", name_en="SESRIC", name_ar="سيسرك")
    factories.OrganizationFactory(key="draft", name_en="Not yet", status="draft")
    document = get_document(client)
    [organisation] = document
    assert organisation.findtext("organisation-identifier") == "XM-DAC-41114-sesric"
    names = {n.get(XML_LANG): n.text for n in organisation.find("name").findall("narrative")}
    assert names == {"en": "SESRIC", "ar": "سيسرك"}
    assert organisation.find("reporting-org").get("ref") == "XM-DAC-41114"
    assert schema_errors(document, SCHEMA) == []


def test_the_organizations_list_filters_apply(client):
    factories.OrganizationFactory(key="gov", kind="government")
    factories.OrganizationFactory(key="un", kind="un-entity")
    document = get_document(client, "?kind=government")
    assert [o.findtext("organisation-identifier") for o in document] == ["XI-IATI-SSCPORTAL-gov"]
    response = client.get(f"{URL}?kind=pirate")
    assert response.status_code == 400
    assert "kind=pirate" in response.content.decode()
