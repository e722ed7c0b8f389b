"""/iati/activities.xml and /iati/organisations.xml: the published initiatives and
organizations in IATI's XML (version 2.03), for the IATI Registry, d-portal and
anyone who reads IATI data. Language-neutral, like the API: every text is
given in each language it exists in.

The activities take the initiatives list's filters (its own form, so a filter
means the same on the page, in the downloads and here), the organisations
those of the organizations list. A value a list would ignore with a note is
refused here with 400 and a message naming it: a program reading the file
cannot see a note. The file is written as it is sent, a chunk of initiatives
at a time (writer.py), so its size does not bound what memory holds.
"""

import hashlib

from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _

from initiatives.filters import InitiativeFilterForm, OrganizationFilterForm
from initiatives.models import (
    InitiativeCountry,
    InitiativePartner,
    InitiativeRegion,
    InitiativeSector,
    Organization,
)
from sscportal.caching.pages import cleaned_query
from sscportal.caching.versions import content_version
from sscportal.visibility import public_prefetch

from ..initiatives import InitiativeListView
from . import writer

CONTENT_TYPE = "application/xml; charset=utf-8"
# Initiatives read (and their lists prefetched) per query.
CHUNK_SIZE = 500
# How long browsers and proxies may keep a file without asking, as the dumps;
# the ETag makes asking again cheap.
MAX_AGE = 60
# Changed whenever the mapping changes, so that an ETag given before a deploy
# does not keep a reader on the old file while the content stays the same.
MAPPING_REVISION = "1"


def activities_queryset(items):
    """`items` with what writer.activity reads loaded in a fixed number of queries."""
    return items.prefetch_related(
        "sdgs",
        Prefetch(
            "country_roles",
            InitiativeCountry.objects.select_related("country").order_by("country__iso2"),
        ),
        Prefetch(
            "region_roles",
            InitiativeRegion.objects.select_related("region").order_by("region__m49"),
        ),
        Prefetch(
            "sector_shares",
            InitiativeSector.objects.select_related("sector").order_by("sector__code"),
        ),
        # A partner readers may not see is not named.
        public_prefetch(
            "partner_roles",
            InitiativePartner.objects.select_related("organization").order_by(
                "organization__key", "role"
            ),
        ),
    )


def activities(request):
    form = InitiativeFilterForm(request.GET)
    items = form.filter(InitiativeListView.public_items()) if form.is_valid() else None

    def elements():
        today = timezone.localdate()
        for initiative in activities_queryset(items).iterator(chunk_size=CHUNK_SIZE):
            yield writer.activity(initiative, today)

    return _file(request, form, items, "iati-activities", elements)


def organisations(request):
    form = OrganizationFilterForm(request.GET)
    items = form.filter(published_organizations()) if form.is_valid() else None

    def elements():
        for organization in items.iterator(chunk_size=CHUNK_SIZE):
            yield writer.organisation(organization)

    return _file(request, form, items, "iati-organisations", elements)


def published_organizations():
    """Every published organization, by key."""
    return Organization.objects.published().order_by("key")


# The parameters each file reads (sscportal/caching/pages.py): its list's filters.
activities.query_parameters = tuple(InitiativeFilterForm.base_fields)
organisations.query_parameters = tuple(OrganizationFilterForm.base_fields)


def _file(request, form, items, root_name, elements):
    if items is None:
        return _invalid_parameters(form)
    etag = _etag(request, root_name)
    if etag:
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return _cacheable(not_modified, etag)
    # The schema requires at least one activity (or organisation) in a file.
    if not items.exists():
        return _message(
            404, _("No published item matches these filters, so there is no IATI file to give.")
        )
    response = StreamingHttpResponse(
        writer.document(root_name, elements()), content_type=CONTENT_TYPE
    )
    return _cacheable(response, etag)


def _etag(request, root_name):
    """A tag for the file the request gets: the content version, the mapping, the
    filters and the day (a planned date becomes an actual one when it passes).
    Weak, since each file says when it was generated."""
    version = content_version()
    if version is None:
        return None
    query = cleaned_query(request.GET, request.GET.keys())
    day = timezone.localdate().isoformat()
    digest = hashlib.sha256(f"{root_name}|{MAPPING_REVISION}|{version}|{query}|{day}".encode())
    return f'W/"{digest.hexdigest()[:32]}"'


def _cacheable(response, etag):
    if etag:
        response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _invalid_parameters(form):
    lines = [_("These query parameters have values the IATI file cannot use:")]
    for name, errors in form.errors.items():
        value = form.data.get(name, "")[:40]
        lines.append(
            _("%(name)s=%(value)s: %(error)s") % {"name": name, "value": value, "error": errors[0]}
        )
    return _message(400, "\n".join(lines))


def _message(status, text):
    return HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")
