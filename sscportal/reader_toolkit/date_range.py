"""The dates content may carry: 1945-01-01 to 2100-12-31, in the models, the admin and the import.

Why these bounds: nothing the site describes predates the United Nations
(1945; South-South cooperation as a UN matter starts with the 1978 Buenos
Aires Plan of Action), and nothing is planned past this century. Dates near
year 1 or 9999 are typing slips, and they break more than the item itself:
a datetime at 9999-12-31 in New York is year 10000 in UTC, which Python
cannot hold, so export, the calendar, the sitemap and search failed.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = datetime.date(1945, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def out_of_range(value):
    """True when a date or datetime (its calendar date, in its own offset) is outside the range."""
    if value is None:
        return False
    day = value.date() if isinstance(value, datetime.datetime) else value
    return not EARLIEST <= day <= LATEST


def validate_in_range(value):
    if out_of_range(value):
        raise ValidationError(
            _("Give a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
        )


def in_zone(moment, zone):
    """`moment` in time zone `zone`; a moment so near year 1 or 9999 that the zone's
    offset carries it past them (stored before the bounds existed) stays in UTC."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment.astimezone(datetime.UTC)
