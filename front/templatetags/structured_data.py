"""schema.org JSON-LD for the content pages, the home page and the data page.

A `<script type="application/ld+json">` is a data block, never executed, so it
is allowed under a script-src policy without 'unsafe-inline' (and needs no nonce).

Every block says the language of its text (`inLanguage`): the language the
page shows its title or name in, which is the other language's when the
reader's has none (`shown`, as the templates decide it). A text of the block in
yet another language carries its own, as `{"@value": ..., "@language": ...}`:
the JSON-LD counterpart of the `lang` attribute the page puts on it.

inLanguage belongs to creative works and events in schema.org, not to
organizations, projects (a kind of organization) or places: the block of such a
page is the WebPage about the thing, with the thing as its mainEntity.

Every address is on settings.SITE_URL (`absolute_url`), never the request's
host. Drafts are never named: a draft (which staff may preview) has no block,
and a related organization is named only once published.
"""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from people.models import shown_name
from sscportal.configuration.site import absolute_url
from sscportal.open_data.dumps import declared as declared_dumps
from sscportal.text.languages import Shown, current_language, shown
from sscportal.visibility import is_public, public_related

from ..opendata.columns import plain_text

register = template.Library()

SCHEMA_ORG = "https://schema.org"
# The texts of the interface are written in English, the source of every translation.
MESSAGE_LANGUAGE = "en"

# The same escapes as Django's json_script: the data cannot close the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# schema.org's subtypes of Organization for the kinds that have one.
ORGANIZATION_TYPES = {
    "government": "GovernmentOrganization",
    "academia": "EducationalOrganization",
    "civil-society": "NGO",
    "private-sector": "Corporation",
}
RESOURCE_TYPES = {
    "report": "Report",
    "podcast": "PodcastEpisode",
    "video": "VideoObject",
}
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _script(data):
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _compact(data):
    """`data` without its empty values, so that blocks can be written as one literal."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _message(message, **values):
    """An interface text in the reader's language, or in English where it has no
    translation (a language being added): which one is shown, like `shown`."""
    text = gettext(message)
    language = current_language()
    if text == message and language != MESSAGE_LANGUAGE:
        language = MESSAGE_LANGUAGE
    return Shown(text % values if values else text, language, language != current_language())


class _Texts:
    """The texts of one block, each in the block's language or marked with its own."""

    def __init__(self, main):
        self.language = main.lang

    def __call__(self, value):
        if not value.text:
            return None
        if value.lang == self.language:
            return value.text
        return {"@value": value.text, "@language": value.lang}

    def rich(self, value):
        """A rich text (sanitized HTML) as plain text, one paragraph a line."""
        return self(Shown(plain_text(value.text), value.lang, value.is_fallback))


def _page_block(thing, name, url):
    """The WebPage about `thing`, for things that have no language of their own."""
    return _script(
        {
            "@context": SCHEMA_ORG,
            "@type": "WebPage",
            "name": name.text,
            "url": url,
            "inLanguage": name.lang,
            "mainEntity": thing,
        }
    )


def _organization(organization, text):
    """A public organization, at its own website; None for a draft or none."""
    if not is_public(organization):
        return None
    return _compact(
        {
            "@type": ORGANIZATION_TYPES.get(organization.kind, "Organization"),
            "name": text(shown(organization, "name")),
            "alternateName": text(shown(organization, "acronym")),
            "url": organization.website,
        }
    )


def _person(person, name, text):
    """A speaker: a public person at their page, else only the name a row gives."""
    data = {"@type": "Person", "name": text(name)}
    if person is not None:
        data["familyName"] = text(shown(person, "family_name"))
        data["url"] = absolute_url(person.get_absolute_url())
    return _compact(data)


def _published_organizations(organizations, text):
    return [data for data in (_organization(o, text) for o in organizations) if data]


def _place(place, kind, text):
    """A country or region of the site, at its page."""
    return {
        "@type": kind,
        "name": text(shown(place, "name")),
        "url": absolute_url(place.get_absolute_url()),
    }


@register.simple_tag
def event_jsonld(event):
    if not event.is_published:
        return ""  # a draft, which staff preview
    title = shown(event, "title")
    text = _Texts(title)
    url = absolute_url(event.get_absolute_url())
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": title.text,
        "startDate": event.local_starts_at.isoformat()
        if event.time_known
        else event.starts_on.isoformat(),
        "url": url,
        "inLanguage": text.language,
        "description": text.rich(shown(event, "description")),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if event.online
        else "https://schema.org/OfflineEventAttendanceMode",
        "organizer": _published_organizations(event.organizers.all(), text),
        "performer": [
            _person(public_related(speaker, "person"), shown_name(speaker, "person", "name"), text)
            for speaker in public_related(event, "speakers")
        ],
    }
    if event.ends_at:
        data["endDate"] = (
            event.local_ends_at.isoformat() if event.time_known else event.ends_on.isoformat()
        )
    venue = shown(event, "venue")
    if event.online:
        data["location"] = {"@type": "VirtualLocation", "url": event.url or url}
    elif venue.text:
        place = {"@type": "Place", "name": text(venue)}
        if event.country:
            place["address"] = {"@type": "PostalAddress", "addressCountry": event.country.iso2}
        data["location"] = place
    if event.recording_url:
        data["recordedIn"] = {"@type": "CreativeWork", "url": event.recording_url}
    return _script(_compact(data))


@register.simple_tag
def statement_jsonld(statement):
    if not statement.is_published:
        return ""  # a draft, which staff preview
    body = shown(statement, "body")
    text = _Texts(body)
    headline = shown(statement, "title")
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Article",
        # schema.org has no Speech type; genre names what kind of text this is.
        "genre": statement.kind,
        "headline": text(Shown(headline.text[:110], headline.lang, headline.is_fallback)),
        "datePublished": statement.delivered_on.isoformat(),
        "dateModified": statement.updated_at.isoformat(),
        "inLanguage": text.language,
        "url": absolute_url(statement.get_absolute_url()),
    }
    speaker = shown_name(statement, "person", "speaker")
    person = None
    if speaker.text:
        person = _person(public_related(statement, "person"), speaker, text)
        person["jobTitle"] = text(shown(statement, "speaker_title"))
        person = _compact(person)
    if statement.text_kind == "news-report":
        # A report of someone's remarks: the reporter wrote it, the outlet
        # published it, and the speaker is what it is about.
        data["@type"] = "NewsArticle"
        if statement.issued_on:
            data["datePublished"] = statement.issued_on.isoformat()
        if statement.byline:
            data["author"] = {"@type": "Person", "name": statement.byline}
        outlet = shown(statement, "outlet")
        if outlet.text:
            data["publisher"] = {"@type": "Organization", "name": text(outlet)}
        data["about"] = person
    else:
        data["author"] = person
        data["publisher"] = _organization(statement.organization, text)
        data["identifier"] = statement.document_symbol
    data["isBasedOn"] = statement.source_url
    return _script(_compact(data))


@register.simple_tag
def initiative_jsonld(initiative):
    """A Project: an Organization in schema.org, so its start and end are the
    dates an organization has (foundingDate, dissolutionDate); startDate and
    endDate are not properties of it."""
    if not initiative.is_published:
        return ""  # a draft, which staff preview
    title = shown(initiative, "title")
    text = _Texts(title)
    url = absolute_url(initiative.get_absolute_url())
    # From the view's prefetched roles: no query of its own.
    funders = [
        role.organization for role in initiative.partner_roles.all() if role.role == "funder"
    ]
    places = [_place(role.country, "Country", text) for role in initiative.country_roles.all()]
    places += [_place(role.region, "Place", text) for role in initiative.region_roles.all()]
    project = {
        "@type": "Project",
        "name": title.text,
        "url": url,
        "description": text(shown(initiative, "summary")),
        "foundingDate": initiative.start_date and initiative.start_date.isoformat(),
        "dissolutionDate": initiative.end_date and initiative.end_date.isoformat(),
        "areaServed": places,
        "funder": _published_organizations(funders, text),
    }
    return _page_block(_compact(project), title, url)


@register.simple_tag
def organization_jsonld(organization):
    if not organization.is_published:
        return ""  # a draft, which staff preview
    name = shown(organization, "name")
    text = _Texts(name)
    data = _organization(organization, text)
    data["description"] = text.rich(shown(organization, "description"))
    if organization.country:
        data["address"] = {
            "@type": "PostalAddress",
            "addressCountry": organization.country.iso2,
        }
    # The organization's url is its website; the page about it is the WebPage's.
    return _page_block(_compact(data), name, absolute_url(organization.get_absolute_url()))


@register.simple_tag
def person_jsonld(person, titles):
    """`titles`: those the page shows, by date; the last one is the person's job title."""
    if not person.is_published:
        return ""  # a draft, which staff preview
    name = shown(person, "name")
    text = _Texts(name)
    data = _person(person, name, text)
    if titles:
        latest = titles[-1]
        data["jobTitle"] = text(shown(latest, "title"))
        data["worksFor"] = _organization(public_related(latest, "organization"), text)
    return _page_block(_compact(data), name, data["url"])


@register.simple_tag
def resource_jsonld(resource, organizations):
    """`organizations`: those the page shows, the published ones."""
    if not resource.is_published:
        return ""  # a draft, which staff preview
    title = shown(resource, "title")
    text = _Texts(title)
    data = {
        "@context": SCHEMA_ORG,
        "@type": RESOURCE_TYPES.get(resource.kind, "CreativeWork"),
        "name": title.text,
        "url": absolute_url(resource.get_absolute_url()),
        "inLanguage": text.language,
        "description": text(shown(resource, "summary")),
        "datePublished": resource.published_on and resource.published_on.isoformat(),
        "author": _published_organizations(organizations, text),
        "spatialCoverage": [
            _place(country, "Country", text) for country in resource.countries.all()
        ],
        # Its files and pages elsewhere, each in its own language.
        "encoding": [
            {"@type": "MediaObject", "contentUrl": link.url, "inLanguage": link.language}
            for link in resource.links.all()
        ],
    }
    return _script(_compact(data))


@register.simple_tag
def observance_jsonld(observance):
    """The Day: an all-day event on its date, observed by the United Nations."""
    if not observance.is_published:
        return ""  # a draft, which staff preview
    name = _message("United Nations Day for South-South Cooperation %(year)s", year=observance.year)
    text = _Texts(name)
    day = observance.date.isoformat()
    theme = text(shown(observance, "theme"))
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": name.text,
        "url": absolute_url(observance.get_absolute_url()),
        "inLanguage": text.language,
        # A date without a time, and the same end: the whole day, wherever it is observed.
        "startDate": day,
        "endDate": day,
        "eventStatus": "https://schema.org/EventScheduled",
        "description": text(shown(observance, "summary")),
        "about": theme and {"@type": "Thing", "name": theme},
        "organizer": {
            "@type": "Organization",
            # A proper name the interface does not translate.
            "name": text(Shown("United Nations", MESSAGE_LANGUAGE, False)),
            "alternateName": "UN",
            "url": "https://www.un.org/",
        },
    }
    return _script(_compact(data))


@register.simple_tag
def country_jsonld(country):
    name = shown(country, "name")
    text = _Texts(name)
    url = absolute_url(country.get_absolute_url())
    region = country.subregion or country.region
    data = {
        "@type": "Country",
        "name": name.text,
        "url": url,
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "ISO 3166-1 alpha-2", "value": country.iso2},
            {"@type": "PropertyValue", "propertyID": "ISO 3166-1 alpha-3", "value": country.iso3},
            {"@type": "PropertyValue", "propertyID": "UN M49", "value": f"{country.m49:03d}"},
        ],
        "containedInPlace": region and _place(region, "Place", text),
    }
    return _page_block(_compact(data), name, url)


def _site_name():
    return _message("South-South Cooperation")


@register.simple_tag
def website_jsonld():
    """The site, and how to search it (a search box in a search engine's result)."""
    name = _site_name()
    text = _Texts(name)
    description = _message(
        "Initiatives, events and statements of South-South and triangular cooperation, "
        "in English and Arabic."
    )
    # Written after absolute_url: as a URI it would escape the template's braces.
    search = absolute_url(reverse("search")) + "?q={search_term_string}"
    return _script(
        {
            "@context": SCHEMA_ORG,
            "@type": "WebSite",
            "name": name.text,
            "url": absolute_url(reverse("home")),
            "inLanguage": text.language,
            "description": text(description),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search},
                "query-input": "required name=search_term_string",
            },
        }
    )


@register.simple_tag(takes_context=True)
def dataset_jsonld(context):
    """The site's content as one dataset: each list's downloads, the dumps and the API
    (the data page's own links, from its view)."""
    name = _site_name()
    text = _Texts(name)
    downloads = []
    for entry in context["lists"]:
        label = str(entry["label"])
        downloads += [
            (f"{label} (CSV)", entry["links"]["csv"], "text/csv"),
            (f"{label} (Excel)", entry["links"]["xlsx"], SPREADSHEET),
            (f"{label} (API)", entry["links"]["api"], "application/json"),
        ]
    declared = declared_dumps()
    for path in context["dumps"].values():
        file = path.rsplit("/", 1)[-1]
        downloads.append((file, path, declared[file].content_type))
    description = _message(
        "Every list as CSV and Excel, the whole content as JSON and as a data package, "
        "feeds, calendars and an API, under an open licence."
    )
    last_change = context.get("last_change")
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Dataset",
        "name": name.text,
        "url": context["page_url"],
        "inLanguage": text.language,
        "description": text(description),
        "license": settings.CONTENT_LICENSE_URL,
        "isAccessibleForFree": True,
        "dateModified": last_change and last_change.isoformat(),
        "creator": {
            "@type": "Organization",
            "name": name.text,
            "url": absolute_url(reverse("home")),
        },
        "distribution": [
            {
                "@type": "DataDownload",
                "name": label,
                "contentUrl": absolute_url(path),
                "encodingFormat": encoding,
            }
            for label, path, encoding in downloads
        ],
    }
    return _script(_compact(data))
