"""Times of day with their place: {% time_range starts ends zone %} draws
"15:00–16:30 New York time (UTC−4)" (or its Arabic), each time in a <time>
element that carries the exact moment, so site.js can add the reader's own time.

Dates themselves need no tag: `|date` uses the UN style of sscportal/formats.
"""

import zoneinfo

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from sscportal.reader_toolkit.timezones import city, utc_offset

register = template.Library()


@register.simple_tag
def time_range(starts_at, ends_at, zone_name):
    zone = zoneinfo.ZoneInfo(zone_name)
    start = starts_at.astimezone(zone)
    times = format_html('<time datetime="{}">{}</time>', start.isoformat(), start.strftime("%H:%M"))
    if ends_at:
        end = ends_at.astimezone(zone)
        times = format_html(
            '{}–<time datetime="{}">{}</time>', times, end.isoformat(), end.strftime("%H:%M")
        )
    # Times and the offset are Latin runs: kept left-to-right inside Arabic text.
    return format_html(
        gettext("{times} {city} time ({offset})"),
        times=format_html('<span class="time-range" dir="ltr">{}</span>', times),
        city=city(zone_name),
        offset=format_html('<span dir="ltr">{}</span>', utc_offset(start)),
    )
