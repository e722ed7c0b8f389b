"""A list's filters are its HTML list's: same names, same results; a bad value is a 400
naming the parameter; page, page_size and updated_since."""

import datetime

import pytest
from django.utils import timezone

from initiatives.models import Initiative

from .. import factories

pytestmark = pytest.mark.django_db

# (HTML list, API list, natural key, query strings the two must answer alike)
SAME_RESULTS = [
    (
        "/en/initiatives/",
        "/api/v1/initiatives/",
        "slug",
        [
            {},
            {"country": "CN"},
            {"country": "cn"},
            {"region": "002"},
            {"region": "19"},
            {"group": "ldc"},
            {"sdg": "2"},
            {"modality": "triangular"},
            {"stage": "ongoing"},
            {"year": "2020"},
            {"organization": "unossc"},
            {"q": "agriculture"},
            {"q": "الزراعة"},
            {"country": "CN", "modality": "triangular", "q": "climate"},
        ],
    ),
    (
        "/en/statements/",
        "/api/v1/statements/",
        "slug",
        [
            {},
            {"year": "2023"},
            {"organization": "unesco"},
            {"observance": "2023"},
            {"kind": "message"},
            {"text_kind": "news-report"},
            {"q": "cooperation"},
        ],
    ),
    (
        "/en/resources/",
        "/api/v1/resources/",
        "slug",
        [{}, {"kind": "podcast"}, {"year": "2020"}, {"organization": "sesric"}, {"q": "report"}],
    ),
]


def html_results(client, path, query, key):
    response = client.get(path, query)
    assert response.status_code == 200
    return sorted(getattr(item, key) for item in response.context["paginator"].object_list)


@pytest.mark.parametrize(
    "html, path, key, query",
    [(html, path, key, query) for html, path, key, queries in SAME_RESULTS for query in queries],
)
def test_a_filter_gives_what_the_html_list_gives(client, api, demo_content, html, path, key, query):
    api_keys = [item[key] for item in api.all(path, query)]
    assert api_keys == html_results(client, html, query, key)


def test_the_filters_narrow_something_in_the_demo_content(client, api, demo_content):
    # So that the comparisons above compare something.
    everything = api.json("/api/v1/initiatives/")["count"]
    assert 0 < api.json("/api/v1/initiatives/", {"modality": "triangular"})["count"] < everything
    assert 0 < api.json("/api/v1/statements/", {"kind": "message"})["count"]


def test_filters_of_lists_without_a_filter_form_on_the_site(api, demo_content):
    assert [e["slug"] for e in api.all("/api/v1/events/", {"observance": "2023"})] == [
        "high-level-panel-2023"
    ]
    assert [e["slug"] for e in api.all("/api/v1/events/", {"country": "us"})] == [
        "high-level-panel-2023"
    ]
    assert api.all("/api/v1/events/", {"organization": "unossc"})
    assert {o["kind"] for o in api.all("/api/v1/organizations/", {"kind": "un-entity"})} == {
        "un-entity"
    }
    kenya_region = api.all("/api/v1/countries/", {"region": "202"})
    assert "KE" in [c["iso2"] for c in kenya_region]
    assert all("202" in (c["region"], c["subregion"]) for c in kenya_region)
    assert all("sids" in c["groups"] for c in api.all("/api/v1/countries/", {"group": "SIDS"}))


@pytest.mark.parametrize(
    "path, query, names",
    [
        ("/api/v1/initiatives/", {"sdg": "99"}, ["sdg"]),
        ("/api/v1/initiatives/", {"country": "zz"}, ["country"]),
        ("/api/v1/initiatives/", {"region": "abc"}, ["region"]),
        ("/api/v1/initiatives/", {"region": "998"}, ["region"]),
        ("/api/v1/initiatives/", {"modality": "lateral"}, ["modality"]),
        ("/api/v1/initiatives/", {"organization": "nobody"}, ["organization"]),
        ("/api/v1/initiatives/", {"q": "a\x00b"}, ["q"]),
        ("/api/v1/statements/", {"text_kind": "poem", "year": "1900"}, ["year", "text_kind"]),
        ("/api/v1/resources/", {"kind": "film"}, ["kind"]),
        ("/api/v1/countries/", {"group": "brics"}, ["group"]),
        ("/api/v1/initiatives/", {"page": "0"}, ["page"]),
        ("/api/v1/initiatives/", {"page": "abc"}, ["page"]),
        ("/api/v1/initiatives/", {"page_size": "0"}, ["page_size"]),
        ("/api/v1/initiatives/", {"page_size": "101"}, ["page_size"]),
        ("/api/v1/initiatives/", {"page_size": "-5"}, ["page_size"]),
        ("/api/v1/initiatives/", {"updated_since": "yesterday"}, ["updated_since"]),
        ("/api/v1/changes/", {"since": "2024-13-01"}, ["since"]),
        (
            "/api/v1/initiatives/",
            {"sdg": "0", "stage": "x", "page_size": "1000"},
            ["sdg", "stage", "page_size"],
        ),
    ],
)
def test_an_invalid_value_is_a_400_problem_naming_its_parameter(
    api, demo_content, path, query, names
):
    response = api.get(path, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert problem["type"] == "http://testserver/api/v1/docs/#invalid-parameters"
    assert problem["title"] and problem["detail"]
    assert [p["name"] for p in problem["invalid_params"]] == names
    assert all(p["reason"] for p in problem["invalid_params"])


def test_a_reason_is_in_the_language_the_client_asks_for(api, demo_content):
    problem = api.json(
        "/api/v1/initiatives/", {"country": "zz"}, status=400, HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert problem["invalid_params"][0]["name"] == "country"
    assert any("\u0600" <= c <= "\u06ff" for c in problem["invalid_params"][0]["reason"])


def test_unknown_parameters_and_empty_values_are_ignored(api, demo_content):
    everything = api.json("/api/v1/initiatives/")
    assert api.json("/api/v1/initiatives/", {"colour": "blue", "format": "csv"}) == everything
    assert (
        api.json("/api/v1/initiatives/", {"sdg": "", "country": ""})["count"] == everything["count"]
    )


def test_pages_are_20_items_unless_told_and_link_to_each_other(api, db):
    factories.InitiativeFactory.create_batch(45)
    first = api.json("/api/v1/initiatives/", {"stage": "ongoing"})
    assert first["count"] == 45
    assert len(first["results"]) == 20
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/initiatives/?stage=ongoing&page=2"
    last = api.json("/api/v1/initiatives/", {"stage": "ongoing", "page": "3"})
    assert len(last["results"]) == 5
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/initiatives/?stage=ongoing&page=2"
    sized = api.json("/api/v1/initiatives/", {"page_size": "100"})
    assert len(sized["results"]) == 45
    keys = [i["slug"] for i in api.all("/api/v1/initiatives/")]
    assert keys == sorted(keys) == sorted(Initiative.objects.values_list("slug", flat=True))


def test_a_page_past_the_last_is_a_404_problem(api, demo_content):
    problem = api.json("/api/v1/initiatives/", {"page": "9"}, status=404)
    assert "9" in problem["detail"]
    assert (
        api.json("/api/v1/initiatives/", {"page": "1", "q": "nothing matches this"})["results"]
        == []
    )


def test_updated_since_keeps_the_items_saved_at_or_after_it(api, db):
    old = factories.InitiativeFactory()
    Initiative.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=10)
    )
    new = factories.InitiativeFactory()
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert [i["slug"] for i in api.all("/api/v1/initiatives/", {"updated_since": since})] == [
        new.slug
    ]
    # A date alone is its midnight, UTC; an offset is honoured; a "+" sent unencoded
    # (a space, once decoded) still reads as the offset.
    for value in ["2000-01-01", "2000-01-01T00:00:00+02:00", "2000-01-01T00:00:00 02:00"]:
        assert len(api.all("/api/v1/initiatives/", {"updated_since": value})) == 2
    assert api.all("/api/v1/initiatives/", {"updated_since": "2999-01-01T00:00:00Z"}) == []
    assert len(api.all("/api/v1/initiatives/", {"updated_since": "0001-01-01T00:00:00+05:00"})) == 2
