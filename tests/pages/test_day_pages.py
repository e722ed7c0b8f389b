"""The Day's pages as un.org presents an observance: a banner, the Secretary-General's
message first, the years before and after, the year's resources, and an event's times
at the venue, in UTC and in the reader's own zone."""

import datetime
import re
import zoneinfo

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string

from .. import factories

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"


def section(html, css_class):
    """The element of `css_class` (a <section> or <nav>) and what it holds."""
    match = re.search(rf'<(section|nav) class="{css_class}[ "].*?</\1>', html, re.S)
    assert match, f"no {css_class} on the page"
    return match.group(0)


def text(html):
    """What a reader reads: inline elements joined to their neighbours, blocks apart."""
    inline_gone = re.sub(r"</?(time|span|a|q|bdi)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline_gone).split())


def secretary_general(**fields):
    return factories.StatementFactory(
        **{
            "title_en": "Message of the Secretary-General for the Day",
            "title_ar": "رسالة الأمين العام بمناسبة اليوم",
            "body_en": "<p>South-South cooperation &amp; solidarity are needed now.</p>",
            "body_ar": "<p>التعاون فيما بين بلدان الجنوب والتضامن ضروريان الآن.</p>",
            "speaker_en": "António Guterres",
            "speaker_ar": "أنطونيو غوتيريش",
            "speaker_title_en": "Secretary-General of the United Nations",
            "speaker_title_ar": "الأمين العام للأمم المتحدة",
            "kind": "message",
            **fields,
        }
    )


@pytest.fixture
def day_2023():
    return factories.ObservanceFactory(
        year=2023,
        date=datetime.date(2023, 9, 12),
        theme_en="Solidarity, Equity and Partnership",
        theme_ar="التضامن والإنصاف والشراكة",
    )


# The banner


def test_the_banner_names_the_day_its_date_and_the_theme_in_both_languages(client, day_2023):
    english = text(section(client.get("/en/events/2023/").text, "day-banner"))
    assert "United Nations Day for South-South Cooperation 2023" in english
    assert "12 September 2023" in english
    assert "Theme Solidarity, Equity and Partnership" in english
    arabic = text(section(client.get("/ar/events/2023/").text, "day-banner"))
    assert "يوم الأمم المتحدة للتعاون فيما بين بلدان الجنوب 2023" in arabic
    assert "12 سبتمبر 2023" in arabic
    assert "الموضوع التضامن والإنصاف والشراكة" in arabic


def test_the_banner_holds_the_title_of_the_days_page(client, day_2023):
    banner = section(client.get("/en/events/2023/").text, "day-banner")
    assert re.search(r"<h1 [^>]*>\s*United Nations Day", banner)


def test_a_year_without_a_theme_has_no_theme_line(client):
    factories.ObservanceFactory(
        year=2020, date=datetime.date(2020, 9, 12), theme_en="", theme_ar=""
    )
    banner = section(client.get("/en/events/2020/").text, "day-banner")
    assert "12 September 2020" in banner and "Theme" not in banner


def test_the_days_list_opens_on_the_latest_days_banner(client, day_2023):
    factories.ObservanceFactory(year=2005, date=datetime.date(2005, 12, 19))
    banner = section(client.get("/en/events/").text, "day-banner")
    assert "The latest Day" in banner and 'href="/en/events/2023/"' in banner
    assert "Solidarity, Equity and Partnership" in banner and "2005" not in banner
    arabic = section(client.get("/ar/events/").text, "day-banner")
    assert "أحدث احتفال باليوم" in arabic and "التضامن والإنصاف والشراكة" in arabic


def test_the_banner_takes_an_image_with_its_alternative_text():
    day = factories.ObservanceFactory.build(year=2023, date=datetime.date(2023, 9, 12))
    image = {"url": "/media/day-2023.jpg", "width": 1200, "height": 600}
    html = render_to_string(
        "includes/day_banner.html", {"day": day, "image": image, "alt": "Delegates at the Day"}
    )
    assert 'src="/media/day-2023.jpg" alt="Delegates at the Day"' in html
    assert "day-banner-with-image" in html
    without = render_to_string("includes/day_banner.html", {"day": day})
    assert "<img" not in without and "day-banner-with-image" not in without


# The Secretary-General's message


def test_the_secretary_generals_message_leads_the_year_page_and_is_not_listed_again(
    client, day_2023
):
    secretary_general(slug="sg-2023", observance=day_2023)
    factories.StatementFactory(
        slug="other-2023", title_en="Remarks of a minister", observance=day_2023
    )
    html = client.get("/en/events/2023/").text
    lead = section(html, "day-message")
    assert "The Secretary-General’s message" in lead
    assert "Message of the Secretary-General for the Day" in lead
    assert "South-South cooperation &amp; solidarity are needed now." in lead  # escaped once
    assert 'href="/en/statements/sg-2023/"' in lead
    assert html.index('class="day-message"') < html.index('id="statements-heading"')
    listed = html.split('id="statements-heading"')[1].split("</section>")[0]
    assert "Remarks of a minister" in listed
    assert "sg-2023" not in listed
    assert html.count('href="/en/statements/sg-2023/"') == 1


def test_the_message_is_excerpted_in_arabic_on_the_arabic_page(client, day_2023):
    secretary_general(slug="sg-2023", observance=day_2023)
    lead = section(client.get("/ar/events/2023/").text, "day-message")
    assert "رسالة الأمين العام" in lead
    assert "التعاون فيما بين بلدان الجنوب والتضامن ضروريان الآن." in lead
    assert '<blockquote class="day-message-excerpt">' in lead  # in the page's language


def test_an_english_only_message_is_marked_on_the_arabic_page(client, day_2023):
    secretary_general(slug="sg-2023", observance=day_2023, body_ar="")
    lead = section(client.get("/ar/events/2023/").text, "day-message")
    assert re.search(r'<blockquote class="day-message-excerpt"\s+lang="en" dir="ltr">', lead)
    assert "هذا النص متوفر بالإنجليزية فقط." in lead


def test_a_long_message_is_cut_to_its_opening_words(client, day_2023):
    words = " ".join(f"word{n}" for n in range(200))
    secretary_general(slug="sg-2023", observance=day_2023, body_en=f"<p>{words}</p>")
    lead = section(client.get("/en/events/2023/").text, "day-message")
    assert "word59…" in lead and "word60" not in lead


def test_a_deputy_or_an_envoy_is_not_taken_for_the_secretary_general(client, day_2023):
    for slug, title in [
        ("deputy", "Deputy Secretary-General"),
        ("envoy", "Envoy of the Secretary-General on South-South Cooperation"),
    ]:
        factories.StatementFactory(slug=slug, speaker_title_en=title, observance=day_2023)
    html = client.get("/en/events/2023/").text
    assert 'class="day-message"' not in html
    listed = html.split('id="statements-heading"')[1].split("</section>")[0]
    assert "/en/statements/deputy/" in listed and "/en/statements/envoy/" in listed


def test_the_secretary_general_is_known_by_their_title_on_the_day(client, day_2023):
    person = factories.PersonFactory(key="guterres", name_en="António Guterres")
    factories.PersonTitleFactory(
        person=person,
        title_en="Secretary-General of the United Nations",
        starts_on=datetime.date(2017, 1, 1),
    )
    factories.StatementFactory(slug="by-person", person=person, observance=day_2023)
    lead = section(client.get("/en/events/2023/").text, "day-message")
    assert "/en/statements/by-person/" in lead
    # Before taking office, the same person is not yet the Secretary-General.
    day_2015 = factories.ObservanceFactory(year=2015, date=datetime.date(2015, 9, 12))
    factories.StatementFactory(
        slug="before-office",
        person=person,
        delivered_on=datetime.date(2015, 9, 12),
        observance=day_2015,
    )
    assert 'class="day-message"' not in client.get("/en/events/2015/").text


def test_the_days_list_features_the_newest_message(client, day_2023):
    older = factories.ObservanceFactory(year=2022, date=datetime.date(2022, 9, 12))
    secretary_general(slug="sg-2022", observance=older, delivered_on=datetime.date(2022, 9, 12))
    secretary_general(slug="sg-2023", observance=day_2023)
    lead = section(client.get("/en/events/").text, "day-message")
    assert "The Secretary-General’s message for the Day in 2023" in lead
    assert "/en/statements/sg-2023/" in lead and "sg-2022" not in lead
    arabic = section(client.get("/ar/events/").text, "day-message")
    assert "رسالة الأمين العام بمناسبة يوم 2023" in arabic


def test_a_message_for_a_draft_day_is_not_featured(client, day_2023):
    draft = factories.ObservanceFactory(year=2024, date=datetime.date(2024, 9, 12), status="draft")
    secretary_general(slug="sg-2024", observance=draft, delivered_on=datetime.date(2024, 9, 12))
    assert 'class="day-message"' not in client.get("/en/events/").text


# The other years


def test_years_link_the_days_before_and_after_skipping_years_without_a_day(client, day_2023):
    factories.ObservanceFactory(year=2005, date=datetime.date(2005, 12, 19))
    factories.ObservanceFactory(year=2024, date=datetime.date(2024, 9, 12), status="draft")
    middle = factories.ObservanceFactory(year=2020, date=datetime.date(2020, 9, 12))
    years = section(client.get(middle.get_absolute_url()).text, "day-years")
    assert '<a rel="prev" href="/en/events/2005/">' in years
    assert '<a rel="next" href="/en/events/2023/">' in years
    assert "Previous year: 2005" in text(years) and "Next year: 2023" in text(years)


def test_the_first_year_has_no_previous_and_the_last_no_next(client, day_2023):
    factories.ObservanceFactory(year=2005, date=datetime.date(2005, 12, 19))
    first = section(client.get("/en/events/2005/").text, "day-years")
    assert 'rel="prev"' not in first and 'rel="next" href="/en/events/2023/"' in first
    last = section(client.get("/en/events/2023/").text, "day-years")
    assert 'rel="next"' not in last and 'rel="prev" href="/en/events/2005/"' in last


def test_a_lone_day_has_no_year_links(client, day_2023):
    assert 'class="day-years"' not in client.get("/en/events/2023/").text


def test_year_arrows_point_the_way_each_language_reads(client, day_2023):
    factories.ObservanceFactory(year=2005, date=datetime.date(2005, 12, 19))
    factories.ObservanceFactory(year=2024, date=datetime.date(2024, 9, 12))
    english = text(section(client.get("/en/events/2023/").text, "day-years"))
    assert "← Previous year: 2005" in english and "Next year: 2024 →" in english
    arabic = text(section(client.get("/ar/events/2023/").text, "day-years"))
    assert "→ السنة السابقة: 2005" in arabic and "السنة التالية: 2024 ←" in arabic


# The year's resources


def test_the_years_resources_are_in_one_block(client, day_2023):
    event = factories.EventFactory(
        observance=day_2023, starts_at=datetime.datetime(2023, 9, 12, 19, tzinfo=datetime.UTC)
    )
    factories.ResourceFactory(title_en="Campaign kit", title_ar="مواد الحملة", observance=day_2023)
    factories.ResourceFactory(title_en="Launched report", observance=day_2023, event=event)
    factories.ResourceFactory(title_en="Another year's report")
    block = section(client.get("/en/events/2023/").text, "day-resources")
    assert "Resources of the 2023 Day" in block
    assert "Campaign kit" in block and "Launched report" in block
    assert block.index("Campaign kit") < block.index("Launched at its events")
    assert block.index("Launched at its events") < block.index("Launched report")
    assert "Another year&#x27;s report" not in block and "Another year" not in block
    arabic = section(client.get("/ar/events/2023/").text, "day-resources")
    assert "موارد يوم 2023" in arabic and "مواد الحملة" in arabic


def test_a_year_without_resources_says_so(client, day_2023):
    block = text(section(client.get("/en/events/2023/").text, "day-resources"))
    assert "No resource recorded for this year yet." in block


# An event's times


def event_in_new_york(observance, starts_at, ends_at):
    return factories.EventFactory(
        slug="panel", observance=observance, starts_at=starts_at, ends_at=ends_at, timezone=NEW_YORK
    )


def facts(html):
    return text(re.search(r'<dl class="facts">.*?</dl>', html, re.S).group(0))


@pytest.mark.parametrize(
    ("local_start", "offset", "utc"),
    [
        # Daylight saving time in September: four hours behind UTC ...
        (datetime.datetime(2023, 9, 12, 15, 0), "UTC−4", "19:00–20:30"),
        # ... standard time in December: five.
        (datetime.datetime(2023, 12, 19, 15, 0), "UTC−5", "20:00–21:30"),
    ],
)
def test_an_event_gives_its_time_at_the_venue_and_in_utc(client, local_start, offset, utc):
    zone = zoneinfo.ZoneInfo(NEW_YORK)
    starts_at = local_start.replace(tzinfo=zone)
    day = factories.ObservanceFactory(year=2023, date=local_start.date())
    event_in_new_york(day, starts_at, starts_at + datetime.timedelta(minutes=90))
    english = facts(client.get("/en/events/2023/panel/").text)
    assert f"15:00–16:30 New York time ({offset})" in english
    assert f"Coordinated Universal Time {utc}" in english
    arabic = facts(client.get("/ar/events/2023/panel/").text)
    assert f"التوقيت العالمي المنسق {utc}" in arabic


def test_utc_names_its_day_when_it_is_not_the_venues(client, day_2023):
    starts_at = datetime.datetime(2023, 9, 12, 21, 0, tzinfo=zoneinfo.ZoneInfo(NEW_YORK))
    event_in_new_york(day_2023, starts_at, None)
    english = facts(client.get("/en/events/2023/panel/").text)
    assert "Coordinated Universal Time 01:00 13 September 2023" in english


def test_the_readers_own_time_is_left_to_the_script_and_hidden_without_it(client, day_2023):
    starts_at = datetime.datetime(2023, 9, 12, 19, 0, tzinfo=datetime.UTC)
    event_in_new_york(day_2023, starts_at, starts_at + datetime.timedelta(minutes=90))
    html = client.get("/ar/events/2023/panel/").text
    assert '<dt class="reader-time-label" hidden>بتوقيتك</dt>' in html
    assert re.search(
        r'<time class="reader-time" datetime="2023-09-12T19:00:00\+00:00"\s+'
        r'data-separator="، "\s+data-ends="2023-09-12T20:30:00\+00:00"></time>',
        html,
    )
    assert re.search(r'<script src="/static/js/reader-time\.js[^"]*" defer></script>', html)


def test_an_event_in_utc_is_not_given_twice(client, day_2023):
    starts_at = datetime.datetime(2023, 9, 12, 12, 0, tzinfo=datetime.UTC)
    factories.EventFactory(slug="in-utc", observance=day_2023, starts_at=starts_at, timezone="UTC")
    assert "Coordinated Universal Time 12:00" not in facts(
        client.get("/en/events/2023/in-utc/").text
    )


# Queries


def test_the_year_page_queries_do_not_grow_with_its_content(
    client, day_2023, django_assert_max_num_queries
):
    def grow(start, size):
        for n in range(start, start + size):
            factories.StatementFactory(slug=f"s-{n}", observance=day_2023)
            factories.ResourceFactory(slug=f"r-{n}", observance=day_2023)
            factories.EventFactory(
                slug=f"e-{n}",
                observance=day_2023,
                starts_at=datetime.datetime(2023, 9, 12, 12, tzinfo=datetime.UTC),
            )

    secretary_general(slug="sg-2023", observance=day_2023)
    factories.ObservanceFactory(year=2020, date=datetime.date(2020, 9, 12))
    grow(0, 3)
    cache.clear()
    with django_assert_max_num_queries(30) as few:
        assert client.get("/en/events/2023/").status_code == 200
    grow(3, 30)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/events/2023/").status_code == 200
    cache.clear()
    with django_assert_max_num_queries(30):
        assert client.get("/en/events/").status_code == 200
