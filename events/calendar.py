"""iCalendar (RFC 5545) export of events, in the language of the URL."""

import datetime

import icalendar
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sscportal.bilingual import shown
from sscportal.errors import ExplainedHttp404
from sscportal.site import absolute_url, site_hostname

from .models import Event

PRODID = "-//sscportal//South-South Cooperation events//EN"
CALENDAR_LIMIT = 500


def _calendar():
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _component(event):
    component = icalendar.Event()
    # The slug is stable and unique, so calendar clients update rather than duplicate.
    component.add("uid", f"{event.slug}@{site_hostname()}")
    component.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    if event.time_known:
        component.add("dtstart", event.local_starts_at)
        if event.ends_at:
            component.add("dtend", event.local_ends_at)
    else:
        # A whole day (VALUE=DATE); DTEND is exclusive, the day after the last.
        component.add("dtstart", event.starts_on)
        component.add("dtend", (event.ends_on or event.starts_on) + datetime.timedelta(days=1))
    component.add("summary", shown(event, "title").text)
    description = "\n\n".join(
        part
        for part in (strip_tags(shown(event, "description").text).strip(), _programme(event))
        if part
    )
    if description:
        component.add("description", description)
    venue = shown(event, "venue").text
    if venue:
        component.add("location", venue)
    component.add("url", absolute_url(event.get_absolute_url()))
    return component


def _programme(event):
    """The speakers, one a line, in order: "Speakers:" then "Name, title, organization"."""
    lines = []
    for speaker in event.speakers.all():
        organization = speaker.organization
        parts = [
            shown(speaker, "name").text,
            shown(speaker, "title").text,
            shown(organization, "name").text if organization else "",
        ]
        lines.append(", ".join(part for part in parts if part))
    if not lines:
        return ""
    return "\n".join([_("Speakers:"), *lines])


def _response(calendar, filename):
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_ics(request):
    calendar = _calendar()
    calendar.add("x-wr-calname", "South-South Cooperation events")
    events = (
        Event.objects.published()
        .select_related("observance")
        .prefetch_related("speakers__organization")
        .order_by("-starts_at")[:CALENDAR_LIMIT]
    )
    for event in events:
        calendar.add_component(_component(event))
    return _response(calendar, f"sscportal-events-{get_language()}.ics")


def event_ics(request, year, slug):
    event = get_object_or_404(
        Event.objects.published()
        .select_related("observance")
        .prefetch_related("speakers__organization"),
        slug=slug,
    )
    if event.year != year:
        raise ExplainedHttp404(_("This event is listed under another year."))
    calendar = _calendar()
    calendar.add_component(_component(event))
    return _response(calendar, f"{event.slug}.ics")
