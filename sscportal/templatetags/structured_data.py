"""schema.org JSON-LD for event and statement pages.

A `<script type="application/ld+json">` is a data block, never executed, so it
is allowed under a script-src policy without 'unsafe-inline'.
"""

import json

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from sscportal.bilingual import shown
from sscportal.site import absolute_url

register = template.Library()

# The same escapes as Django's json_script: the data cannot close the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _script(data):
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _organization(organization):
    if organization is None:
        return None
    kind = "GovernmentOrganization" if organization.kind == "government" else "Organization"
    data = {"@type": kind, "name": shown(organization, "name").text}
    acronym = shown(organization, "acronym").text
    if acronym:
        data["alternateName"] = acronym
    if organization.website:
        data["url"] = organization.website
    return data


@register.simple_tag
def event_jsonld(event):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": shown(event, "title").text,
        "startDate": event.local_starts_at.isoformat()
        if event.time_known
        else event.starts_on.isoformat(),
        "url": absolute_url(event.get_absolute_url()),
        "inLanguage": get_language(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if event.online
        else "https://schema.org/OfflineEventAttendanceMode",
    }
    if event.ends_at:
        data["endDate"] = (
            event.local_ends_at.isoformat() if event.time_known else event.ends_on.isoformat()
        )
    description = strip_tags(shown(event, "description").text).strip()
    if description:
        data["description"] = description
    venue = shown(event, "venue").text
    if event.online:
        data["location"] = {"@type": "VirtualLocation", "url": event.url or data["url"]}
    elif venue:
        place = {"@type": "Place", "name": venue}
        if event.country:
            place["address"] = {"@type": "PostalAddress", "addressCountry": event.country.iso2}
        data["location"] = place
    organizers = [_organization(o) for o in event.organizers.all()]
    if organizers:
        data["organizer"] = organizers
    performers = [
        {"@type": "Person", "name": shown(speaker, "name").text} for speaker in event.speakers.all()
    ]
    if performers:
        data["performer"] = performers
    if event.recording_url:
        data["recordedIn"] = {"@type": "CreativeWork", "url": event.recording_url}
    return _script(data)


@register.simple_tag
def statement_jsonld(statement):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        # schema.org has no Speech type; genre names what kind of text this is.
        "genre": statement.kind,
        "headline": shown(statement, "title").text[:110],
        "datePublished": statement.delivered_on.isoformat(),
        "dateModified": statement.updated_at.isoformat(),
        "inLanguage": shown(statement, "body").lang,
        "url": absolute_url(statement.get_absolute_url()),
    }
    speaker = shown(statement, "speaker").text
    person = None
    if speaker:
        person = {"@type": "Person", "name": speaker}
        job = shown(statement, "speaker_title").text
        if job:
            person["jobTitle"] = job
    if statement.text_kind == "news-report":
        # A report of someone's remarks: the reporter wrote it, the outlet
        # published it, and the speaker is what it is about.
        data["@type"] = "NewsArticle"
        if statement.issued_on:
            data["datePublished"] = statement.issued_on.isoformat()
        if statement.byline:
            data["author"] = {"@type": "Person", "name": statement.byline}
        outlet = shown(statement, "outlet").text
        if outlet:
            data["publisher"] = {"@type": "Organization", "name": outlet}
        if person:
            data["about"] = person
    else:
        if person:
            data["author"] = person
        publisher = _organization(statement.organization)
        if publisher:
            data["publisher"] = publisher
        if statement.document_symbol:
            data["identifier"] = statement.document_symbol
    if statement.source_url:
        data["isBasedOn"] = statement.source_url
    return _script(data)
