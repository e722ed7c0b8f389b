"""Every public page, in both languages: content, lang/dir, hreflang, fallback marking."""

import datetime
import json
import re

import pytest

from .. import factories

pytestmark = pytest.mark.django_db

# path after the language prefix, a text expected in English, one expected in Arabic
PAGES = [
    ("", "South-South and triangular cooperation", "التعاون فيما بين بلدان الجنوب"),
    ("initiatives/", "Climate-smart agriculture in Africa", "الزراعة الذكية مناخياً في أفريقيا"),
    (
        "initiatives/china-unossc-climate-smart-agriculture-africa/",
        "more than 150 countries",
        "أكثر من 150 بلداً",
    ),
    ("countries/", "Asia", "آسيا"),
    ("countries/cn/", "China", "الصين"),
    ("events/", "The Day in 2023", "2023"),
    ("events/2023/", "Solidarity, Equity and Partnership", "التضامن والإنصاف والشراكة"),
    ("events/2023/high-level-panel-2023/", "ECOSOC Chamber", "قاعة المجلس الاقتصادي والاجتماعي"),
    ("statements/", "Message from the Director-General of UNESCO", "بيان الأمين العام"),
    ("statements/al-khatib-remarks-china-unossc-2025/", "Dima Al-Khatib", "ديما الخطيب"),
    ("resources/", "Campaign materials for the Day 2023", "مواد حملة يوم 2023"),
    (
        "resources/sesric-unossc-joint-report-2020/",
        "Translating Capacities into Shared Prosperity",
        "ترجمة القدرات إلى ازدهار مشترك",
    ),
    ("organizations/", "UN entity", "كيان تابع للأمم المتحدة"),
    ("organizations/sesric/", "statistics, research and training", "الإحصاءات والأبحاث والتدريب"),
    ("pages/about-the-day/", "Every year on 12 September", "في 12 سبتمبر من كل عام"),
    ("pages/history-and-resolutions/", "Buenos Aires Plan of Action", "خطة عمل بوينس آيرس"),
]


def html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


def one_line(html):
    """The page with each run of whitespace made one space."""
    return " ".join(html.split())


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.mark.parametrize(("path", "english", "arabic"), PAGES)
def test_page_in_english(client, demo_content, path, english, arabic):
    response = client.get(f"/en/{path}")
    assert response.status_code == 200
    html = response.text
    assert html_tag(html) == '<html lang="en" dir="ltr">'
    assert english in html
    assert hreflangs(html) == {
        "en": f"http://testserver/en/{path}",
        "ar": f"http://testserver/ar/{path}",
        "x-default": f"http://testserver/{path}",
    }
    # Attributes may stand on lines of their own in the template.
    assert f'href="/ar/{path}" hreflang="ar" lang="ar" dir="rtl">العربية</a>' in one_line(html)


@pytest.mark.parametrize(("path", "english", "arabic"), PAGES)
def test_page_in_arabic(client, demo_content, path, english, arabic):
    response = client.get(f"/ar/{path}")
    assert response.status_code == 200
    html = response.text
    assert html_tag(html) == '<html lang="ar" dir="rtl">'
    assert arabic in html
    assert hreflangs(html)["en"] == f"http://testserver/en/{path}"
    assert f'href="/en/{path}" hreflang="en" lang="en" dir="ltr">English</a>' in one_line(html)
    # Interface strings are Arabic too.
    assert "المبادرات" in html and "البيانات" in html


def test_language_switch_keeps_the_query_string(client, demo_content):
    html = client.get("/en/initiatives/?sdg=2&stage=ongoing").text
    assert 'href="/ar/initiatives/?sdg=2&amp;stage=ongoing" hreflang="ar"' in html


def test_root_redirects_by_accept_language(client):
    assert client.get("/", headers={"accept-language": "ar,en;q=0.5"})["Location"] == "/ar/"
    assert client.get("/", headers={"accept-language": "en-GB,en"})["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/en/"


def test_language_neutral_address_redirects_by_accept_language(client, demo_content):
    response = client.get("/statements/", headers={"accept-language": "ar"})
    assert response["Location"] == "/ar/statements/"


def test_english_only_text_is_marked_on_the_arabic_page(client, demo_content):
    html = client.get("/ar/statements/unesco-dg-message-2005/").text
    block = re.search(r'<div class="prose"([^>]*)>', html).group(1)
    assert block == ' lang="en" dir="ltr"'
    assert "هذا النص متوفر بالإنجليزية فقط." in html
    # The title too is English, marked on the heading itself (its alignment follows).
    assert '<h1 lang="en" dir="ltr">Message from the Director-General of UNESCO' in html


def test_arabic_only_text_is_marked_on_the_english_page(client, demo_content):
    html = client.get("/en/statements/dabur-remarks-joint-report-2020/").text
    block = re.search(r'<div class="prose"([^>]*)>', html).group(1)
    assert block == ' lang="ar" dir="rtl"'
    assert "This text is available in Arabic only." in html
    assert '<h1 lang="ar" dir="rtl">كلمة المدير العام لسيسرك' in html


def test_text_in_the_page_language_is_not_marked(client, demo_content):
    html = client.get("/ar/statements/al-khatib-remarks-china-unossc-2025/").text
    assert '<div class="prose">' in html
    assert "فقط." not in html


def test_statement_names_its_original_language(client, demo_content):
    english = client.get("/en/statements/dabur-remarks-joint-report-2020/").text
    arabic = client.get("/ar/statements/unesco-dg-message-2005/").text
    assert "Originally delivered in Arabic" in english
    assert "أُلقي في الأصل باللغة الإنجليزية" in arabic


def test_arabic_dates_use_arabic_month_names(client, demo_content):
    html = client.get("/ar/events/2023/").text
    assert "سبتمبر" in html and "September" not in html


def _main_text(html):
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", "", main).split())


def test_event_times_are_in_the_venue_time_zone_with_the_city_named(client, demo_content):
    new_york = _main_text(client.get("/en/events/2023/high-level-panel-2023/").text)
    assert "15:00–16:30 New York time (UTC−4)" in new_york
    assert "America/New_York" not in new_york
    istanbul = _main_text(
        client.get("/ar/events/2020/sesric-unossc-joint-report-launch-2020/").text
    )
    assert "16:00–17:30 بتوقيت إسطنبول (UTC+3)" in istanbul
    assert "Europe/Istanbul" not in istanbul


def test_country_page_lists_initiatives_by_role_events_and_statements(client, demo_content):
    china = client.get("/en/countries/cn/").text
    assert "Provider" in china and "Sustainable transport systems in Latin America" in china
    united_states = client.get("/en/countries/us/").text
    assert "High-level panel discussion for the Day 2023" in united_states
    # The Secretary-General's message belongs to the Day, not to the panel; a
    # statement reaches a country page by mentioning the country.
    assert "The Director of UNOSSC calls for deeper South-South cooperation" in china
    # SESRIC is seated in Türkiye, but its press release neither names Türkiye
    # nor was made at an event there: a seat is not a reason to list it.
    turkey = client.get("/ar/countries/tr/").text
    assert (
        "سيسرك ومكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب يصدران تقريراً مشتركاً" not in turkey
    )


def test_countries_index_groups_by_region_with_counts(client, demo_content):
    html = client.get("/en/countries/").text
    sections = dict(re.findall(r'<h2 id="region-(\d+)">(?:.*?)</h2>(.*?)</section>', html, re.S))
    assert "China" in sections["142"] and "Türkiye" in sections["142"]
    assert "United States of America" in sections["19"]
    assert "3 initiatives" in sections["142"]  # China
    assert "1 event" in sections["19"]
    # Listed for its event alone: no "0 initiatives" before it.
    assert "0 initiatives" not in sections["19"]
    assert "Kenya" not in html  # nothing published about it
    arabic = client.get("/ar/countries/").text
    americas = re.search(r'<h2 id="region-19">.*?</section>', arabic, re.S).group(0)
    assert "فعالية واحدة" in americas and "0 مبادرة" not in americas


def test_observance_shows_its_events_and_statements(client, demo_content):
    html = client.get("/en/events/2023/").text
    assert "High-level panel discussion for the Day 2023" in html
    assert "Statement by the Secretary-General" in html


def test_home_shows_latest_content_and_counts(client, demo_content):
    html = client.get("/en/").text
    assert "<strong>4</strong> initiatives" in html
    assert "<strong>5</strong> statements" in html
    # As many countries as the countries index lists: China, Türkiye, and the US (an event).
    assert "<strong>3</strong> countries" in html
    assert "SDG acceleration exchange" not in html  # a draft


def test_pages_load_nothing_from_other_hosts_and_have_no_inline_code(client, demo_content):
    for path, _english, _arabic in PAGES:
        html = client.get(f"/ar/{path}").text
        assert " style=" not in html
        for script in re.findall(r"<script[^>]*>", html):
            # Data, or a deferred script of the site's own (CSP: script-src 'self').
            assert script == '<script type="application/ld+json">' or re.fullmatch(
                r'<script src="/static/js/[\w.-]+\.js" defer>', script
            ), script
        # What the page loads: src attributes and <link> hrefs. Plain <a> links
        # may lead elsewhere (share links, a statement's source).
        loaded = re.findall(r'src="([^"]+)"', html) + re.findall(r'<link [^>]*href="([^"]+)"', html)
        for url in loaded:
            assert url.startswith(("/", "http://testserver/", "#")), url


def test_event_page_has_schema_org_event_and_opengraph(client, demo_content):
    html = client.get("/en/events/2023/high-level-panel-2023/").text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2023-09-12T15:00:00-04:00"
    assert data["location"]["name"] == "ECOSOC Chamber, United Nations Headquarters, New York"
    assert {o["@type"] for o in data["organizer"]} == {"Organization", "GovernmentOrganization"}
    assert (
        '<meta property="og:title" content="High-level panel discussion for the Day 2023">' in html
    )


def test_statement_page_has_schema_org_article(client, demo_content):
    html = client.get("/ar/statements/dabur-remarks-joint-report-2020/").text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Article" and data["genre"] == "remarks"
    assert data["author"]["name"] == "نبيل دبور"
    assert data["inLanguage"] == "ar"
    assert '<meta property="og:type" content="article">' in html


def test_initiative_filters_offer_every_country_and_region_in_the_page_language(
    client, demo_content
):
    # Each with what it would give, the other filters applied (nothing: disabled).
    english = client.get("/en/initiatives/?country=cn&region=142").text
    assert '<option disabled value="ke">Kenya (0)</option>' in english
    assert '<option value="cn" selected>China (3)</option>' in english
    # Sub-regions are grouped under their region.
    assert '<optgroup label="Asia"><option value="142" selected>All of Asia (3)</option>' in english
    countries = re.search(r'<select id="f-country".*?</select>', english, re.S).group(0)
    assert len(re.findall(r'<option (?:disabled )?value="[a-z]{2}"', countries)) == 249
    arabic = client.get("/ar/initiatives/").text
    assert '<option disabled value="ke">كينيا (0)</option>' in arabic
    # The China-UNOSSC strand that names Africa.
    assert '<optgroup label="أفريقيا"><option value="2">أفريقيا كلها (1)</option>' in arabic


@pytest.mark.parametrize("region", ["2", "14"])  # Africa, and its subregion Eastern Africa
def test_region_filter_lists_an_initiative_once_whatever_its_countries_there(client, region):
    initiative = factories.InitiativeFactory(title_en="Lake Victoria fisheries")
    for code in ("KE", "UG", "TZ"):
        factories.InitiativeCountryFactory(initiative=initiative, country=factories.country(code))
    html = client.get(f"/en/initiatives/?region={region}").text
    assert html.count("Lake Victoria fisheries") == 1
    assert "1 initiative<" in html


def test_a_busy_observance_page_is_bounded(client):
    observance = factories.ObservanceFactory(year=2031)
    start = datetime.datetime(2031, 9, 1, tzinfo=datetime.UTC)
    events = [
        factories.EventFactory(
            observance=observance,
            title_en=f"Side event {n:02d}",
            starts_at=start + datetime.timedelta(hours=n),
        )
        for n in range(55)
    ]
    for n in range(25):
        factories.StatementFactory(
            event=events[0], title_en=f"Remarks {n:02d}", delivered_on=datetime.date(2031, 9, 1)
        )
    first = client.get("/en/events/2031/").text
    assert first.count("Side event ") == 50 and "Side event 49" in first
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    assert first.count("Remarks ") == 20
    assert "The newest of 25 statements." in first
    assert 'href="/en/statements/?observance=2031">All statements of the 2031 Day</a>' in first
    second = client.get("/en/events/2031/?page=2").text
    assert second.count("Side event ") == 5 and "Side event 54" in second
    assert client.get("/en/events/2031/?page=3").status_code == 404
    arabic = client.get("/ar/events/2031/").text
    assert "أحدث البيانات من أصل 25 بيانًا." in arabic
