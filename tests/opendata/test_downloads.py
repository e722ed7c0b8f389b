"""/{lang}/<list>/download.csv and .xlsx, read back by the csv module and openpyxl."""

import csv
import io
import re

import openpyxl
import pytest
from django.test import Client

from .. import factories
from ..robustness.hostile import NAUGHTY, RAW, encoded

pytestmark = pytest.mark.django_db

LISTS = ["initiatives", "statements", "events", "resources", "organizations", "countries"]


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # Excel reads Arabic in UTF-8 with it only
    text = body.decode("utf-8")[1:]
    # RFC 4180: every record ends with CRLF.
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text, newline="")))


def read_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    return sheet, [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]


def list_slugs(client, path):
    """The slugs a list page shows, over all its pages."""
    slugs, page = [], 1
    while True:
        html = client.get(f"{path}{'&' if '?' in path else '?'}page={page}").text
        found = re.findall(r'href="/en/initiatives/([a-z0-9-]+)/"', html)
        slugs += [s for s in found if s not in slugs]
        if f"page={page + 1}" not in html:
            return slugs
        page += 1


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_list_downloads_as_csv_and_excel(client, demo_content, name, language):
    rows = read_csv(client.get(f"/{language}/{name}/download.csv"))
    assert len(rows) > 1
    assert len({len(row) for row in rows}) == 1  # a cell per header on every row
    sheet, xlsx_rows = read_xlsx(client.get(f"/{language}/{name}/download.xlsx"))
    assert xlsx_rows == rows
    assert bool(sheet.sheet_view.rightToLeft) == (language == "ar")


def test_headers_and_texts_are_in_the_pages_language(client, demo_content):
    english = read_csv(client.get("/en/initiatives/download.csv"))
    arabic = read_csv(client.get("/ar/initiatives/download.csv"))
    assert english[0][:3] == ["Slug", "Title", "Summary"]
    assert arabic[0][1] == "العنوان"
    assert "Page on this site" in english[0]
    english_titles = {row[1] for row in english[1:]}
    arabic_titles = {row[1] for row in arabic[1:]}
    assert "Climate-smart agriculture in Africa" in english_titles
    assert "الزراعة الذكية مناخياً في أفريقيا" in arabic_titles
    # Choices by their label, references by name, lists joined by "; ".
    row = next(r for r in english[1:] if r[0] == "china-unossc-climate-smart-agriculture-africa")
    assert "Triangular" in row
    assert "China (Provider)" in row
    assert "2; 13; 17" in row
    assert "http://testserver/en/initiatives/china-unossc-climate-smart-agriculture-africa/" in row


def test_a_text_in_the_other_language_only_is_given_in_that_language(client, db):
    factories.InitiativeFactory(slug="english-only", title_en="Only in English", title_ar="")
    rows = read_csv(client.get("/ar/initiatives/download.csv"))
    assert rows[1][:2] == ["english-only", "Only in English"]


def test_headers_that_a_language_says_alike_name_their_key(client, demo_content):
    # Arabic says a statement's body and its kind of text with one word.
    headers = read_csv(client.get("/ar/statements/download.csv"))[0]
    assert len(set(headers)) == len(headers)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_download_holds_every_row_of_the_list_not_one_page(client, language, db):
    for n in range(45):
        factories.InitiativeFactory(slug=f"bulk-{n:02d}")
    rows = read_csv(client.get(f"/{language}/initiatives/download.csv"))
    assert len(rows) - 1 == 45
    count = client.get(f"/{language}/initiatives/").text
    assert "45" in re.search(r'class="result-count"[^>]*>([^<]*)<', count).group(1)


@pytest.mark.parametrize(
    "query",
    ["country=ke", "country=KE&stage=ongoing", "modality=triangular", "sdg=13", "q=agriculture"],
)
def test_a_filtered_download_is_that_lists_items(client, demo_content, query):
    shown = list_slugs(client, f"/en/initiatives/?{query}")
    rows = read_csv(client.get(f"/en/initiatives/download.csv?{query}"))
    assert [row[0] for row in rows[1:]] == shown


def test_statement_and_resource_filters_apply_to_their_downloads(client, demo_content):
    everything = read_csv(client.get("/en/statements/download.csv"))
    sesric = read_csv(client.get("/en/statements/download.csv?organization=sesric"))
    assert 1 < len(sesric) < len(everything)
    column = everything[0].index("Organization")
    assert {row[column] for row in sesric[1:]} == {
        "Statistical, Economic and Social Research and Training Centre for Islamic Countries"
    }
    podcasts = read_csv(client.get("/en/resources/download.csv?kind=podcast"))
    assert {row[1] for row in podcasts[1:]} == {"Podcast"}


def test_a_draft_is_never_a_row_not_even_for_staff(admin_client, demo_content):
    factories.InitiativeFactory(slug="secret-draft", status="draft")
    draft_partner = factories.OrganizationFactory(name_en="Hidden partner", status="draft")
    shown = factories.InitiativeFactory(slug="with-a-draft-partner")
    shown.partner_roles.create(organization=draft_partner, role="funder")
    for language in ("en", "ar"):
        for fmt in ("csv", "xlsx"):
            response = admin_client.get(f"/{language}/initiatives/download.{fmt}")
            body = b"".join(response.streaming_content)
            if fmt == "csv":
                assert b"secret-draft" not in body
                assert b"with-a-draft-partner" in body
                assert b"Hidden partner" not in body


def test_cells_a_spreadsheet_would_run_are_neutralised(client, db):
    for n, title in enumerate(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "\rReturn"]):
        factories.InitiativeFactory(slug=f"formula-{n}", title_en=title, start_date=None)
    rows = read_csv(client.get("/en/initiatives/download.csv"))
    titles = {row[1] for row in rows[1:]}
    assert titles == {"'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTab", "'\rReturn"}
    _sheet, xlsx_rows = read_xlsx(client.get("/en/initiatives/download.xlsx"))
    assert {row[1] for row in xlsx_rows[1:]} == titles
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get("/en/initiatives/download.xlsx").streaming_content))
    )
    assert all(cell.data_type != "f" for row in workbook.worksheets[0].iter_rows() for cell in row)


def test_the_file_is_named_after_the_list_language_and_day(client, db):
    response = client.get("/ar/events/download.xlsx")
    disposition = response["Content-Disposition"]
    assert re.fullmatch(
        r'attachment; filename="sscportal-events-ar-\d{4}-\d\d-\d\d\.xlsx"; '
        r"filename\*=UTF-8''sscportal-events-ar-\d{4}-\d\d-\d\d\.xlsx",
        disposition,
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_download_runs_the_same_queries_for_3_rows_as_for_60(
    client, db, django_assert_max_num_queries, fmt
):
    def queries_for(rows):
        for n in range(rows):
            link = factories.InitiativeCountryFactory(initiative__slug=f"q{rows}-{n}")
            link.initiative.sdgs.add(n % 17 + 1)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/en/initiatives/download.{fmt}?country=ke")
            b"".join(response.streaming_content)
        return len(captured)

    few = queries_for(3)
    many = queries_for(60)
    assert few == many
    with django_assert_max_num_queries(12):
        b"".join(client.get(f"/en/initiatives/download.{fmt}").streaming_content)


@pytest.mark.parametrize("name", LISTS)
def test_hostile_query_strings_never_give_a_500(demo_content, name):
    client = Client(raise_request_exception=False)
    form = __import__("front.opendata.lists", fromlist=["LISTS"]).LISTS[name].filter_form
    values = [encoded(value) for value in NAUGHTY[::3]] + RAW
    failures = []
    for parameter in [*form.base_fields, "page"]:
        for value in values:
            for fmt in ("csv", "xlsx"):
                response = client.get(f"/en/{name}/download.{fmt}?{parameter}={value}")
                if response.status_code >= 500:
                    failures.append((fmt, parameter, value))
                elif response.streaming:
                    b"".join(response.streaming_content)
    assert not failures


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_list_page_links_its_downloads_api_and_feed_with_its_filters(
    client, demo_content, language
):
    html = client.get(f"/{language}/initiatives/?country=ke&stage=ongoing&page=1").text
    for link in (
        f"/{language}/initiatives/download.csv?country=ke&amp;stage=ongoing",
        f"/{language}/initiatives/download.xlsx?country=ke&amp;stage=ongoing",
        "/api/v1/initiatives/?country=ke&amp;stage=ongoing",
        f"/{language}/initiatives/feed/?country=ke&amp;stage=ongoing",
    ):
        assert f'href="{link}"' in html, link
    for name in ("statements", "events", "resources", "organizations", "countries"):
        html = client.get(f"/{language}/{name}/").text
        assert f'href="/{language}/{name}/download.csv"' in html, name
        assert f'href="/{language}/{name}/download.xlsx"' in html, name
        assert f'href="/api/v1/{name}/"' in html, name


def test_the_latin_format_names_read_in_order_on_arabic_pages(client, demo_content):
    # "CSV · Excel · API" is one left-to-right run inside Arabic text, shown
    # API first from the right, unless each name is isolated (seen on screen).
    for path in ("/ar/initiatives/", "/ar/data/"):
        html = client.get(path).text
        for name in ("CSV", "Excel"):
            links = re.findall(rf"<a [^>]*>{name}</a>", html)
            assert links and all('dir="ltr"' in link for link in links), (path, name)
    # The API is named in Arabic on an Arabic page.
    assert re.search(r"<a [^>]*>واجهة البرمجة</a>", client.get("/ar/initiatives/").text)


def test_an_invalid_filter_is_not_carried_to_the_links(client, demo_content):
    html = client.get("/en/initiatives/?country=zz&sdg=13").text
    assert 'href="/en/initiatives/download.csv?sdg=13"' in html
