"""The data page and the full dumps: the export, and the data package that frictionless validates."""

import gzip
import io
import json
import re
import zipfile

import frictionless
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exchange.document import Report
from exchange.schema import check

from .. import factories

pytestmark = pytest.mark.django_db

CONTENT = "/data/sscportal-content.json.gz"
PACKAGE = "/data/sscportal-datapackage.zip"


@pytest.fixture(autouse=True)
def dump_root(settings, tmp_path):
    settings.DATA_DUMP_ROOT = tmp_path / "dumps"
    return settings.DATA_DUMP_ROOT


def body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def content_dump(client):
    response = client.get(CONTENT)
    assert response["Content-Type"] == "application/gzip"
    assert 'filename="sscportal-content.json.gz"' in response["Content-Disposition"]
    return json.loads(gzip.decompress(body(response)))


def package(client, folder):
    response = client.get(PACKAGE)
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(body(response))) as archive:
        archive.extractall(folder)
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_the_content_dump_is_a_document_the_import_reads(client, demo_content):
    document = content_dump(client)
    assert document["format"] == "sscportal-content"
    report = Report()
    check(document, report)
    assert not report.errors
    assert {item["slug"] for item in document["initiatives"]} >= {
        "china-unossc-climate-smart-agriculture-africa"
    }
    assert all(item["status"] == "published" for item in document["initiatives"])


def test_the_data_package_is_valid_for_frictionless(client, demo_content, tmp_path):
    descriptor = package(client, tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    names = {resource["name"] for resource in descriptor["resources"]}
    assert {"initiatives", "initiatives-countries", "statements", "countries", "sdgs"} <= names
    assert descriptor["licenses"] == [
        {
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert descriptor["sources"]
    countries = next(r for r in descriptor["resources"] if r["name"] == "initiatives-countries")
    assert countries["schema"]["primaryKey"] == ["initiative", "country"]
    assert {fk["reference"]["resource"] for fk in countries["schema"]["foreignKeys"]} == {
        "initiatives",
        "countries",
    }


def test_frictionless_finds_a_broken_foreign_key(client, demo_content, tmp_path):
    # The test above could not fail if foreign keys went unchecked.
    package(client, tmp_path)
    table = tmp_path / "initiatives-countries.csv"
    table.write_text(table.read_text() + "no-such-initiative,KE,recipient\n")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_a_draft_is_in_no_dump(client, demo_content, tmp_path):
    factories.InitiativeFactory(slug="secret-draft", status="draft")
    draft_partner = factories.OrganizationFactory(key="hidden-partner", status="draft")
    shown = factories.InitiativeFactory(slug="with-a-draft-partner")
    shown.partner_roles.create(organization=draft_partner, role="funder")
    raw = gzip.decompress(body(client.get(CONTENT)))
    assert b"secret-draft" not in raw and b"hidden-partner" not in raw
    assert b"with-a-draft-partner" in raw
    package(client, tmp_path)
    for table in tmp_path.glob("*.csv"):
        text = table.read_text(encoding="utf-8")
        assert "secret-draft" not in text and "hidden-partner" not in text, table.name
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_a_dump_is_built_once_per_content_version_and_older_ones_go(
    client, demo_content, dump_root
):
    first = content_dump(client)
    with CaptureQueriesContext(connection) as again:
        assert content_dump(client) == first
    assert len(again) <= 2  # the file is served, not built again
    assert len(list(dump_root.glob("sscportal-content-*.json.gz"))) == 1
    factories.InitiativeFactory(slug="new-after-the-first-dump")
    second = content_dump(client)
    assert "new-after-the-first-dump" in {item["slug"] for item in second["initiatives"]}
    assert len(list(dump_root.glob("sscportal-content-*.json.gz"))) == 1


def test_a_reader_holding_the_current_dump_is_answered_304(client, demo_content):
    response = client.get(PACKAGE)
    assert response["Cache-Control"] == "public, max-age=60"
    assert client.get(PACKAGE, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_build_dumps_builds_them_ahead_of_readers(demo_content, dump_root):
    call_command("build_dumps", stdout=io.StringIO())
    assert {path.name.split("-")[1] for path in dump_root.iterdir()} == {"content", "datapackage"}


def test_an_unknown_dump_is_404(client, db):
    assert client.get("/data/sscportal-other.zip").status_code == 404


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_data_page_says_what_there_is_the_licence_and_how_to_cite(
    client, demo_content, language
):
    response = client.get(f"/{language}/data/")
    assert response.status_code == 200
    html = response.text
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    for link in (CONTENT, PACKAGE, "/api/v1/", "/api/v1/docs/", f"/{language}/events/calendar.ics"):
        assert f'href="{link}"' in html, link
    for name in ("initiatives", "statements", "events", "resources", "organizations", "countries"):
        assert f'href="/{language}/{name}/download.csv"' in html, name
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', html)  # when the data last changed
    assert f"http://testserver/{language}/data/" in html  # the citation's address


def test_the_licence_comes_from_the_settings(client, db, settings):
    settings.CONTENT_LICENSE_NAME = "Open Government Licence"
    settings.CONTENT_LICENSE_URL = "https://example.org/licence"
    html = client.get("/en/data/").text
    # Marked as English: a licence's name is in its own language on every page.
    assert (
        '<a href="https://example.org/licence" rel="license" lang="en" dir="ltr">'
        "Open Government Licence</a>"
    ) in html


def test_every_page_links_the_data_page_from_its_footer(client, db):
    assert 'href="/ar/data/"' in client.get("/ar/").text


def test_the_data_page_is_in_the_sitemap(client, db):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/en/data/" in sitemap
