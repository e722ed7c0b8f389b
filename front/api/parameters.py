"""The query string of an API request, read strictly.

The HTML lists ignore a bad value and say so on the page; a program cannot
read that note, so here every value the API cannot use is collected, and the
request is answered 400 naming each parameter (problems.InvalidParameters).
Parameters the API does not know are ignored, as on the HTML lists.
"""

import datetime
import re

from django.utils.translation import gettext as _

from sscportal.reader_toolkit.date_range import EARLIEST, LATEST

from .problems import InvalidParameters

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Far enough in the past for "everything": before the site and its history existed.
_BEFORE_EVERYTHING = datetime.datetime.combine(EARLIEST, datetime.time(), datetime.UTC)
_AFTER_EVERYTHING = datetime.datetime.combine(LATEST, datetime.time.max, datetime.UTC)
# "2024-09-12T10:00:00 02:00": the "+" of an offset sent unencoded reads as a space.
_SPACE_FOR_PLUS = re.compile(r"(T[0-9:.,]+) ([0-9]{2}(:?[0-9]{2})?)$")


class Parameters:
    def __init__(self, query):
        self.query = query
        self.invalid = []

    def filters(self, form_class):
        """The list's filter form (the HTML list's own); its invalid values are noted."""
        form = form_class(self.query)
        for name, errors in form.errors.items():
            self.invalid.append((name, errors[0]))
        return form

    def whole_number(self, name, default, maximum=None):
        raw = self.query.get(name, "")
        if raw == "":
            return default
        if raw.isascii() and raw.isdecimal() and len(raw) < 10:
            value = int(raw)
            if value >= 1 and (maximum is None or value <= maximum):
                return value
        if maximum is None:
            reason = _("must be a whole number, 1 or more")
        else:
            reason = _("must be a whole number from 1 to %(maximum)s") % {"maximum": maximum}
        self.invalid.append((name, reason))
        return default

    def moment(self, name):
        """An ISO 8601 date and time (without an offset: UTC), or a date (its midnight, UTC)."""
        # RFC 3339 allows "t" and "z" in lower case; Python reads capitals only.
        raw = self.query.get(name, "").strip().upper()
        if raw == "":
            return None
        try:
            moment = datetime.datetime.fromisoformat(_SPACE_FOR_PLUS.sub(r"\1+\2", raw))
        except ValueError:
            self.invalid.append(
                (name, _("must be an ISO 8601 date and time, e.g. 2024-09-12T00:00:00Z"))
            )
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        # Outside the dates content may have, a moment only means "everything" or
        # "nothing"; said so, it cannot overflow on the way to UTC.
        if moment.date() < EARLIEST:
            return _BEFORE_EVERYTHING
        if moment.date() > LATEST:
            return _AFTER_EVERYTHING
        return moment

    def page(self):
        """(page number, page size)."""
        return (
            self.whole_number("page", 1),
            self.whole_number("page_size", PAGE_SIZE, MAX_PAGE_SIZE),
        )

    def check(self):
        """Answer 400 if any value was invalid."""
        if self.invalid:
            raise InvalidParameters(self.invalid)
