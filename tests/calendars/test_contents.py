"""What a calendar file says besides the time: the way into an online event,
paragraphs, languages, the Days, which version an event is, how often to
refresh; and the calendars of a country, an organization and a Day, without
drafts. Read with ical.js (what Thunderbird shows) where a client's reading
matters, else with icalendar."""

import datetime

import icalendar
import pytest
from django.utils.translation import gettext, override

from .. import factories
from . import clients


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevent(calendar, uid):
    (found,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == f"{uid}@testserver"]
    return found


def ics_url(event, language="en"):
    return f"/{language}/events/{event.year}/{event.slug}.ics"


def test_an_online_event_gives_its_joining_link(client, four_events, ical_js):
    event = four_events["cairo-summer"]
    event.online, event.url = True, "https://meet.example.org/j/12345"
    event.save()
    response = client.get(ics_url(event))
    component = vevent(icalendar.Calendar.from_ical(response.content), "cairo-summer")
    assert str(component["CONFERENCE"]) == "https://meet.example.org/j/12345"
    assert component["CONFERENCE"].params["VALUE"] == "URI"
    (seen,) = clients.read_with_ical_js(response.content)["events"]
    assert "https://meet.example.org/j/12345" in seen["description"]


def test_paragraphs_stay_apart_in_descriptions(client, four_events, ical_js):
    event = four_events["new-york-summer"]
    event.description_en = (
        "<p>The Day celebrates South-South Cooperation.</p>"
        "<p>Jorge Chediek opened the <strong>panel</strong>.</p>"
    )
    event.save()
    (seen,) = clients.read_with_ical_js(client.get(ics_url(event)).content)["events"]
    assert seen["description"] == (
        "The Day celebrates South-South Cooperation.\n\nJorge Chediek opened the panel."
    )


def test_texts_in_the_other_language_say_which(client, four_events):
    event = four_events["new-york-summer"]
    event.title_ar, event.venue_en = "", "UN Headquarters"
    event.save()
    arabic = vevent(read(client, ics_url(event, "ar")), "new-york-summer")
    assert arabic["SUMMARY"].params["LANGUAGE"] == "en"
    assert arabic["LOCATION"].params["LANGUAGE"] == "en"
    english = vevent(read(client, ics_url(event)), "new-york-summer")
    assert "LANGUAGE" not in english["SUMMARY"].params
    assert "LANGUAGE" not in english["LOCATION"].params


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_calendar_is_named_in_its_language(client, four_events, ical_js, language):
    response = client.get(f"/{language}/events/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    with override(language):
        name = gettext("Events of South-South cooperation")
        description = gettext(
            "Events on and around the United Nations Day for South-South Cooperation."
        )
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == name
    assert str(calendar["DESCRIPTION"]) == str(calendar["X-WR-CALDESC"]) == description
    assert clients.read_with_ical_js(response.content)["name"] == name
    if language == "ar":
        assert name != "Events of South-South cooperation"


def test_the_days_are_whole_day_events(client, four_events, ical_js):
    factories.ObservanceFactory(year=2022, date=datetime.date(2022, 9, 12), status="draft")
    response = client.get("/en/events/calendar.ics")
    day = vevent(icalendar.Calendar.from_ical(response.content), "day-2023")
    assert day.DTSTART == datetime.date(2023, 9, 12)
    assert day.DTEND == datetime.date(2023, 9, 13)
    assert str(day["TRANSP"]) == "TRANSPARENT"
    assert "Partnership" in str(day["DESCRIPTION"])  # the theme
    assert str(day["URL"]) == "http://testserver/en/events/2023/"
    days = [e for e in clients.read_with_ical_js(response.content)["events"] if "day-" in e["uid"]]
    assert [(e["uid"], e["start"]) for e in days] == [
        ("day-2023@testserver", {"date": "2023-09-12"})
    ]


def test_the_sequence_rises_with_each_change(client, four_events):
    event = four_events["cairo-winter"]

    def sequence():
        return vevent(read(client, "/en/events/calendar.ics"), "cairo-winter")["SEQUENCE"]

    before = sequence()
    event.title_en = "Corrected title"
    event.save()
    assert sequence() == before + 1
    event.venue_en = "Cairo"
    event.save()
    assert sequence() == before + 2


@pytest.mark.parametrize(
    "url", ["/en/events/calendar.ics", "/en/events/2023.ics", "/en/countries/eg.ics"]
)
def test_subscribed_calendars_say_how_often_to_refresh(client, four_events, url):
    calendar = read(client, url)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT12H"


def test_a_single_event_file_is_not_a_calendar_of_its_own(client, four_events):
    # Outlook opens a named file as a calendar beside the reader's.
    calendar = read(client, ics_url(four_events["cairo-winter"]))
    assert "X-WR-CALNAME" not in calendar and "NAME" not in calendar


def uids(calendar):
    return {str(e["UID"]).removesuffix("@testserver") for e in calendar.walk("VEVENT")}


def test_a_country_calendar_has_the_events_it_hosts_and_no_drafts(client, four_events):
    factories.EventFactory(slug="draft-in-cairo", status="draft", country=factories.country("EG"))
    factories.EventFactory(slug="in-kenya", country=factories.country("KE"))
    calendar = read(client, "/en/countries/eg.ics")
    assert uids(calendar) == {"cairo-summer", "cairo-winter"}
    assert "Egypt" in str(calendar["X-WR-CALNAME"])
    assert uids(read(client, "/en/countries/ke.ics")) == {"in-kenya"}


def test_an_organization_calendar_has_its_events_and_no_drafts(client, four_events):
    factories.EventFactory(slug="draft", status="draft").organizers.add(
        four_events["cairo-summer"].organizers.get()
    )
    factories.EventFactory(slug="someone-else")
    calendar = read(client, "/en/organizations/unossc.ics")
    assert uids(calendar) == set(four_events)


def test_a_day_calendar_has_the_day_and_its_events_and_no_drafts(client, four_events):
    factories.EventFactory(
        slug="draft", status="draft", observance=four_events["cairo-summer"].observance
    )
    factories.EventFactory(slug="another-year")
    calendar = read(client, "/en/events/2023.ics")
    assert uids(calendar) == {"day-2023", *four_events}


@pytest.mark.parametrize(
    "url",
    [
        "/en/organizations/hidden.ics",  # unpublished
        "/en/organizations/nobody.ics",
        "/en/events/2022.ics",  # a draft Day
        "/en/events/1999.ics",
        "/en/countries/zz.ics",
        "/en/countries/EG.ics",
    ],
)
def test_no_calendar_for_what_is_not_public(client, four_events, url):
    factories.OrganizationFactory(key="hidden", status="draft")
    factories.ObservanceFactory(year=2022, date=datetime.date(2022, 9, 12), status="draft")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "page, calendar",
    [
        ("/en/countries/eg/", "/en/countries/eg.ics"),
        ("/ar/organizations/unossc/", "/ar/organizations/unossc.ics"),
        ("/en/events/2023/", "/en/events/2023.ics"),
    ],
)
def test_pages_link_their_calendar(client, four_events, page, calendar):
    assert f'href="{calendar}" type="text/calendar"' in client.get(page).content.decode()


def test_a_draft_organization_page_links_no_calendar(admin_client, four_events):
    factories.OrganizationFactory(key="hidden", status="draft")
    assert (
        'type="text/calendar"' not in admin_client.get("/en/organizations/hidden/").content.decode()
    )


@pytest.mark.parametrize(
    "url", ["/en/events/calendar.ics", "/en/events/2023.ics", "/en/organizations/unossc.ics"]
)
def test_a_calendar_costs_the_same_queries_however_many_events(
    client, four_events, django_assert_max_num_queries, url
):
    day = four_events["cairo-summer"].observance
    organizer = four_events["cairo-summer"].organizers.get()
    for number in range(20):
        event = factories.EventFactory(observance=day, description_en=f"<p>Event {number}</p>")
        event.organizers.add(organizer)
        event.speakers.create(name_en=f"Speaker {number}", organization=organizer)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
