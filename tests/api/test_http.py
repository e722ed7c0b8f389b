"""HTTP of the API: JSON, ETag and 304, caching headers, CORS, the rate limit, and a
bounded number of queries per answer."""

import pytest
from django.test import override_settings

from front.api.endpoints import ENDPOINTS
from initiatives.models import Region, SustainableDevelopmentGoal
from sscportal.caching import shared
from sscportal.configuration.env import client_address_settings

from .. import factories
from ..caching.test_cache_outage import free_port, use_redis_at

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives/"


def test_answers_are_utf8_json_public_for_a_minute_and_open_to_any_origin(api, demo_content):
    response = api.get(LIST)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    # Arabic is written as itself, not as \\u escapes.
    assert "الزراعة".encode() in response.content


def test_a_matching_if_none_match_is_a_304_without_a_body(api, demo_content):
    etag = api.get(LIST)["ETag"]
    assert etag.startswith('"')
    again = api.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    # The weak form a compressing proxy (or Django's gzip) hands out matches too.
    assert api.get(LIST, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert api.get(LIST, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_content_change_changes_the_etag(api, demo_content):
    etag = api.get(LIST)["ETag"]
    factories.InitiativeFactory()
    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert api.get(LIST)["ETag"] != etag


def test_the_etag_also_holds_without_the_cache(api, demo_content, settings):
    settings.PAGE_CACHE_SECONDS = 0
    etag = api.get(LIST)["ETag"]
    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_gzip_makes_the_etag_weak_and_a_304_still_follows(api, demo_content):
    response = api.get(LIST, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert response["ETag"].startswith('W/"')
    assert (
        api.get(LIST, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"]).status_code
        == 304
    )


def test_head_answers_like_get(api, demo_content):
    response = api.client.head(LIST)
    assert response.status_code == 200
    assert response["ETag"] == api.get(LIST)["ETag"]


def test_a_preflight_is_answered_for_any_origin(api, db):
    response = api.client.options(
        LIST, HTTP_ORIGIN="https://elsewhere.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_but_reading_is_allowed(api, db, method):
    response = getattr(api.client, method)(LIST, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_json_whatever_the_client_accepts(api, db):
    response = api.get("/api/v1/sdgs/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_api_answers_stay_out_of_the_page_cache(api, db):
    response = api.get("/api/v1/sdgs/")
    assert "X-Page-Cache" not in response


def test_past_the_rate_an_address_gets_429_with_retry_after(api, db, settings):
    settings.API_RATE = "3/minute"
    for _ in range(3):
        assert api.get("/api/v1/sdgs/").status_code == 200
    refused = api.get("/api/v1/sdgs/")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 60
    problem = refused.json()
    assert problem["status"] == 429
    assert problem["type"] == "http://testserver/api/v1/docs/#rate-limited"
    # Every answer counts, a 304 or a 404 too; other addresses have their own count.
    assert api.get("/api/v1/sdgs/99/").status_code == 429
    assert api.get("/api/v1/sdgs/", REMOTE_ADDR="192.0.2.9").status_code == 200


def test_one_clients_429_is_not_served_to_another(api, db, settings):
    settings.API_RATE = "1/minute"
    settings.PAGE_CACHE_SECONDS = 600
    assert api.get("/api/v1/sdgs/").status_code == 200
    assert api.get("/api/v1/sdgs/").status_code == 429
    assert api.get("/api/v1/sdgs/", REMOTE_ADDR="192.0.2.9").status_code == 200


@override_settings(**client_address_settings(1))
def test_behind_a_proxy_each_client_is_counted_not_the_proxy(api, db, settings):
    settings.API_RATE = "2/minute"
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(2):
        assert (
            api.get("/api/v1/sdgs/", HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code
            == 200
        )
    assert api.get("/api/v1/sdgs/", HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code == 429
    assert api.get("/api/v1/sdgs/", HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy).status_code == 200
    # What a client writes to the left of the proxy's entry changes nothing.
    forged = "203.0.113.5, 198.51.100.1"
    assert api.get("/api/v1/sdgs/", HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 429


def test_an_ipv6_client_is_counted_by_its_64(api, db, settings):
    settings.API_RATE = "1/minute"
    assert api.get("/api/v1/sdgs/", REMOTE_ADDR="2001:db8:1:2::1").status_code == 200
    assert api.get("/api/v1/sdgs/", REMOTE_ADDR="2001:db8:1:2::99").status_code == 429
    assert api.get("/api/v1/sdgs/", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_no_limit_when_the_rate_is_zero(api, db, settings):
    settings.API_RATE = "0"
    for _ in range(5):
        assert api.get("/api/v1/sdgs/").status_code == 200


def test_while_the_cache_does_not_answer_requests_go_through(api, db, settings, monkeypatch):
    monkeypatch.setattr(shared, "RETRY_SECONDS", 0)
    shared._state.update(down_until=0.0, failed_since=None)
    settings.API_RATE = "1/minute"
    use_redis_at(settings, free_port())  # nothing listens there
    try:
        for _ in range(3):
            response = api.get("/api/v1/sdgs/")
            assert response.status_code == 200
        assert api.get("/api/v1/sdgs/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    finally:
        shared._state.update(down_until=0.0, failed_since=None)


def test_api_rate_is_read_loudly(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from sscportal.configuration.env import env_rate, parse_rate

    monkeypatch.setenv("API_RATE", "lots")
    with pytest.raises(ImproperlyConfigured, match="API_RATE"):
        env_rate("API_RATE", "120/minute")
    assert parse_rate("120/minute") == (120, 60)
    assert parse_rate("5/second") == (5, 1)
    assert parse_rate("0") is None
    assert parse_rate("") is None


def many_initiatives(n):
    goals = list(SustainableDevelopmentGoal.objects.all()[:3])
    africa = Region.objects.get(m49=2)
    partner = factories.OrganizationFactory()
    for initiative in factories.InitiativeFactory.create_batch(n):
        factories.InitiativeCountryFactory(initiative=initiative)
        initiative.sdgs.set(goals)
        initiative.region_roles.create(region=africa, role="recipient")
        initiative.partner_roles.create(organization=partner, role="funder")


@pytest.mark.parametrize("query", [{}, {"country": "KE", "sdg": "1"}, {"q": "Initiative"}])
def test_a_list_costs_the_same_queries_for_5_items_as_for_100(
    api, db, settings, django_assert_max_num_queries, query
):
    settings.PAGE_CACHE_SECONDS = 0  # nothing remembered: every answer built from the database
    many_initiatives(100)
    with django_assert_max_num_queries(20) as small:
        api.json(LIST, {**query, "page_size": 5})
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = api.json(LIST, {**query, "page_size": 100})
    assert len(page["results"]) == 100


@pytest.mark.parametrize("name", [endpoint.name for endpoint in ENDPOINTS])
def test_every_list_and_item_runs_a_bounded_number_of_queries(
    api, demo_content, settings, django_assert_max_num_queries, name
):
    settings.PAGE_CACHE_SECONDS = 0
    # 13: an initiative's rows of countries, regions, groups, sectors and partners.
    with django_assert_max_num_queries(13):
        page = api.json(f"/api/v1/{name}/", {"page_size": 100})
    key = next(e for e in ENDPOINTS if e.name == name).section.key
    with django_assert_max_num_queries(13):
        api.json(f"/api/v1/{name}/{page['results'][0][key]}/")


def test_the_changes_log_costs_the_same_queries_for_any_page_size(
    api, db, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    many_initiatives(30)
    with django_assert_max_num_queries(6) as small:
        api.json("/api/v1/changes/", {"page_size": 5})
    with django_assert_max_num_queries(len(small.captured_queries)):
        api.json("/api/v1/changes/", {"page_size": 100})


def test_a_repeated_request_is_answered_from_the_cache(
    api, demo_content, django_assert_num_queries
):
    first = api.get(LIST)
    with django_assert_num_queries(0):
        assert api.get(LIST).content == first.content
