"""The reader's side of issue 16: filters that say what is active, SDGs with
names, UN-style dates and times, names sorted in the reader's language,
language badges, the footer, share links and OpenGraph images."""

import datetime
import html as html_module
import re
import zoneinfo

import pytest

from sscportal.reader_toolkit.timezones import city, utc_offset

pytestmark = pytest.mark.django_db


def text(html):
    """The visible text of an HTML fragment, spaces collapsed."""
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def title(html):
    return html_module.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def options_of(html, select_id):
    """The options' labels, without the number of results each would give ("China (3)")."""
    select = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        re.sub(r" \(\d+\)$", "", html_module.unescape(label))
        for label in re.findall(r"<option[^>]*>(.*?)</option>", select)
    ]


# Filters ------------------------------------------------------------------


def test_active_filters_are_chips_that_each_remove_one_filter(client, demo_content):
    html = client.get("/en/initiatives/?country=cn&sdg=2&page=1").text
    chips = re.findall(r'<a class="chip" href="([^"]+)">(.*?)</a>', html, re.S)
    assert [(href.replace("&amp;", "&"), text(label)) for href, label in chips] == [
        ("/en/initiatives/?sdg=2", "Country: China × (remove this filter)"),
        (
            "/en/initiatives/?country=cn",
            "Sustainable Development Goal: 2 — Zero Hunger × (remove this filter)",
        ),
    ]
    assert '<a class="chip-clear" href="/en/initiatives/">Clear all filters</a>' in html


def test_filter_form_is_folded_behind_a_summary_counting_active_filters(client, demo_content):
    html = client.get("/en/initiatives/?stage=ongoing").text
    assert '<details class="filter-panel"><summary>Filters (1 active)</summary>' in html
    # The chips come before the folded form, the results' heading and count after it.
    assert html.index('class="chips"') < html.index("<details") < html.index('class="result-count"')
    arabic = client.get("/ar/statements/").text
    assert '<details class="filter-panel"><summary>عوامل التصفية</summary>' in arabic
    assert "chips" not in arabic


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/initiatives/?country=cn&stage=ongoing",
            "Initiatives — Country: China; Stage: Ongoing · ",
        ),
        ("/ar/initiatives/?sdg=13", "المبادرات — هدف التنمية المستدامة: 13 — العمل المناخي · "),
        ("/en/statements/?q=report", "Statements — Words: report · "),
        ("/en/initiatives/", "Initiatives · "),
    ],
)
def test_page_title_says_the_active_filters(client, demo_content, url, expected):
    assert title(client.get(url).text).startswith(expected)


def test_organization_filter_is_a_type_ahead_without_javascript(client, demo_content):
    html = client.get("/ar/statements/").text
    assert re.search(
        r'<input id="f-organization" type="text" name="organization"\s+list="f-organization-list"',
        html,
    )
    datalist = re.search(r'<datalist id="f-organization-list">(.*?)</datalist>', html).group(1)
    assert '<option value="sesric">سيسرك — مركز الأبحاث' in datalist
    # Short names in the reader's language: the UN is الأمم المتحدة, not "UN".
    assert '<option value="un">الأمم المتحدة</option>' in datalist


# SDGs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "third"),
    [("en", "3 — Good Health and Well-being"), ("ar", "3 — الصحة الجيدة والرفاه")],
)
def test_sdg_options_have_number_and_name(client, demo_content, language, third):
    options = options_of(client.get(f"/{language}/initiatives/").text, "f-sdg")
    assert len(options) == 18 and options[3] == third


def test_sdg_chips_show_the_name_on_the_goal_colour_and_have_an_accessible_name(
    client, demo_content
):
    html = client.get("/en/initiatives/china-unossc-climate-smart-agriculture-africa/").text
    chip = re.search(
        r'<a class="sdg sdg-13" href="/en/initiatives/\?sdg=13">(.*?)</a>', html
    ).group(1)
    # What a screen reader reads (visually hidden text included), and what is seen.
    assert text(chip) == "SDG 13 : Climate Action"
    seen = text(re.sub(r'<span class="visually-hidden">.*?</span>', "", chip))
    assert seen == "13 Climate Action"
    arabic = client.get("/ar/initiatives/china-unossc-climate-smart-agriculture-africa/").text
    assert "هدف التنمية المستدامة </span>13" in arabic


def test_every_goal_has_its_official_colour_in_the_stylesheet():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text()
    colours = dict(re.findall(r"\.sdg-(\d+) \{ --sdg: (#[0-9a-f]{6}); \}", css))
    assert colours["13"] == "#3f7e44" and colours["1"] == "#e5243b" and len(colours) == 17


# Dates and times ---------------------------------------------------------


def test_dates_are_in_un_style_with_latin_digits_in_both_languages(client, demo_content):
    english = client.get("/en/statements/unesco-dg-message-2005/").text
    assert '<time datetime="2005-12-19">19 December 2005</time>' in english
    arabic = client.get("/ar/statements/unesco-dg-message-2005/").text
    assert '<time datetime="2005-12-19">19 ديسمبر 2005</time>' in arabic


def test_add_to_calendar_is_a_button(client, demo_content):
    html = client.get("/ar/events/2023/high-level-panel-2023/").text
    assert (
        '<a class="button" href="/ar/events/2023/high-level-panel-2023.ics" download>أضف إلى التقويم</a>'
        in html
    )


def test_utc_offsets_use_a_minus_sign_and_minutes_when_needed():
    moment = datetime.datetime(2023, 9, 12, 15, tzinfo=datetime.UTC)
    assert utc_offset(moment.astimezone(zoneinfo.ZoneInfo("America/New_York"))) == "UTC−4"
    assert utc_offset(moment.astimezone(zoneinfo.ZoneInfo("Asia/Kolkata"))) == "UTC+5:30"
    assert utc_offset(moment) == "UTC"


def test_an_unlisted_zone_falls_back_to_its_city_part():
    assert city("America/Port_of_Spain") == "Port of Spain"
    assert city("America/New_York") == "New York"


# Sorting by the reader's language ---------------------------------------


def test_country_options_are_sorted_in_the_reader_language_within_regions(client, demo_content):
    english = options_of(client.get("/en/initiatives/").text, "f-country")
    assert english.index("China") < english.index("Jordan") < english.index("Türkiye")
    arabic = options_of(client.get("/ar/initiatives/").text, "f-country")
    # As the UN's Arabic lists: the article ignored, so الأردن (alef) < تركيا (teh) < الصين (sad)
    assert arabic.index("الأردن") < arabic.index("تركيا") < arabic.index("الصين")
    assert arabic.index("أذربيجان") < arabic.index("الأردن") < arabic.index("إسرائيل")


def test_countries_index_is_sorted_in_the_reader_language(client, demo_content):
    def asia(html):
        section = re.search(r'<h2 id="region-142">.*?</section>', html, re.S).group(0)
        return [text(a) for a in re.findall(r"<li><a [^>]*>(.*?)</a>", section)]

    assert asia(client.get("/en/countries/").text) == ["China", "Türkiye"]
    assert asia(client.get("/ar/countries/").text) == ["تركيا", "الصين"]


# Language badges, names -------------------------------------------------


def test_list_items_in_one_language_say_so_in_the_reader_language(client, demo_content):
    english = client.get("/en/statements/").text
    arabic = client.get("/ar/statements/").text
    # كلمة المدير العام لسيسرك... exists in Arabic only; UNESCO's 2005 message in English only.
    assert english.count('<span class="language-badge" lang="en" dir="ltr">Arabic only</span>') == 1
    assert (
        english.count('<span class="language-badge" lang="en" dir="ltr">English only</span>') == 1
    )
    assert arabic.count('<span class="language-badge" lang="ar" dir="rtl">بالعربية فقط</span>') == 1
    assert (
        arabic.count('<span class="language-badge" lang="ar" dir="rtl">بالإنجليزية فقط</span>') == 1
    )


def test_organizations_in_lists_use_the_reader_language_names(client, demo_content):
    arabic = text(client.get("/ar/statements/").text)
    assert "الأمم المتحدة" in arabic and "· UN" not in arabic
    assert "اليونسكو" in arabic


# Fonts --------------------------------------------------------------------


def test_arabic_pages_preload_both_weights_and_english_pages_none(client, demo_content):
    preloads = r'<link rel="preload" href="/static/fonts/noto-naskh-arabic-(\d+)\.woff2"'
    assert re.findall(preloads, client.get("/ar/").text) == ["400", "700"]
    assert re.findall(preloads, client.get("/en/").text) == []


# Identity and sharing ----------------------------------------------------


def test_footer_links_the_site_pages_feeds_and_data(client, demo_content):
    html = client.get("/ar/").text
    footer = html[html.index('<footer class="site-footer">') :]
    for href in (
        "/ar/pages/about-the-day/",
        "/ar/pages/accessibility/",
        "/ar/pages/contact/",
        "/ar/statements/feed/",
        "/ar/events/calendar.ics",
        "/sitemap.xml",
    ):
        assert f'href="{href}"' in footer
    assert 'src="/static/img/logo.svg"' in html  # the site's own mark in the header


def test_detail_pages_have_plain_share_links(client, demo_content):
    html = client.get("/en/statements/al-khatib-remarks-china-unossc-2025/").text
    share = re.search(r'<aside class="share".*?</aside>', html, re.S).group(0)
    page = "http%3A%2F%2Ftestserver%2Fen%2Fstatements%2Fal-khatib-remarks-china-unossc-2025%2F"
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={page}" in share
    assert "<script" not in share
    assert '<aside class="share"' not in client.get("/en/statements/").text


@pytest.mark.parametrize(
    ("url", "image"),
    [
        ("/en/", "site-en"),
        ("/ar/statements/al-khatib-remarks-china-unossc-2025/", "statements-ar"),
        ("/en/countries/cn/", "countries-en"),
        ("/en/events/2023/high-level-panel-2023/", "events-en"),
        ("/ar/initiatives/", "initiatives-ar"),
    ],
)
def test_each_page_type_has_its_opengraph_image(client, demo_content, url, image):
    from pathlib import Path

    html = client.get(url).text
    assert (
        f'<meta property="og:image" content="http://testserver/static/img/og/{image}.png">' in html
    )
    assert (Path(__file__).resolve().parents[2] / f"static/img/og/{image}.png").exists()


def test_home_features_the_latest_day_when_none_is_coming(client, demo_content):
    html = client.get("/en/").text
    band = re.search(r'<section class="featured-day".*?</section>', html, re.S).group(0)
    assert "The latest Day" in band and 'href="/en/events/2023/"' in band
    assert "12 September 2023" in band


def test_home_features_the_coming_day_first(client, demo_content):
    from events.models import Observance

    next_year = datetime.date.today().year + 1
    Observance.objects.create(
        year=next_year, date=datetime.date(next_year, 9, 12), status="published"
    )
    band = re.search(r'<section class="featured-day".*?</section>', client.get("/ar/").text, re.S)
    assert "اليوم المقبل" in band.group(0) and f'href="/ar/events/{next_year}/"' in band.group(0)
