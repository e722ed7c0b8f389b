"""The OpenAPI document: valid by a validator that did not write it, one source for the
item schemas (the exchange format's), and every answer true to it."""

import json

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from exchange.schema import document_schema
from front.api.endpoints import ENDPOINTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(api):
    return api.json("/api/v1/openapi.json")


def test_the_document_is_valid_openapi_3_1(openapi):
    assert openapi["openapi"] == "3.1.0"
    validate(openapi)


def test_every_endpoint_and_the_log_are_described(openapi):
    paths = set(openapi["paths"])
    for endpoint in ENDPOINTS:
        assert f"/api/v1/{endpoint.name}/" in paths
        assert f"/api/v1/{endpoint.name}/{{key}}/" in paths
    assert "/api/v1/changes/" in paths
    assert all(set(operations) == {"get"} for operations in openapi["paths"].values())


def test_an_items_schema_is_the_exchange_formats_own(openapi):
    published = document_schema()["properties"]
    schemas = openapi["components"]["schemas"]
    for name, schema in [("Initiative", "initiatives"), ("Statement", "statements")]:
        exchange = published[schema]["items"]
        api_item = schemas[name]
        for key, value in exchange["properties"].items():
            assert api_item["properties"][key] == value
        assert set(api_item["properties"]) - set(exchange["properties"]) == {
            "html_url",
            "updated_at",
        }


def test_a_lists_parameters_are_its_filter_forms_fields(openapi):
    initiatives = openapi["paths"]["/api/v1/initiatives/"]["get"]
    names = {parameter["name"] for parameter in initiatives["parameters"]}
    assert names == {
        "q",
        "country",
        "region",
        "group",
        "members",
        "sector",
        "sdg",
        "modality",
        "stage",
        "year",
        "dates",
        "organization",
        "updated_since",
        "page",
        "page_size",
    }


def resolved(schema, openapi):
    """`schema` with the document's components, for a JSON Schema validator."""
    return {**schema, "$defs": openapi["components"]["schemas"]}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_every_answer_of_the_demo_content_follows_the_document(
    api, demo_content, openapi, endpoint
):
    text = json.dumps(openapi).replace("#/components/schemas/", "#/$defs/")
    document = json.loads(text)
    lists = document["paths"][f"/api/v1/{endpoint.name}/"]["get"]["responses"]["200"]
    list_schema = resolved(lists["content"]["application/json"]["schema"], document)
    page = api.json(f"/api/v1/{endpoint.name}/", {"page_size": 100})
    Draft202012Validator(list_schema).validate(page)
    one = document["paths"][f"/api/v1/{endpoint.name}/{{key}}/"]["get"]["responses"]["200"]
    item_schema = resolved(one["content"]["application/json"]["schema"], document)
    key = endpoint.section.key
    for item in page["results"][:20]:
        Draft202012Validator(item_schema).validate(
            api.json(f"/api/v1/{endpoint.name}/{item[key]}/")
        )


def test_the_docs_page_runs_swagger_ui_from_this_site_without_inline_script(client):
    response = client.get("/api/v1/docs/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="en"' in page
    assert 'data-openapi="/api/v1/openapi.json"' in page
    assert "vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "<script>" not in page and "<style" not in page and "style=" not in page
    assert 'id="invalid-parameters"' in page and 'id="rate-limited"' in page
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_swagger_ui_is_vendored_with_its_licence(settings):
    folder = settings.BASE_DIR / "static" / "vendor" / "swagger-ui"
    for name in ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"]:
        assert (folder / name).is_file()
    # No source map is shipped, so none may be named (collectstatic would look for it).
    for name in ["swagger-ui-bundle.js", "swagger-ui.css"]:
        assert "sourceMappingURL" not in (folder / name).read_text()
