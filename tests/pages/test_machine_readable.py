"""Feeds, calendars, sitemap, robots and health: output for machines."""

import datetime
import re

import feedparser
import icalendar
import pytest

from front.urls import SITEMAPS

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar"])
def test_statement_feed_is_valid_atom_in_its_language(client, demo_content, language):
    response = client.get(f"/{language}/statements/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == language
    assert len(feed.entries) == 5
    titles = [entry.title for entry in feed.entries]
    if language == "ar":
        assert "كلمة المدير العام لسيسرك في إطلاق التقرير المشترك" in titles
    else:
        assert (
            "Statement by the Secretary-General on the United Nations Day for South-South Cooperation 2023"
            in titles
        )
    assert all(
        entry.link.startswith(f"http://testserver/{language}/statements/") for entry in feed.entries
    )


def test_feed_carries_the_twenty_newest_statements(client):
    for day in range(1, 26):
        factories.StatementFactory(
            title_en=f"Statement of day {day}", delivered_on=datetime.date(2025, 1, day)
        )
    feed = feedparser.parse(client.get("/en/statements/feed/").content)
    assert [entry.title for entry in feed.entries] == [
        f"Statement of day {day}" for day in range(25, 5, -1)
    ]


def test_feed_leaves_out_drafts(client, demo_content):
    factories.StatementFactory(status="draft", title_en="Secret draft")
    assert "Secret draft" not in client.get("/en/statements/feed/").text


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_event_calendar_has_the_required_properties(client, demo_content):
    calendar = _calendar(client.get("/en/events/2023/high-level-panel-2023.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        assert prop in event, prop
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    start = event.decoded("DTSTART")
    assert start.astimezone(datetime.UTC) == datetime.datetime(2023, 9, 12, 19, tzinfo=datetime.UTC)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert "high-level-panel-2023@" in event["UID"]


def test_arabic_calendar_carries_arabic_titles(client, demo_content):
    calendar = _calendar(client.get("/ar/events/calendar.ics"))
    # The Days are in it too, as whole-day events (tests/calendars).
    summaries = {
        str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if not str(e["UID"]).startswith("day-")
    }
    assert (
        "إطلاق التقرير المشترك لسيسرك ومكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب"
        in summaries
    )
    assert len(summaries) == 2
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {
        "America/New_York",
        "Europe/Istanbul",
    }


def sitemap_pages(client):
    """The sitemaps the index at /sitemap.xml lists, fetched: {address: XML}."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "<sitemapindex" in index.text
    addresses = re.findall(r"<loc>http://testserver(/[^<]*)</loc>", index.text)
    pages = {}
    for address in addresses:
        response = client.get(address.replace("&amp;", "&"))
        assert response.status_code == 200, address
        pages[address] = response.text
    return pages


def test_sitemap_lists_every_published_page_with_alternates(client, demo_content):
    xml = "".join(sitemap_pages(client).values())
    locations = set(re.findall(r"<loc>http://testserver(/[^<]*)</loc>", xml))
    expected = {
        "/",
        "/initiatives/",
        "/countries/",
        "/events/",
        "/statements/",
        "/initiatives/china-unossc-climate-smart-agriculture-africa/",
        "/initiatives/sesric-statistics-research-training-oic/",
        "/countries/cn/",
        "/countries/tr/",
        "/countries/us/",
        "/events/2005/",
        "/events/2023/",
        "/events/2023/high-level-panel-2023/",
        "/events/2020/sesric-unossc-joint-report-launch-2020/",
        "/statements/unesco-dg-message-2005/",
        "/statements/dabur-remarks-joint-report-2020/",
    }
    for path in expected:
        for language in ("en", "ar"):
            assert f"/{language}{path}" in locations, f"/{language}{path}"
    assert not any("sri-lanka-sdg-acceleration-exchange" in loc for loc in locations)
    assert (
        '<xhtml:link rel="alternate" hreflang="ar" href="http://testserver/ar/statements/unesco-dg-message-2005/"/>'
        in xml
    )
    assert 'hreflang="x-default" href="http://testserver/statements/unesco-dg-message-2005/"' in xml


def test_a_big_section_is_split_into_sitemap_pages(client, monkeypatch):
    # 3 URLs a page: an item's two languages may fall on two pages.
    monkeypatch.setattr(SITEMAPS["initiatives"], "limit", 3)
    for n in range(5):
        factories.InitiativeFactory(slug=f"mapped-{n}")
    pages = sitemap_pages(client)
    initiative_pages = sorted(a for a in pages if a.startswith("/sitemap-initiatives.xml"))
    assert len(initiative_pages) == 4
    mapped = re.findall(
        r"<loc>http://testserver/(?:en|ar)/initiatives/(mapped-\d)/</loc>",
        "".join(pages[a] for a in initiative_pages),
    )
    assert sorted(mapped) == sorted([f"mapped-{n}" for n in range(5)] * 2)
    assert all(pages[a].count("<url>") <= 3 for a in initiative_pages)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /ar/admin/" in text


def test_healthz_touches_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
