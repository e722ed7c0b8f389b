"""Every public URL and the query parameters it reads, derived from the URLconf.

The routes are front/urls.py's named patterns (the admin aside, tested on its
own); each gets sample arguments from the demo content: the URL of one public
item of every registered content type is resolved, and its arguments serve
every route of the same namespace that takes the same ones (an event's year
and slug serve its page and its calendar file). Arguments no item gives are
the alternatives a pattern's regular expression spells out (a citation's
`json|bib|ris`) and the sections of the sitemaps a route is given. A route none of those
serve is given the links to it that the other routes' pages hold (a file the
data page offers), or a value from the first record its sibling list answers
in JSON (an API item's key). A route
added to the URLconf is attacked the day it is added, or the coverage test
(test_public_urls.py) names it.

The parameters of a page are those its view declares (`query_parameters`, or
a list's `filter_form`: its fields and `page`; see sscportal/caching/pages.py);
a page that declares none gets `page` and `q`, which it must ignore.
"""

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern
from django.utils.translation import override

from sscportal import content_types
from sscportal.caching.pages import view_parameters

SKIPPED_NAMESPACES = {"admin"}
# What a page that reads no parameter gets; it must ignore them.
IGNORED = ("page", "q")


@dataclass(frozen=True)
class Route:
    name: str  # "statements:statement_detail"
    localized: bool  # under /en/ and /ar/
    pattern: object
    view: object
    default_args: tuple

    @property
    def namespace(self):
        return self.name.rpartition(":")[0]

    @property
    def arguments(self):
        """The names of the arguments its pattern captures."""
        return set(self.pattern.regex.groupindex)

    @property
    def declared(self):
        """The parameters its view declares, or None (sscportal/caching/pages.py)."""
        return view_parameters(self.view)

    @property
    def parameters(self):
        return self.declared or IGNORED

    def languages(self):
        return tuple(code for code, _name in settings.LANGUAGES) if self.localized else (None,)


def routes():
    """Every named route of the URLconf, the admin's aside, in URLconf order."""
    found = []

    def walk(patterns, namespace, localized):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = ":".join(part for part in (namespace, entry.namespace) if part)
                local = localized or isinstance(entry.pattern, LocalePrefixPattern)
                walk(entry.url_patterns, inner, local)
            elif entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                found.append(
                    Route(
                        name,
                        localized,
                        entry.pattern,
                        entry.callback,
                        tuple(sorted(entry.default_args)),
                    )
                )

    walk(get_resolver().url_patterns, "", False)
    return found


def route_names():
    return [route.name for route in routes()]


def _alternatives(route):
    """{argument: [values]} a regular expression spells out, (?P<format>json|bib|ris)."""
    if not isinstance(route.pattern, RegexPattern):
        return {}
    found = {}
    for name, choices in re.findall(r"\(\?P<(\w+)>([\w|]+)\)", str(route.pattern._regex)):
        found[name] = choices.split("|")
    return found


def _sections(route):
    """The sitemap sections a route is given, as its `section` argument."""
    sitemaps = dict(get_resolver().resolve(reverse("sitemap")).kwargs).get("sitemaps", {})
    return {"section": list(sitemaps)} if "section" in route.arguments else {}


def _known_arguments():
    """{namespace: [(route name, arguments)]} from the URL of one public item of every
    content type."""
    known = {}
    for content_type in content_types.registered():
        if not hasattr(content_type.model, "get_absolute_url"):
            continue
        model = content_type.model
        item = content_type.public_items().order_by(*model._meta.ordering or ["pk"]).first()
        if item is None:
            continue
        match = resolve(item.get_absolute_url())
        known.setdefault(match.namespace, []).append((match.view_name, dict(match.kwargs)))
    known["alerts"] = _alert_links()
    known["media"] = _library_links()
    return known


def _library_links():
    """A library document and image that public items use (a resource's file, a
    Day's banner), made for the purpose: the demo content holds no file. Stored
    under MEDIA_ROOT, which tests/robustness/conftest.py points at a scratch folder."""
    from events.models import Observance
    from media.models import Document, Image
    from resources.models import Resource, ResourceFile

    from ..media.files import pdf_bytes, png_bytes, upload

    document = Document.objects.filter(title_en="Robustness sample").first()
    if document is None:
        document = Document.objects.create(
            file=upload("sample.pdf", pdf_bytes(), "application/pdf"),
            language="en",
            title_en="Robustness sample",
            kind="pdf",
        )
        resource = Resource.objects.published().order_by("pk").first()
        ResourceFile.objects.create(resource=resource, document=document)
    image = Image.objects.filter(alt_en="Robustness sample").first()
    if image is None:
        image = Image.objects.create(
            file=upload("sample.png", png_bytes(), "image/png"), alt_en="Robustness sample"
        )
        day = Observance.objects.published().order_by("pk").first()
        Observance.objects.filter(pk=day.pk).update(banner=image)
    name = image.download_name()
    width = image.rendition_widths()[0]
    return [
        ("media:document", {"pk": document.pk, "name": document.download_name()}),
        ("media:image", {"pk": image.pk, "name": name}),
        ("media:image_rendition", {"pk": image.pk, "width": width, "name": name}),
    ]


def _alert_links():
    """The signed links of an e-mail alert subscription made for the purpose (alerts/links.py)."""
    from alerts import links
    from alerts.models import Subscription

    subscription, _created = Subscription.objects.get_or_create(
        email="robustness@example.org",
        target="country",
        target_key="ke",
        defaults={"language": "en"},
    )
    return [
        ("alerts:confirm", {"token": links.token(subscription, links.CONFIRM)}),
        ("alerts:unsubscribe", {"token": links.token(subscription, links.UNSUBSCRIBE)}),
    ]


def sample_urls(route, language, known=None):
    """One URL of `route` in `language` for each value of its enumerable arguments
    (a citation in each format), with the demo content's items; failing those, the
    links to it that the other routes' pages hold; [] if there are none."""
    known = _known_arguments() if known is None else known
    return (
        _made(route, language, known)
        or _linked(language, known).get(route.name, [])[:2]
        or _from_list(route, language, known)
    )


def _made(route, language, known):
    arguments = route.arguments
    choices = {**_alternatives(route), **_sections(route)}
    given = arguments - set(choices)
    if given:
        # The route's own item first (a country's code for a country's page),
        # then another of its namespace taking the same arguments.
        entries = sorted(known.get(route.namespace, []), key=lambda e: e[0] != route.name)
        candidates = [
            {name: value for name, value in kwargs.items() if name in given}
            for _view_name, kwargs in entries
            if given <= set(kwargs)
        ]
        if not candidates:
            return []
        base = candidates[0]
    else:
        base = {}
    variants = [base]
    for name, values in choices.items():
        variants = [{**variant, name: value} for variant in variants for value in values]
    with override(language or settings.LANGUAGE_CODE):
        return [reverse(route.name, kwargs=kwargs) for kwargs in variants]


_links = {}
TEXT = ("text/html", "application/json", "application/xml", "application/atom+xml")
LINK = re.compile(r'(?:href|src)="(/[^"#]*)"')


def _linked(language, known):
    """{route name: [URLs]} of the links found in the pages of the routes made by
    arguments (a file offered on a page, an item in an API list): asked once."""
    if language in _links:
        return _links[language]
    client = Client()
    origin = re.escape(settings.SITE_URL.rstrip("/"))
    absolute = re.compile(rf"{origin}(/[^\s\"'<>#]*)")
    found = {}
    for route in routes():
        for url in _made(route, language if route.localized else None, known):
            response = client.get(url)
            if response.streaming or not response.get("Content-Type", "").startswith(TEXT):
                continue  # a download: no links in it
            text = response.content.decode(errors="replace")
            for path in sorted({*LINK.findall(text), *absolute.findall(text)}):
                path = html.unescape(path).split("?")[0]
                try:
                    with override(language or settings.LANGUAGE_CODE):
                        name = resolve(unquote(path)).view_name
                except Resolver404:
                    continue
                found.setdefault(name, [])
                if path not in found[name]:
                    found[name].append(path)
    _links[language] = found
    return found


def _from_list(route, language, known):
    """For a route of one argument, `<kind>_detail` say: a value from the first record
    of the JSON its sibling `<kind>_list` answers, the first that makes a page (an API
    item's key). [] if none does."""
    if len(route.arguments) != 1:
        return []
    (argument,) = route.arguments
    kind = route.name.rpartition("_")[0]
    client = Client()
    for sibling in routes():
        if sibling is route or sibling.name.rpartition("_")[0] != kind or sibling.arguments:
            continue
        for url in _made(sibling, language if sibling.localized else None, known):
            response = client.get(url)
            if not response.get("Content-Type", "").startswith("application/json"):
                continue
            data = json.loads(response.content)
            records = data.get("results", []) if isinstance(data, dict) else data
            first = records[0] if records and isinstance(records[0], dict) else {}
            for value in first.values():
                if not isinstance(value, (str, int)) or isinstance(value, bool):
                    continue
                try:
                    with override(language or settings.LANGUAGE_CODE):
                        candidate = reverse(route.name, kwargs={argument: value})
                except NoReverseMatch:
                    continue
                if client.get(candidate).status_code == 200:
                    return [candidate]
    return []


def public_urls(language_filter=None):
    """[(route, url)] for every route and language (demo content needed)."""
    known = _known_arguments()
    return [
        (route, url)
        for route in routes()
        for language in route.languages()
        if language_filter is None or language in (None, language_filter)
        for url in sample_urls(route, language, known)
    ]


def public_parameters():
    """[(url, parameter names)] for every public URL (demo content needed)."""
    return [(url, list(route.parameters)) for route, url in public_urls()]
