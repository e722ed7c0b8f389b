"""/iati/activities.xml: the published initiatives as IATI 2.03 activities, valid
against the official schema and the ruleset checks the data can satisfy."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from initiatives.models import Country, Initiative, InitiativePartner, InitiativeRegion, Region

from .. import factories
from .iati_checks import XML_LANG, parse, ruleset_errors, schema_errors, start_date_errors

pytestmark = pytest.mark.django_db

URL = "/iati/activities.xml"
SCHEMA = "iati-activities-schema.xsd"


def get_document(client, query=""):
    response = client.get(f"{URL}{query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return parse(b"".join(response.streaming_content))


def activity_of(document, slug):
    [found] = [
        activity
        for activity in document.iter("iati-activity")
        if activity.findtext("iati-identifier") == f"XI-IATI-SSCPORTAL-{slug}"
    ]
    return found


def narratives(element):
    return {narrative.get(XML_LANG): narrative.text for narrative in element.findall("narrative")}


def test_the_demo_content_is_valid_against_the_iati_schema(client, demo_content):
    document = get_document(client)
    assert schema_errors(document, SCHEMA) == []
    assert ruleset_errors(document, timezone.localdate()) == []
    assert document.get("version") == "2.03"
    assert datetime.datetime.fromisoformat(document.get("generated-datetime")).tzinfo


def test_there_is_one_activity_per_published_initiative(client, demo_content):
    document = get_document(client)
    identifiers = [activity.findtext("iati-identifier") for activity in document]
    published = Initiative.objects.published()
    assert len(identifiers) == published.count() == 4
    assert sorted(identifiers) == sorted(f"XI-IATI-SSCPORTAL-{i.slug}" for i in published)
    draft = Initiative.objects.exclude(status="published").get()
    assert draft.slug not in b"".join(client.get(URL).streaming_content).decode()


def test_the_reporting_organisation_comes_from_the_settings(client, settings):
    settings.IATI_REPORTING_ORG_REF = "XM-DAC-41119"
    settings.IATI_REPORTING_ORG_TYPE = "40"
    settings.IATI_REPORTING_ORG_NAME = {"en": "UNFPA", "ar": "صندوق الأمم المتحدة للسكان"}
    factories.InitiativeCountryFactory(initiative__slug="water")
    activity = get_document(client).find("iati-activity")
    assert activity.findtext("iati-identifier") == "XM-DAC-41119-water"
    reporting = activity.find("reporting-org")
    assert (reporting.get("ref"), reporting.get("type")) == ("XM-DAC-41119", "40")
    assert reporting.get("secondary-reporter") == "1"
    assert narratives(reporting) == {"en": "UNFPA", "ar": "صندوق الأمم المتحدة للسكان"}


def test_texts_are_narratives_in_the_languages_that_have_them(client):
    initiative = factories.InitiativeFactory(
        slug="solar",
        title_en="Solar pumps",
        title_ar="مضخات شمسية",
        summary_en="Short.",
        summary_ar="",
        description_en="<p>Pumps for farms.</p><p>Second paragraph.</p>",
        description_ar="",
    )
    factories.InitiativeCountryFactory(initiative=initiative)
    activity = activity_of(get_document(client), "solar")
    assert narratives(activity.find("title")) == {"en": "Solar pumps", "ar": "مضخات شمسية"}
    description = activity.find("description")
    assert description.get("type") == "1"
    # The long text, as plain text; no Arabic narrative where there is no Arabic.
    assert narratives(description) == {"en": "Pumps for farms.\n\nSecond paragraph."}
    assert activity.get(XML_LANG) == "en"


def test_partner_roles_map_to_iati_organisation_roles(client):
    initiative = factories.InitiativeFactory(slug="roles", modality="triangular")
    brazil = Country.objects.get(iso2="BR")
    factories.InitiativeCountryFactory(initiative=initiative, country=brazil, role="provider")
    for key, role, kind in [
        ("fund", "funder", "government"),
        ("facil", "facilitator", "un-entity"),
        ("impl", "implementer", "civil-society"),
    ]:
        organization = factories.OrganizationFactory(
            key=key, kind=kind, name_en=f"{key} body", name_ar=""
        )
        InitiativePartner.objects.create(
            initiative=initiative, organization=organization, role=role
        )
    hidden = factories.OrganizationFactory(key="hidden", status="draft", name_en="Hidden body")
    InitiativePartner.objects.create(initiative=initiative, organization=hidden, role="funder")

    response = client.get(URL)
    body = b"".join(response.streaming_content)
    activity = activity_of(parse(body), "roles")
    participants = [
        (p.get("ref"), p.get("role"), p.get("type"), narratives(p))
        for p in activity.findall("participating-org")
    ]
    assert participants == [
        ("XI-IATI-SSCPORTAL-fund", "1", "10", {"en": "fund body"}),
        ("XI-IATI-SSCPORTAL-facil", "3", "40", {"en": "facil body"}),
        # Civil society: whether national, regional or international is not known.
        ("XI-IATI-SSCPORTAL-impl", "4", None, {"en": "impl body"}),
        # The providing country, through its government.
        (None, "4", "10", {"en": "Brazil", "ar": "البرازيل"}),
    ]
    assert b"Hidden body" not in body and b"hidden" not in body


@pytest.mark.parametrize(
    "modality, collaboration, scope",
    [("triangular", "8", None), ("bilateral", "1", None), ("regional", None, "2")],
)
def test_the_modality_gives_the_collaboration_type(client, modality, collaboration, scope):
    factories.InitiativeCountryFactory(initiative__slug="m", initiative__modality=modality)
    activity = activity_of(get_document(client), "m")
    found = activity.find("collaboration-type")
    assert (found.get("code") if found is not None else None) == collaboration
    found = activity.find("activity-scope")
    assert (found.get("code") if found is not None else None) == scope


@pytest.mark.parametrize("stage, code", [("planned", "1"), ("ongoing", "2"), ("completed", "4")])
def test_the_stage_gives_the_activity_status(client, stage, code):
    factories.InitiativeCountryFactory(initiative__slug="s", initiative__stage=stage)
    activity = activity_of(get_document(client), "s")
    assert activity.find("activity-status").get("code") == code


def dates_of(activity):
    return [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")]


def test_dates_are_actual_once_passed_and_planned_before(client):
    today = timezone.localdate()
    later = today + datetime.timedelta(days=400)
    factories.InitiativeCountryFactory(
        initiative__slug="done",
        initiative__stage="completed",
        initiative__start_date=datetime.date(2019, 3, 1),
        initiative__end_date=datetime.date(2021, 6, 30),
    )
    factories.InitiativeCountryFactory(
        initiative__slug="running",
        initiative__stage="ongoing",
        initiative__start_date=datetime.date(2022, 1, 1),
        initiative__end_date=later,
    )
    factories.InitiativeCountryFactory(
        initiative__slug="coming",
        initiative__stage="planned",
        initiative__start_date=later,
        initiative__end_date=None,
    )
    document = get_document(client)
    assert dates_of(activity_of(document, "done")) == [("2", "2019-03-01"), ("4", "2021-06-30")]
    assert dates_of(activity_of(document, "running")) == [
        ("2", "2022-01-01"),
        ("3", later.isoformat()),
    ]
    assert dates_of(activity_of(document, "coming")) == [("1", later.isoformat())]
    assert schema_errors(document, SCHEMA) == []
    assert ruleset_errors(document, today) == []
    with_dates = {a.findtext("iati-identifier") for a in document}
    assert start_date_errors(document, with_dates) == []


def test_an_undated_initiative_says_its_date_is_the_records(client):
    factories.InitiativeCountryFactory(
        initiative__slug="undated", initiative__start_date=None, initiative__end_date=None
    )
    activity = activity_of(get_document(client), "undated")
    created = Initiative.objects.get(slug="undated").created_at
    [(kind, day)] = dates_of(activity)
    assert (kind, day) == ("1", timezone.localdate(created).isoformat())
    assert "not known" in narratives(activity.find("activity-date"))["en"]


def test_recipients_countries_and_m49_regions(client):
    single = factories.InitiativeCountryFactory(initiative__slug="one", role="recipient")
    factories.InitiativeCountryFactory(
        initiative=single.initiative, country=Country.objects.get(iso2="CN"), role="provider"
    )
    several = factories.InitiativeCountryFactory(initiative__slug="several", role="both")
    InitiativeRegion.objects.create(
        initiative=several.initiative, region=Region.objects.get(m49=2), role="recipient"
    )
    document = get_document(client)
    [kenya] = activity_of(document, "one").findall("recipient-country")
    assert (kenya.get("code"), kenya.get("percentage")) == ("KE", "100")
    assert narratives(kenya)["ar"] == "كينيا"
    several = activity_of(document, "several")
    [country] = several.findall("recipient-country")
    [region] = several.findall("recipient-region")
    assert (region.get("code"), region.get("vocabulary")) == ("002", "2")
    # Two recipients: the shares are not known, so no percentages.
    assert country.get("percentage") is None and region.get("percentage") is None
    assert schema_errors(document, SCHEMA) == []
    assert ruleset_errors(document, timezone.localdate()) == []


def test_goals_are_sdg_tags(client):
    link = factories.InitiativeCountryFactory(initiative__slug="goals")
    link.initiative.sdgs.set([13, 2])
    activity = activity_of(get_document(client), "goals")
    tags = [(t.get("vocabulary"), t.get("code")) for t in activity.findall("tag")]
    assert tags == [("2", "2"), ("2", "13")]
    assert narratives(activity.find("tag"))["en"] == "Zero Hunger"


def test_a_budget_is_given_with_its_period_and_currency_when_the_dates_are_known(client):
    factories.InitiativeCountryFactory(
        initiative__slug="funded",
        initiative__start_date=datetime.date(2020, 1, 1),
        initiative__end_date=datetime.date(2022, 12, 31),
        initiative__budget_amount=Decimal("1250000.50"),
        initiative__budget_currency="EUR",
    )
    factories.InitiativeCountryFactory(
        initiative__slug="open-ended",
        initiative__end_date=None,
        initiative__budget_amount=Decimal("10"),
        initiative__budget_currency="USD",
    )
    document = get_document(client)
    funded = activity_of(document, "funded")
    assert funded.get("default-currency") == "EUR"
    [budget] = funded.findall("budget")
    assert budget.find("period-start").get("iso-date") == "2020-01-01"
    assert budget.find("period-end").get("iso-date") == "2022-12-31"
    value = budget.find("value")
    assert (value.text, value.get("currency"), value.get("value-date")) == (
        "1250000.50",
        "EUR",
        "2020-01-01",
    )
    assert activity_of(document, "open-ended").findall("budget") == []
    assert schema_errors(document, SCHEMA) == []


def test_each_activity_links_its_page_in_each_language(client):
    factories.InitiativeCountryFactory(initiative__slug="linked")
    links = activity_of(get_document(client), "linked").findall("document-link")
    assert [(link.get("url"), link.find("language").get("code")) for link in links] == [
        ("http://testserver/en/initiatives/linked/", "en"),
        ("http://testserver/ar/initiatives/linked/", "ar"),
    ]
    assert links[0].find("category").get("code") == "A12"


def test_the_list_filters_apply(client, demo_content):
    everything = get_document(client)
    triangular = get_document(client, "?modality=triangular")
    expected = Initiative.objects.published().filter(modality="triangular").count()
    assert 0 < len(triangular) == expected < len(everything)
    assert {a.find("collaboration-type").get("code") for a in triangular} == {"8"}


def test_a_bad_parameter_is_a_400_that_names_it(client, demo_content):
    response = client.get(f"{URL}?country=ZZ&sdg=99")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "country=ZZ" in text and "sdg=99" in text


def test_filters_that_match_nothing_are_a_404_not_an_invalid_file(client, demo_content):
    response = client.get(f"{URL}?year=1950")
    assert response.status_code == 404
    assert "No published item" in response.content.decode()


def test_the_file_is_streamed_and_cacheable(client, demo_content):
    response = client.get(URL)
    assert response.streaming
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304
    # Another filter is another file.
    assert client.get(f"{URL}?stage=ongoing")["ETag"] != etag
    # A change to the content is a new file.
    Initiative.objects.filter(status="published").first().save()
    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 200


def test_the_queries_do_not_grow_with_the_initiatives(client, django_assert_max_num_queries):
    for n in range(30):
        link = factories.InitiativeCountryFactory(initiative__slug=f"many-{n}")
        link.initiative.sdgs.set([n % 17 + 1])
        InitiativePartner.objects.create(
            initiative=link.initiative, organization=factories.OrganizationFactory(), role="funder"
        )
    with django_assert_max_num_queries(15):
        document = get_document(client)
    assert len(document) == 30


def test_an_initiative_with_only_a_title_is_described_by_it(client):
    factories.InitiativeCountryFactory(
        initiative__slug="bare", initiative__summary_en="", initiative__summary_ar=""
    )
    document = get_document(client)
    description = activity_of(document, "bare").find("description")
    assert narratives(description) == narratives(activity_of(document, "bare").find("title"))
    assert schema_errors(document, SCHEMA) == []
