"""The API's views: each section's list and items, the changes log, the OpenAPI
document and its page. Views read the query strictly (parameters.py), build
plain dicts and answer them as JSON; what every answer shares is in ApiView.
"""

import hashlib
import json
import math

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.generic import TemplateView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView

from sscportal.caching import shared
from sscportal.caching.values import cached_count
from sscportal.caching.versions import cache_available, key
from sscportal.configuration.site import absolute_url
from sscportal.reader_toolkit.listing import no_such_page

from . import changes, schema
from .parameters import Parameters
from .problems import ALLOWED_METHODS
from .throttling import ClientRate

JSON = "application/json; charset=utf-8"
# As for pages (sscportal/caching/pages.py): how long a client may reuse an answer
# without asking again; after that, its ETag makes asking cost a 304.
MAX_AGE = 60


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the Accept header says: there is nothing else to offer."""

    def select_parser(self, request, parsers):
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def dumps(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def json_answer(request, build):
    """The JSON of `build()`, with its ETag; kept in the shared cache until content
    changes, under the request's path and query (no answer depends on anything else)."""
    storing = settings.PAGE_CACHE_SECONDS > 0 and cache_available()
    name = key("api", hashlib.sha256(request.get_full_path().encode()).hexdigest())
    cached = shared.get(name) if storing else None
    if cached is None:
        body = dumps(build())
        cached = (body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')
        if storing:
            shared.set(name, cached, settings.PAGE_CACHE_SECONDS)
    body, etag = cached
    response = HttpResponse(body, content_type=JSON)
    response["ETag"] = etag
    return response


class ApiView(APIView):
    """What every answer shares: JSON or a problem, the rate limit, CORS, and for a
    200 an ETag, a 304 when the client's copy is current, and public caching."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [ClientRate]
    content_negotiation_class = JSONOnly
    schema = schema.ApiSchema()

    def options(self, request, *args, **kwargs):
        # A browser's preflight (GET with If-None-Match is not a "simple" request).
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        response["Access-Control-Max-Age"] = "86400"
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            response = (
                get_conditional_response(request, etag=response.get("ETag"), response=response)
                or response
            )
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
        return response


def _link(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return absolute_url(f"{request.path}?{query.urlencode()}")


def page_of(request, queryset, number, size, item):
    """One page of `queryset`: {"count", "next", "previous", "results"}."""
    count = cached_count(queryset)
    last = max(1, math.ceil(count / size))
    if number > last:
        raise no_such_page(number, last)
    rows = queryset[(number - 1) * size : number * size]
    return {
        "count": count,
        "next": _link(request, number + 1) if number < last else None,
        "previous": _link(request, number - 1) if number > 1 else None,
        "results": [item(row) for row in rows],
    }


class ItemList(ApiView):
    endpoint = None

    def get(self, request):
        return json_answer(request, self.answer)

    def answer(self):
        endpoint = self.endpoint
        parameters = Parameters(self.request.GET)
        form = parameters.filters(endpoint.filters) if endpoint.filters else None
        since = None if endpoint.is_reference_data else parameters.moment("updated_since")
        number, size = parameters.page()
        parameters.check()
        items = endpoint.public()
        if form is not None:
            items = form.filter(items)
        if since is not None:
            items = items.filter(updated_at__gte=since)
        # Always by natural key, a search included: pages must not shift under a harvester.
        items = items.order_by(endpoint.section.key)
        return page_of(self.request, items, number, size, endpoint.item)

    def describe(self):
        endpoint = self.endpoint
        parameters = schema.filter_parameters(endpoint.filters) if endpoint.filters else []
        if not endpoint.is_reference_data:
            parameters.append(
                schema.moment_parameter("updated_since", "Only items saved at or after then.")
            )
        what = "reference data" if endpoint.is_reference_data else "the published ones"
        return {
            "id": f"list_{endpoint.name.replace('-', '_')}",
            "tag": endpoint.name,
            "summary": f"List {endpoint.name} ({what})",
            "description": f"Sorted by `{endpoint.section.key}`.",
            "parameters": parameters + schema.PAGE_PARAMETERS,
            "responses": schema.responses(
                schema.page_schema(schema.ref(schema.component_name(endpoint))),
                invalid=True,
                missing="A page past the last.",
            ),
        }


class ItemDetail(ApiView):
    endpoint = None

    def get(self, request, key):
        return json_answer(request, lambda: self.answer(key))

    def answer(self, raw):
        endpoint = self.endpoint
        value = endpoint.key(raw)
        found = None
        if value is not None:
            found = endpoint.public().filter(**{endpoint.section.key: value}).first()
        if found is None:
            raise Http404
        return endpoint.item(found)

    def describe(self):
        endpoint = self.endpoint
        key = endpoint.section.key
        key_schema = (
            {"type": "integer", "minimum": 1}
            if endpoint.key_is_number
            else {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}
        )
        return {
            "id": f"get_{endpoint.singular.replace('-', '_')}",
            "tag": endpoint.name,
            "summary": f"One of the {endpoint.name}, by its {key}",
            "parameters": [
                schema.OpenApiParameter(
                    "key",
                    type=key_schema,
                    location=schema.OpenApiParameter.PATH,
                    description=f"The {key}: {endpoint.key_hint}.",
                )
            ],
            "responses": schema.responses(schema.ref(schema.component_name(endpoint))),
        }


class Changes(ApiView):
    def get(self, request):
        return json_answer(request, self.answer)

    def answer(self):
        parameters = Parameters(self.request.GET)
        since = parameters.moment("since")
        number, size = parameters.page()
        parameters.check()
        return page_of(self.request, changes.changes(since), number, size, changes.entry)

    def describe(self):
        return {
            "id": "list_changes",
            "tag": "changes",
            "summary": "What was created, updated or withdrawn since a moment, oldest first",
            "description": changes.__doc__,
            "parameters": [
                schema.moment_parameter("since", "Changes at or after then; without it, all.")
            ]
            + schema.PAGE_PARAMETERS,
            "responses": schema.responses(
                schema.page_schema(schema.ref("Change")),
                invalid=True,
                missing="A page past the last.",
            ),
        }


class Document(ApiView):
    """/api/v1/openapi.json."""

    schema = None  # not an operation of the API it describes

    def get(self, request):
        return json_answer(request, schema.document)


class Unknown(ApiView):
    """Any other address under /api/: a 404 problem, not the site's HTML page."""

    schema = None

    def get(self, request, *args, **kwargs):
        raise Http404


class Docs(TemplateView):
    """/api/v1/docs/: the OpenAPI document in Swagger UI (static/vendor/swagger-ui/).

    One page for every reader, in English like Swagger UI itself, whatever
    language the browser asks for: the page cache keeps one copy of it.
    """

    template_name = "front/api/docs.html"

    def get(self, request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            response = super().get(request, *args, **kwargs).render()
        response["Content-Language"] = settings.LANGUAGE_CODE
        return response
