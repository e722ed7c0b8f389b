"""An unpublished item is nowhere public (issue 28, part 1: "Visibility is one rule").

For each publishable type in turn (organization, event, Day, resource,
statement, initiative, site page, person), one item of the demo content that others
link is set to draft and given a name of its own in both languages; then every
public answer is read and must hold neither name (nor a link to its page,
which is a 404 now):

- every route of the URLconf in both languages, as tests/robustness/public_urls.py
  derives them: home, search, data, every list, feed, calendar, download (CSV,
  and XLSX read with openpyxl), sitemap, the API's lists and documents, the dumps
  (the content .json.gz and the data package's .zip, every member read);
- the pages of every public item of every type, with every route that takes
  its arguments (a statement's side-by-side and citations in CSL JSON, BibTeX
  and RIS; an event's .ics), and its API document; the countries, regions and
  groups that have content;
- every list, feed, download and API list filtered by the item's key in each
  of its parameters, and searched (site search and lists' `q`) for its names.

Before the draft is made, the demo content gets the relations it lacks (a
statement mentioning the organization, the initiative and a country, a speech
by the organization, an event speaker of it, a resource of the initiative and
a country), so that each type is reached through every relation the models
have. Some 340 URLs a type, about a minute and a half for all seven (-n0).

When first run it found an unpublished organization in 78 of 350 answers
(statement pages, lists and their filters, citations, event pages, calendars
and JSON-LD, initiative partners, country, Day and home pages), and an
unpublished Day linked from 6 of 340 (its event's page and their statements);
the other types were already hidden. All of them now ask sscportal/visibility.py.
"""

import gzip
import html
import io
import json
import re
import zipfile
from urllib.parse import unquote, urlencode

import openpyxl
import pytest
from django.conf import settings
from django.urls import resolve, reverse
from django.utils.translation import override

from events.models import Event, EventSpeaker, Observance
from front.api.endpoints import ENDPOINTS
from initiatives.models import Country, CountryGroup, Initiative, Organization, Region
from pages.models import Page
from people.models import Person
from resources.models import Resource
from sscportal import content_types
from statements.models import Statement

from .public_urls import public_urls, routes

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# The item made a draft, per type: (model, lookup, its name fields).
TARGETS = {
    "organization": (Organization, {"key": "unossc"}, ("name", "acronym")),
    "event": (Event, {"slug": "sesric-unossc-joint-report-launch-2020"}, ("title",)),
    "observance": (Observance, {"year": 2020}, ("theme",)),
    "resource": (Resource, {"slug": "sesric-unossc-joint-report-2020"}, ("title",)),
    "statement": (Statement, {"slug": "dabur-remarks-joint-report-2020"}, ("title",)),
    "initiative": (Initiative, {"slug": "sesric-statistics-research-training-oic"}, ("title",)),
    "page": (Page, {"slug": "about-the-day"}, ("title",)),
    "person": (Person, {"key": "nebil-dabur"}, ("name", "family_name")),
}
# One word each (no space to wrap, escape or fold), in either script.
NAMES = {"en": "Zqxhidden{field}", "ar": "ظظمخفي{field}"}


def link_every_relation():
    """Give the demo content the relations to the targets it lacks."""
    unossc = Organization.objects.get(key="unossc")
    initiative = Initiative.objects.get(**TARGETS["initiative"][1])
    turkey = Country.objects.get(iso2="TR")
    # A speech, so that its citation names its organization as the publisher.
    statement = Statement.objects.get(slug="secretary-general-statement-2023")
    statement.organization = unossc
    statement.save()
    statement.mentioned_organizations.add(unossc)
    statement.mentioned_initiatives.add(initiative)
    statement.mentioned_countries.add(turkey)
    # Read out by a person, so that "delivered by" names them too.
    statement.delivered_by_person = Person.objects.get(**TARGETS["person"][1])
    statement.save()
    panel = Event.objects.get(slug="high-level-panel-2023")
    EventSpeaker.objects.create(event=panel, name_en="A speaker", organization=unossc)
    resource = Resource.objects.get(slug="campaign-materials-2023")
    resource.organizations.add(unossc)
    resource.initiatives.add(initiative)
    resource.countries.add(turkey)


def make_draft(kind):
    """Set the target of `kind` to draft under new names; the strings it must not show."""
    model, lookup, fields = TARGETS[kind]
    item = model.objects.get(**lookup)
    with override(settings.LANGUAGE_CODE):
        paths = {item.get_absolute_url()}
    for code in LANGUAGES:
        with override(code):
            paths.add(item.get_absolute_url())
    forbidden = set()
    for field in fields:
        for code in LANGUAGES:
            name = NAMES[code].format(field=field)
            setattr(item, f"{field}_{code}", name)
            forbidden.add(name)
    item.status = "draft"
    item.save()
    return item, forbidden, paths


def _item_routes(url, language):
    """Every route of the namespace of `url` taking the arguments it gives."""
    with override(language):
        match = resolve(url)
    # "statement" of statement_detail: its citations and side-by-side, not
    # another kind's page taking the same argument (a region's code).
    kind = match.url_name.rpartition("_")[0] + "_"
    made = []
    for route in routes():
        if route.namespace != match.namespace or not route.arguments:
            continue
        if not route.name.rpartition(":")[2].startswith(kind):
            continue
        choices = {}
        for name in route.arguments - set(match.kwargs):
            pattern = str(route.pattern._regex)
            found = re.search(rf"\(\?P<{name}>([\w|]+)\)", pattern)
            if not found:
                break
            choices[name] = found.group(1).split("|")
        else:
            kwargs = {name: match.kwargs[name] for name in route.arguments if name in match.kwargs}
            variants = [kwargs]
            for name, values in choices.items():
                variants = [{**v, name: value} for v in variants for value in values]
            with override(language):
                made += [reverse(route.name, kwargs=v) for v in variants]
    return made


def _reference_items():
    """The countries, regions and groups that have content (the others show none)."""
    countries = Country.objects.filter(
        pk__in=[
            *Initiative.countries.through.objects.values_list("country", flat=True),
            *Event.objects.values_list("country", flat=True),
            *Organization.objects.values_list("country", flat=True),
            *Resource.countries.through.objects.values_list("country", flat=True),
        ]
    )
    regions = Region.objects.filter(pk__in=[*countries.values_list("region", flat=True)])
    return [*countries, *regions, *CountryGroup.objects.all()]


def item_urls():
    """The pages (and files) of every public item, in every language, and their API documents."""
    items = []
    for content_type in content_types.registered():
        if hasattr(content_type.model, "get_absolute_url") and not content_type.reference:
            items += list(content_type.public_items())
    items += _reference_items()
    urls = set()
    for item in items:
        for language in LANGUAGES:
            with override(language):
                url = item.get_absolute_url()
            urls.add(url)
            urls.update(_item_routes(url, language))
    for endpoint in ENDPOINTS:
        if endpoint.is_reference_data:
            continue
        for item in endpoint.public():
            key = getattr(item, endpoint.section.key)
            urls.add(reverse(f"api:{endpoint.name}_detail", kwargs={"key": key}))
    return urls


def asked_urls(item, forbidden):
    """Lists, feeds, downloads and API lists filtered by the item's key in each of
    their parameters, or searched for its English names in lower case: full-text
    search ignores case, so a result shows the name as written while the search
    box's echo of the query does not count as a leak."""
    key = getattr(item, "key", None) or getattr(item, "slug", None) or getattr(item, "year", "")
    words = sorted(name.lower() for name in forbidden if name.isascii())
    urls = set()
    for route, url in public_urls():
        for parameter in route.declared or ():
            values = [str(key), *words] if parameter == "q" else [str(key)]
            urls.update(f"{url}?{urlencode({parameter: value})}" for value in values)
    for language in LANGUAGES:
        with override(language):
            search = reverse("search")
        urls.update(f"{search}?{urlencode({'q': word})}" for word in words)
    return urls


def readable(response):
    """The text of a response, whatever it is (a page, JSON, a spreadsheet, an archive)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    name = response.get("Content-Disposition", "")
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if name.rstrip('"').endswith(".zip") or kind == "application/zip":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(member).decode() for member in archive.namelist())
    if name.rstrip('"').endswith(".gz") or body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    text = body.decode(errors="replace")
    if "json" in kind or text.lstrip().startswith(("{", "[")):
        try:
            text = json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    # An iCalendar line is folded at 75 octets; a name may be cut across two.
    text = text.replace("\r\n ", "").replace("\n ", "")
    return html.unescape(unquote(text))


def leaks(text, forbidden, paths):
    found = sorted(name for name in forbidden if name in text)
    found += sorted(path for path in paths if re.search(re.escape(path) + r"(?![\w.-])", text))
    return found


_urls = {}


def every_url():
    """Asked once per test process: the demo content is the same in every test."""
    if not _urls:
        _urls["all"] = {url for _route, url in public_urls()} | item_urls()
    return _urls["all"]


@pytest.mark.parametrize("kind", list(TARGETS))
def test_an_unpublished_item_is_named_on_no_public_page(client, demo_content, settings, kind):
    settings.API_RATE = "0"  # hundreds of API requests from one client
    link_every_relation()
    urls = every_url()
    item, forbidden, paths = make_draft(kind)
    urls = sorted(urls | asked_urls(item, forbidden))
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code in (301, 302, 304):
            continue
        # A 404 page links the address it was asked (the other language's too).
        links = paths if response.status_code != 404 else ()
        leaked = leaks(readable(response), forbidden, links)
        if leaked:
            found[url] = leaked
    assert not found, f"{kind} leaks on {len(found)} of {len(urls)} URLs:\n" + "\n".join(
        f"{url}: {', '.join(names)}" for url, names in sorted(found.items())
    )
    assert len(urls) > 300  # the sweep did reach the site
