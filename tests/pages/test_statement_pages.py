"""A statement page says what the reader is looking at: provenance, the Day,
mentions, paragraph anchors, the side-by-side view and citations."""

import datetime
import json
import re

import bibtexparser
import pytest
import rispy

from statements.models import Statement
from statements.paragraphs import paragraphs

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def message():
    observance = factories.ObservanceFactory(year=2023, date=datetime.date(2023, 9, 12))
    return factories.StatementFactory(
        slug="sg-message",
        kind="message",
        title_en="Message for the Day",
        title_ar="رسالة بمناسبة اليوم",
        speaker_en="The Secretary-General",
        speaker_ar="الأمين العام",
        observance=observance,
        delivered_on=datetime.date(2023, 9, 12),
        issued_on=datetime.date(2023, 9, 8),
        document_symbol="SG/SM/00001",
        delivered_by_en="A Director, read on the speaker's behalf",
        delivered_by_ar="مديرة، نيابة عن المتحدث",
        translation_ar="official",
        body_en="<p>First paragraph.</p><p>Second paragraph.</p>",
        body_ar="<p>الفقرة الأولى.</p><p>الفقرة الثانية.</p>",
        video_url="https://example.org/video",
    )


@pytest.fixture
def report():
    return factories.StatementFactory(
        slug="news-report",
        kind="remarks",
        title_en="Director calls for cooperation",
        speaker_en="A Director",
        text_kind="news-report",
        outlet_en="China Daily",
        outlet_ar="تشاينا ديلي",
        byline="Bilin Lin",
        delivered_on=datetime.date(2025, 9, 15),
        issued_on=datetime.date(2025, 9, 17),
        translation_ar="editorial",
    )


def test_the_english_page_shows_every_provenance_fact(client, message):
    html = client.get("/en/statements/sg-message/").text
    assert "Full text" in html
    assert '<time datetime="2023-09-08">' in html and "Issued on" in html
    assert '<time datetime="2023-09-12">' in html and "Delivered on" in html
    assert "SG/SM/00001" in html
    assert "A Director, read on the speaker&#x27;s behalf" in html
    assert "Originally delivered in English" in html
    assert "Arabic: Official translation" in html
    assert 'href="/en/events/2023/"' in html
    assert "https://example.org/video" in html


def test_the_arabic_page_shows_every_provenance_fact(client, message):
    html = client.get("/ar/statements/sg-message/").text
    assert "النص الكامل" in html
    assert "تاريخ الإصدار" in html and "تاريخ الإلقاء" in html
    assert "SG/SM/00001" in html
    assert "مديرة، نيابة عن المتحدث" in html
    assert "ترجمة رسمية" in html
    assert 'href="/ar/events/2023/"' in html


@pytest.mark.parametrize(
    ("kind", "english", "arabic"),
    [
        ("editorial", "Translation by this site", "ترجمة هذا الموقع"),
        ("machine", "Machine translation", "ترجمة آلية"),
    ],
)
def test_each_translation_kind_is_named_in_both_languages(client, message, kind, english, arabic):
    Statement.objects.filter(pk=message.pk).update(translation_ar=kind)
    assert f"Arabic: {english}" in client.get("/en/statements/sg-message/").text
    assert arabic in client.get("/ar/statements/sg-message/").text


def test_a_news_report_is_presented_as_the_outlets_report(client, report):
    html = client.get("/en/statements/news-report/").text
    assert "News report by China Daily" in html
    assert "by Bilin Lin" in html
    assert "not the speaker's own text" in html
    assert "Remarks by" in html and "<dt>Speaker</dt>" not in html
    assert "Published on" in html and '<time datetime="2025-09-17">' in html
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["author"]["name"] == "Bilin Lin"
    assert data["about"]["name"] == "A Director"
    arabic = client.get("/ar/statements/news-report/").text
    assert "تقرير إخباري نشرته تشاينا ديلي" in arabic
    assert "ترجمة هذا الموقع" in arabic


def test_news_reports_are_marked_in_lists(client, report):
    assert "News report by China Daily" in client.get("/en/statements/").text


def test_a_statement_tied_only_to_an_observance_is_on_that_years_page(client, message):
    assert message.event is None
    for language, title in [("en", "Message for the Day"), ("ar", "رسالة بمناسبة اليوم")]:
        assert title in client.get(f"/{language}/events/2023/").text


def test_statements_made_at_the_days_events_are_on_its_page_too(client, message):
    event = factories.EventFactory(observance=message.observance)
    factories.StatementFactory(event=event, title_en="Panel remarks")
    html = client.get("/en/events/2023/").text
    assert "Panel remarks" in html and "Message for the Day" in html


def test_the_list_filters_by_observance_kind_and_text_kind(client, message, report):
    other = factories.ObservanceFactory(year=2024, date=datetime.date(2024, 9, 12))
    at_event = factories.StatementFactory(
        title_en="At the panel", event=factories.EventFactory(observance=message.observance)
    )
    factories.StatementFactory(title_en="Another year", observance=other)
    by_day = client.get("/en/statements/?observance=2023").text
    assert "Message for the Day" in by_day and at_event.title_en in by_day
    assert "Another year" not in by_day and "Director calls" not in by_day
    assert '<option value="2023" selected>' in by_day
    reports = client.get("/en/statements/?text_kind=news-report").text
    assert "Director calls" in reports and "Message for the Day" not in reports
    messages = client.get("/en/statements/?kind=message").text
    assert "Message for the Day" in messages and "Director calls" not in messages
    ignored = client.get("/en/statements/?text_kind=rumour&observance=abc")
    assert ignored.status_code == 200 and "was ignored" in ignored.text


def test_mentions_appear_on_the_statement_and_on_the_mentioned_pages(client, message):
    kenya = factories.country("KE")
    initiative = factories.InitiativeFactory(slug="mentioned", title_en="Mentioned initiative")
    draft = factories.InitiativeFactory(slug="draft", status="draft", title_en="Draft initiative")
    organization = factories.OrganizationFactory(
        name_en="Mentioned organization", key="mentioned-org", status="published"
    )
    message.mentioned_countries.add(kenya)
    message.mentioned_initiatives.add(initiative, draft)
    message.mentioned_organizations.add(organization)
    html = client.get("/en/statements/sg-message/").text
    assert "Mentioned in this statement" in html
    assert 'href="/en/countries/ke/"' in html and "Mentioned initiative" in html
    assert "Mentioned organization" in html
    assert "Draft initiative" not in html
    for language in ["en", "ar"]:
        assert "/statements/sg-message/" in client.get(f"/{language}/countries/ke/").text
        assert "/statements/sg-message/" in client.get(f"/{language}/initiatives/mentioned/").text
        organization_page = client.get(f"/{language}/organizations/mentioned-org/").text
        assert "mentioned-in-heading" in organization_page
        assert "/statements/sg-message/" in organization_page


def test_a_draft_statement_is_not_listed_where_it_is_mentioned(client, message):
    initiative = factories.InitiativeFactory(slug="mentioned")
    message.mentioned_initiatives.add(initiative)
    Statement.objects.filter(pk=message.pk).update(status="draft")
    html = client.get("/en/initiatives/mentioned/").text
    assert "/statements/sg-message/" not in html
    assert "No statement mentions it yet." in html


def test_a_draft_event_of_the_day_is_not_named_or_linked(client, message):
    event = factories.EventFactory(
        status="draft", title_en="Hidden panel", observance=message.observance
    )
    Statement.objects.filter(pk=message.pk).update(event=event, observance=None)
    html = client.get("/en/statements/sg-message/").text
    assert "Hidden panel" not in html and "/events/2023/" not in html


def test_paragraph_anchors_survive_edits_to_other_paragraphs():
    before = paragraphs("<p>One.</p><p>Two.</p><p>Three.</p>", "en")
    after = paragraphs("<p>One, edited.</p><p>New.</p><p>Two.</p><p>Three.</p>", "en")
    assert [p.anchor for p in before][1:] == [p.anchor for p in after][2:]
    assert before[0].anchor != after[0].anchor  # the edited passage is a new passage
    # Formatting and spacing are not the words: the anchor stays.
    assert paragraphs("<p>Two  <em>words</em></p>", "en")[0].anchor == (
        paragraphs("<p>Two words</p>", "en")[0].anchor
    )


def test_repeated_paragraphs_get_distinct_anchors():
    anchors = [p.anchor for p in paragraphs("<p>Thank you.</p><p>Text.</p><p>Thank you.</p>", "en")]
    assert len(set(anchors)) == 3 and anchors[2] == anchors[0] + "-2"


def test_anchors_are_on_the_page_and_stay_when_the_body_is_edited(client, message):
    html = client.get("/en/statements/sg-message/").text
    second = re.findall(r'<p id="(en-[0-9a-f]{8})">Second paragraph.</p>', html)
    assert len(second) == 1
    message.body_en = "<p>A new first paragraph.</p><p>Second paragraph.</p>"
    message.save()
    assert (
        f'<p id="{second[0]}">Second paragraph.</p>'
        in client.get("/en/statements/sg-message/").text
    )


def test_side_by_side_aligns_paragraphs_with_their_languages(client, message):
    html = client.get("/en/statements/sg-message/").text
    assert 'href="/en/statements/sg-message/side-by-side/"' in html
    page = client.get("/ar/statements/sg-message/side-by-side/").text
    rows = re.findall(r'<div class="pair">(.*?)</div>\s*</div>', page, re.S)
    cells = re.findall(r'<div class="cell prose" lang="(\w+)" dir="(\w+)">(.*?)</div>', page, re.S)
    assert [(lang, d) for lang, d, _html in cells] == [("en", "ltr"), ("ar", "rtl")] * 2
    assert "First paragraph." in cells[0][2] and "الفقرة الأولى." in cells[1][2]
    assert "Second paragraph." in cells[2][2] and "الفقرة الثانية." in cells[3][2]
    assert len(rows) == 2
    assert "ترجمة رسمية" in page


def test_side_by_side_pads_the_shorter_version(client, message):
    Statement.objects.filter(pk=message.pk).update(body_ar="<p>فقرة واحدة.</p>")
    page = client.get("/en/statements/sg-message/side-by-side/").text
    cells = re.findall(r'<div class="cell prose" lang="(\w+)" dir="\w+">(.*?)</div>', page, re.S)
    assert cells[3] == ("ar", "")


def test_citations_are_formatted_in_both_languages(client, message):
    html = client.get("/en/statements/sg-message/").text
    english = re.search(r'<p class="citation" lang="en" dir="ltr">(.*?)</p>', html).group(1)
    arabic = re.search(r'<p class="citation" lang="ar" dir="rtl">(.*?)</p>', html).group(1)
    assert "The Secretary-General (2023)" in english and "Message for the Day" in english
    assert '<span dir="ltr">http://testserver/en/statements/sg-message/</span>' in english
    assert "الأمين العام" in arabic and "رسالة بمناسبة اليوم" in arabic
    assert '<span dir="ltr">http://testserver/ar/statements/sg-message/</span>' in arabic


def test_csl_json_download_is_a_csl_item(client, message):
    response = client.get("/en/statements/sg-message/cite.json")
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    (item,) = json.loads(response.content)
    assert item["type"] == "speech" and item["title"] == "Message for the Day"
    assert item["issued"] == {"date-parts": [[2023, 9, 8]]}
    assert item["event-date"] == {"date-parts": [[2023, 9, 12]]}
    assert item["number"] == "SG/SM/00001"


def test_bibtex_download_parses(client, message, report):
    text = client.get("/ar/statements/sg-message/cite.bib").content.decode()
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.key == "sg-message" and entry.entry_type == "unpublished"
    assert entry["title"] == "رسالة بمناسبة اليوم" and entry["year"] == "2023"
    news = bibtexparser.parse_string(
        client.get("/en/statements/news-report/cite.bib").content.decode()
    )
    (article,) = news.entries
    assert article.entry_type == "article" and article["journal"] == "China Daily"
    assert article["author"] == "{Bilin Lin}"


def test_ris_download_parses(client, message, report):
    (entry,) = rispy.loads(client.get("/en/statements/sg-message/cite.ris").content.decode())
    assert entry["type_of_reference"] == "SLIDE"
    assert entry["title"] == "Message for the Day"
    assert entry["authors"] == ["The Secretary-General"]
    assert entry["urls"] == ["http://testserver/en/statements/sg-message/"]
    (news,) = rispy.loads(client.get("/en/statements/news-report/cite.ris").content.decode())
    assert news["type_of_reference"] == "NEWS" and news["authors"] == ["Bilin Lin"]
    assert news["secondary_title"] == "China Daily"


def test_bibtex_escapes_what_bibtex_treats_specially(client, message):
    Statement.objects.filter(pk=message.pk).update(title_en="50% & {braces} #1_x")
    text = client.get("/en/statements/sg-message/cite.bib").content.decode()
    (entry,) = bibtexparser.parse_string(text).entries
    assert entry["title"] == r"50\% \& braces \#1\_x"


def test_a_draft_statements_citation_is_not_public(client, message):
    Statement.objects.filter(pk=message.pk).update(status="draft")
    assert client.get("/en/statements/sg-message/cite.ris").status_code == 404
    assert client.get("/en/statements/sg-message/side-by-side/").status_code == 404


def test_print_version_carries_the_address(client, message):
    html = client.get("/en/statements/sg-message/").text
    assert (
        '<dd class="print-only"><span dir="ltr">http://testserver/en/statements/sg-message/</span></dd>'
        in html
    )


def test_the_feed_credits_a_news_report_to_its_reporter(client, report):
    import feedparser

    feed = feedparser.parse(client.get("/en/statements/feed/").content)
    (entry,) = [e for e in feed.entries if e.title == "Director calls for cooperation"]
    assert entry.author == "Bilin Lin"
