"""The calendar tests read every calendar file with real parsers (clients.py).

ical.js runs in node, from node_modules (`make test` installs it with npm ci).
Without it a test is skipped with what to install, except where
REQUIRE_BROWSER=1 (set by .ci/run for every tool outside Python): there a
missing node is a failure, so CI cannot pass without having read the files.
"""

import datetime
import os
import zoneinfo

import pytest

from .. import factories
from . import clients

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
CAIRO = zoneinfo.ZoneInfo("Africa/Cairo")

# 3 pm at the venue, in summer time and in winter time, and the instant each is
# (Egypt observed summer time again from April 2023: UTC+3 in September).
EXPECTED_STARTS = {
    "new-york-summer": (
        datetime.datetime(2023, 9, 12, 15, tzinfo=NEW_YORK),
        "2023-09-12T19:00:00Z",
    ),
    "new-york-winter": (
        datetime.datetime(2023, 12, 5, 15, tzinfo=NEW_YORK),
        "2023-12-05T20:00:00Z",
    ),
    "cairo-summer": (datetime.datetime(2023, 9, 12, 15, tzinfo=CAIRO), "2023-09-12T12:00:00Z"),
    "cairo-winter": (datetime.datetime(2023, 12, 5, 15, tzinfo=CAIRO), "2023-12-05T13:00:00Z"),
}


@pytest.fixture
def ical_js():
    missing = clients.ical_js_missing()
    if missing and os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {missing}: the calendars cannot be read with ical.js")
    if missing:
        pytest.skip(missing)
    return clients.with_ical_js


@pytest.fixture
def four_events(db):
    """The Day of 2023 with four events at 3 pm local time: in New York and in
    Cairo, each in summer time and in winter time, organized by one organization."""
    day = factories.ObservanceFactory(year=2023, date=datetime.date(2023, 9, 12))
    organizer = factories.OrganizationFactory(key="unossc")
    events = {}
    for slug, (starts_at, _) in EXPECTED_STARTS.items():
        event = factories.EventFactory(
            slug=slug,
            observance=day,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            timezone=starts_at.tzinfo.key,
            country=factories.country("US" if starts_at.tzinfo is NEW_YORK else "EG"),
        )
        event.organizers.add(organizer)
        events[slug] = event
    return events
