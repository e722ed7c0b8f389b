"""iCalendar files (RFC 5545, with RFC 7986's calendar name and refresh interval) of
the events and the Days, in the language of the URL: the whole site's, a
country's, an organization's and a Day's (each to subscribe to once), and one
event's (to add it).

Only published events and Days are in them. What each client reads from them is
tested with three parsers (tests/calendars).
"""

import datetime
import zoneinfo
from collections import defaultdict

import icalendar
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.filters import EventFilterForm
from events.models import Event, Observance
from initiatives.models import Country, Organization
from people.models import shown_name
from sscportal.configuration.site import absolute_url, site_hostname
from sscportal.operations.errors import ExplainedHttp404
from sscportal.text.languages import shown
from sscportal.text.plain_text import plain_text
from sscportal.visibility import public_related

PRODID = "-//sscportal//South-South Cooperation events//EN"
CALENDAR_LIMIT = 500
# How soon a subscribed calendar should be fetched again: RFC 7986's
# REFRESH-INTERVAL, and X-PUBLISHED-TTL, which Outlook and Apple Calendar read.
REFRESH = datetime.timedelta(hours=12)
# icalendar looks up to 64 days past the last date it is given, and there is no
# year 10000: in year 9999 the zone's rules stop here (later times keep the
# last offset, as in any VTIMEZONE).
LAST_RULE_DATE = datetime.date(datetime.MAXYEAR, 10, 1)


def _calendar():
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _subscribed_calendar(name, description, page_url):
    """A calendar to subscribe to, named. (A single event's file has no name:
    Outlook opens a named file as a calendar of its own, beside the reader's.)"""
    calendar = _calendar()
    # NAME is RFC 7986's; X-WR-CALNAME and X-WR-CALDESC are what Apple, Google
    # and Outlook show when a calendar is subscribed to.
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("url", absolute_url(page_url))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    return calendar


def _add_text(component, name, text, shown_text):
    """Property `name` with `text`, saying its language when `shown_text` (what
    it was made from) fell back to a language other than the file's."""
    if not text:
        return
    parameters = {"LANGUAGE": shown_text.lang} if shown_text.is_fallback else {}
    component.add(name, text, parameters=parameters)


def with_sequence(queryset):
    """`queryset` with each item's `edits`: its saves after the first, as its
    history counts them. A calendar's SEQUENCE, which must rise with each
    change for clients to take an updated event over the copy they hold."""
    records = (
        queryset.model.history.model.objects.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return queryset.annotate(edits=Coalesce(Subquery(records) - 1, Value(0)))


def _common(component, item, uid, page_url):
    # A key that never changes, so calendar clients update rather than duplicate.
    component.add("uid", f"{uid}@{site_hostname()}")
    component.add("dtstamp", item.updated_at.astimezone(datetime.UTC))
    component.add("last-modified", item.updated_at.astimezone(datetime.UTC))
    component.add("sequence", item.edits)
    component.add("url", absolute_url(page_url))


def _event_component(event):
    component = icalendar.Event()
    _common(component, event, event.slug, event.get_absolute_url())
    if event.time_known:
        component.add("dtstart", event.local_starts_at)
        if event.ends_at:
            component.add("dtend", event.local_ends_at)
    else:
        # A whole day (VALUE=DATE); DTEND is exclusive, the day after the last.
        component.add("dtstart", event.starts_on)
        component.add("dtend", (event.ends_on or event.starts_on) + datetime.timedelta(days=1))
    title = shown(event, "title")
    _add_text(component, "summary", title.text, title)
    description = shown(event, "description")
    text = "\n\n".join(
        part
        for part in (plain_text(description.text).strip(), _joining(event), _programme(event))
        if part
    )
    _add_text(component, "description", text, description)
    venue = shown(event, "venue")
    _add_text(component, "location", venue.text, venue)
    if event.online and event.url:
        # RFC 7986's way to the meeting; most clients only show the
        # description, which says it too (_joining).
        component.add(
            "conference",
            event.url,
            parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": _("Join online")},
        )
    return component


def _joining(event):
    """The event's link, as a line of its description: the way in, for an online event."""
    if not event.url:
        return ""
    if event.online:
        return _("Join online: %(link)s") % {"link": event.url}
    return _("Link: %(link)s") % {"link": event.url}


def _programme(event):
    """The speakers, one a line, in order: "Speakers:" then "Name, title, organization"."""
    lines = []
    for speaker in public_related(event, "speakers"):
        organization = public_related(speaker, "organization")
        parts = [
            shown_name(speaker, "person", "name").text,
            shown(speaker, "title").text,
            shown(organization, "name").text if organization else "",
        ]
        lines.append(", ".join(part for part in parts if part))
    if not lines:
        return ""
    return "\n".join([_("Speakers:"), *lines])


def _day_component(observance):
    """The Day itself, a whole day, which takes no one's time (TRANSP)."""
    component = icalendar.Event()
    _common(component, observance, f"day-{observance.year}", observance.get_absolute_url())
    component.add("dtstart", observance.date)
    component.add("dtend", observance.date + datetime.timedelta(days=1))
    component.add("transp", "TRANSPARENT")
    component.add(
        "summary",
        _("United Nations Day for South-South Cooperation %(year)s") % {"year": observance.year},
    )
    theme, summary = shown(observance, "theme"), shown(observance, "summary")
    text = "\n\n".join(part for part in (theme.text, plain_text(summary.text).strip()) if part)
    _add_text(component, "description", text, theme if theme.text else summary)
    return component


def _time_zones(calendar):
    """A VTIMEZONE for each zone the calendar's events are in, over the years they need.

    Each change of offset is an RDATE of its own line: Mozilla's ical.js and
    vobject (under CalDAV servers such as Radicale) misread the multi-valued
    RDATE lines icalendar writes, and put every summer-time event an hour late.
    The years are those of the events (not icalendar's 1970-2038, which would
    also leave out events outside it), and the file stays short.
    """
    years = defaultdict(set)
    for component in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            moment = component.decoded(name, None)
            zone = getattr(moment, "tzinfo", None)
            if isinstance(zone, zoneinfo.ZoneInfo):
                years[zone.key].add(moment.year)
    # Before the events, where some clients look for them as they read.
    for position, (tzid, needed) in enumerate(sorted(years.items())):
        last = max(needed)
        timezone = icalendar.Timezone.from_tzinfo(
            zoneinfo.ZoneInfo(tzid),
            tzid,
            first_date=datetime.date(min(needed), 1, 1),
            # Through the last year: the first day after it.
            last_date=datetime.date(last + 1, 1, 1) if last < datetime.MAXYEAR else LAST_RULE_DATE,
        )
        for observance in timezone.subcomponents:
            changes = observance.pop("RDATE", None)
            for change in changes.dts if changes else ():
                observance.add("RDATE", change.dt)
        calendar.subcomponents.insert(position, timezone)


def _response(calendar, filename):
    _time_zones(calendar)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _events(**filters):
    """Published events, narrowed as the events list narrows them by the same
    filters (a Day's, a host country's, an organizer's), newest first."""
    form = EventFilterForm(filters)
    if form.errors:
        raise Http404
    events = form.filter(Event.objects.published())
    return (
        with_sequence(events)
        .select_related("observance")
        .prefetch_related("speakers__organization", "speakers__person")
        .order_by("-starts_at", "slug")[:CALENDAR_LIMIT]
    )


def _events_calendar(name, description, page_url, events, days=(), filename=""):
    calendar = _subscribed_calendar(name, description, page_url)
    for observance in days:
        calendar.add_component(_day_component(observance))
    for event in events:
        calendar.add_component(_event_component(event))
    return _response(calendar, f"sscportal-{filename}-{get_language()}.ics")


def _site_description():
    return _("Events on and around the United Nations Day for South-South Cooperation.")


def calendar_ics(request):
    """Every published event, and the Days."""
    return _events_calendar(
        _("Events of South-South cooperation"),
        _site_description(),
        reverse("events:observance_list"),
        _events(),
        days=with_sequence(Observance.objects.published()).order_by("-year"),
        filename="events",
    )


def observance_ics(request, year):
    """A Day, and the events held for it."""
    observance = get_object_or_404(with_sequence(Observance.objects.published()), year=year)
    name = _("United Nations Day for South-South Cooperation %(year)s") % {"year": year}
    return _events_calendar(
        name,
        shown(observance, "theme").text or _site_description(),
        observance.get_absolute_url(),
        _events(observance=year),
        days=[observance],
        filename=f"day-{year}",
    )


def country_ics(request, iso2):
    """The events a country hosted or hosts, as its page lists them."""
    if len(iso2) != 2 or not iso2.isalpha() or not iso2.islower():
        raise ExplainedHttp404(
            _("Country codes in addresses are two lower-case letters, e.g. /countries/ke/.")
        )
    country = get_object_or_404(Country, iso2=iso2.upper())
    name = _("Events of South-South cooperation hosted by %(country)s") % {
        "country": shown(country, "name").text
    }
    return _events_calendar(
        name,
        _site_description(),
        country.get_absolute_url(),
        _events(country=iso2),
        filename=f"events-{iso2}",
    )


def organization_ics(request, key):
    """The events a published organization organized or organizes."""
    organization = get_object_or_404(Organization.objects.published(), key=key)
    name = _("Events of South-South cooperation organized by %(organization)s") % {
        "organization": shown(organization, "name").text
    }
    return _events_calendar(
        name,
        _site_description(),
        organization.get_absolute_url(),
        _events(organization=key),
        filename=f"events-{key}",
    )


def event_ics(request, year, slug):
    event = get_object_or_404(
        with_sequence(Event.objects.published())
        .select_related("observance")
        .prefetch_related("speakers__organization", "speakers__person"),
        slug=slug,
    )
    if event.year != year:
        raise ExplainedHttp404(_("This event is listed under another year."))
    calendar = _calendar()
    calendar.add_component(_event_component(event))
    return _response(calendar, f"{event.slug}.ics")
