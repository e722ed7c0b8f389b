"""Every list and item of /api/v1/: the exchange format's item, with its pages (html_url)
and its last change (updated_at)."""

import pytest

from exchange.exporter import export_content
from front.api.endpoints import ENDPOINTS, PAGES, UPDATED_AT
from initiatives.models import Sector
from sscportal import content_types

from .. import factories

pytestmark = pytest.mark.django_db

# An item of each endpoint in the demo content (or the reference data), by natural key.
KEYS = {
    "initiatives": "china-unossc-digital-trade-global-south",
    "statements": "secretary-general-statement-2023",
    "events": "high-level-panel-2023",
    "observances": 2023,
    "resources": "campaign-materials-2023",
    "organizations": "unossc",
    "pages": "about-the-day",
    "people": "jorge-chediek",
    "countries": "KE",
    "regions": "002",
    "groups": "ldc",
    "sdgs": 13,
    "sectors": "311",
}
NAMES = [endpoint.name for endpoint in ENDPOINTS]


def test_every_endpoint_has_an_example_here():
    assert sorted(KEYS) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_list_holds_every_public_item_once_sorted_by_natural_key(api, demo_content, name):
    section = content_types.section_named(name)
    items = api.all(f"/api/v1/{name}/")
    keys = [item[section.key] for item in items]
    assert keys == sorted(keys)
    public = content_types.of(section.model).public_items()
    assert len(keys) == len(set(keys)) == public.count()
    assert KEYS[name] in keys


@pytest.mark.parametrize("name", NAMES)
def test_an_item_is_found_by_its_natural_key(api, demo_content, name):
    section = content_types.section_named(name)
    item = api.json(f"/api/v1/{name}/{KEYS[name]}/")
    assert item[section.key] == KEYS[name]
    assert set(item["html_url"]) == {"en", "ar"}
    assert item["html_url"]["en"].startswith("http://testserver/en/")
    assert item["html_url"]["ar"].startswith("http://testserver/ar/")


@pytest.mark.parametrize(
    "name", [n for n in NAMES if n not in ("countries", "regions", "groups", "sdgs", "sectors")]
)
def test_a_content_item_is_exactly_the_exported_item_plus_url_and_updated_at(
    api, demo_content, name
):
    section = content_types.section_named(name)
    exported = {item[section.key]: item for item in export_content()[name]}
    for item in api.all(f"/api/v1/{name}/"):
        url, updated_at = item.pop("html_url"), item.pop("updated_at")
        assert item == exported[item[section.key]]
        stored = section.model.objects.get(**{section.key: item[section.key]})
        assert updated_at == stored.updated_at.isoformat()
        assert url["en"] == f"http://testserver{stored.get_absolute_url()}"


def test_the_api_adds_keys_no_section_of_the_format_has():
    for endpoint in ENDPOINTS:
        assert not {PAGES, UPDATED_AT} & set(endpoint.section.fields)


def test_html_url_is_the_readers_page_in_each_language(api, demo_content):
    item = api.json("/api/v1/events/high-level-panel-2023/")
    # An event's own `url` (its website) is the format's, untouched.
    assert item["url"] is None or item["url"].startswith("http")
    assert item["html_url"] == {
        "en": "http://testserver/en/events/2023/high-level-panel-2023/",
        "ar": "http://testserver/ar/events/2023/high-level-panel-2023/",
    }


def test_reference_data_has_the_keys_of_the_fixture_and_the_codes_of_the_format(api, db):
    assert api.json("/api/v1/countries/KE/") == {
        "iso2": "KE",
        "iso3": "KEN",
        "m49": "404",
        "name": {"en": "Kenya", "ar": "كينيا"},
        "region": "002",
        "subregion": "202",
        "income_group": "lower-middle",
        # The groups it is in today (initiatives/fixtures/country_groups.json).
        "groups": ["au", "g77", "global-south"],
        "html_url": {
            "en": "http://testserver/en/countries/ke/",
            "ar": "http://testserver/ar/countries/ke/",
        },
    }
    assert api.json("/api/v1/regions/202/")["parent"] == "002"
    assert api.json("/api/v1/groups/sids/")["acronym"] == "SIDS"
    assert "ldc" in api.json("/api/v1/countries/AF/")["groups"]
    goal = api.json("/api/v1/sdgs/13/")
    assert goal["name"]["en"] == "Climate Action"
    # A goal's page is the list of its initiatives, as its chips on the site link.
    assert goal["html_url"]["en"] == "http://testserver/en/initiatives/?sdg=13"
    # A sector likewise: the code IATI and the downloads use, its name in both languages.
    sector = api.json("/api/v1/sectors/311/")
    assert sector["code"] == "311"
    assert sector["name"]["en"] == "Agriculture"
    assert sector["name"]["ar"]
    assert sector["html_url"] == {
        "en": "http://testserver/en/initiatives/?sector=311",
        "ar": "http://testserver/ar/initiatives/?sector=311",
    }
    assert set(sector) == {"code", "name", "html_url"}


def test_every_reference_list_is_complete(api, db):
    assert api.json("/api/v1/countries/")["count"] == 249
    assert api.json("/api/v1/sdgs/")["count"] == 17
    assert api.json("/api/v1/sectors/")["count"] == Sector.objects.count() == 49
    assert [g["code"] for g in api.json("/api/v1/groups/")["results"]] == [
        "asean", "au", "g77", "global-south", "las", "ldc", "lldc", "oic", "sids",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/countries/ke/",
        "/api/v1/countries/Ke/",
        "/api/v1/regions/2/",
        "/api/v1/regions/002/",
        "/api/v1/groups/LDC/",
        "/api/v1/organizations/UNOSSC/",
        "/api/v1/observances/2023/",
    ],
)
def test_codes_are_found_in_any_case_or_spelling(api, demo_content, path):
    assert api.get(path).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/initiatives/no-such-initiative/",
        "/api/v1/countries/XX/",
        "/api/v1/countries/KEN/",
        "/api/v1/regions/999/",
        "/api/v1/regions/abc/",
        "/api/v1/observances/1990/",
        "/api/v1/observances/twenty/",
        "/api/v1/sdgs/18/",
        "/api/v1/sdgs/٣/",
        "/api/v1/groups/brics/",
        "/api/v1/sectors/999/",
        "/api/v1/sectors/31/",
        "/api/v1/sectors/٣١١/",
        "/api/v1/sectors/agriculture/",
        "/api/v1/nothing/",
        "/api/v1/initiatives/a/b/",
    ],
)
def test_an_unknown_key_or_address_is_a_404_problem(api, demo_content, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert problem["type"] == "about:blank"
    assert problem["title"] == "Not Found"
    assert problem["detail"]


def test_an_address_without_its_slash_is_redirected_to_it(api, demo_content):
    response = api.get("/api/v1/initiatives")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/initiatives/"


def test_a_budget_and_regions_come_as_the_format_writes_them(api, demo_content):
    initiative = factories.InitiativeFactory(budget_amount="1500000", budget_currency="USD")
    item = api.json(f"/api/v1/initiatives/{initiative.slug}/")
    assert item["budget"] == {"amount": "1500000.00", "currency": "USD"}
    assert item["regions"] == []
