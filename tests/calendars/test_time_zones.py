"""Every calendar parser reads each event at the instant it happens, in summer
time as in winter time, in New York and in Cairo, in every calendar file."""

import pytest

from . import clients
from .conftest import EXPECTED_STARTS

EVENTS = {f"{slug}@testserver": utc for slug, (_, utc) in EXPECTED_STARTS.items()}
# The Day is a whole day (VALUE=DATE), the same date for every reader.
DAY = {"day-2023@testserver": "2023-09-12"}


def calendar_files(events):
    """(URL, what the file holds) of every kind of calendar file, with the four events."""
    files = [
        ("/events/calendar.ics", EVENTS | DAY),
        ("/events/2023.ics", EVENTS | DAY),
        ("/organizations/unossc.ics", EVENTS),
        ("/countries/us.ics", {k: v for k, v in EVENTS.items() if k.startswith("new-york")}),
        ("/countries/eg.ics", {k: v for k, v in EVENTS.items() if k.startswith("cairo")}),
    ]
    for slug, event in events.items():
        files.append(
            (
                f"/events/{event.year}/{slug}.ics",
                {f"{slug}@testserver": EVENTS[f"{slug}@testserver"]},
            )
        )
    return files


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_parser_reads_every_calendar_at_the_right_instants(
    client, four_events, ical_js, language
):
    for url, expected in calendar_files(four_events):
        response = client.get(f"/{language}{url}")
        assert response.status_code == 200, url
        for read in (clients.with_icalendar, clients.with_vobject, ical_js):
            assert read(response.content) == expected, (url, read.__name__)
