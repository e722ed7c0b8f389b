"""Library files in the exchange format and the API: metadata and address, matched by checksum."""

import json

import pytest

from exchange.document import ImportFailed
from exchange.exporter import export_content
from exchange.importer import import_content
from resources.models import Resource
from tests.factories import ObservanceFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def document(**sections):
    return {"format": "sscportal-content", "version": 3, **sections}


def resource_with(*files):
    return {
        "slug": "joint-report",
        "status": "published",
        "kind": "report",
        "title": {"en": "A joint report"},
        "files": list(files),
    }


def test_a_resources_files_are_exported_as_metadata_and_address(arabic_pdf):
    resource = ResourceFactory()
    resource.files.create(document=arabic_pdf)
    (entry,) = next(r for r in export_content()["resources"] if r["slug"] == resource.slug)["files"]
    assert entry == {
        "sha256": arabic_pdf.sha256,
        "language": "ar",
        "kind": "pdf",
        "title": {"en": arabic_pdf.title_en, "ar": arabic_pdf.title_ar},
        "content_type": "application/pdf",
        "size": arabic_pdf.size,
        "url": f"http://testserver{arabic_pdf.get_absolute_url()}",
    }


def test_an_import_attaches_a_library_file_by_its_checksum(arabic_pdf):
    report = import_content(
        json.dumps(document(resources=[resource_with({"sha256": arabic_pdf.sha256})]))
    )
    assert report.errors == [] and report.warnings == []
    assert [f.document for f in Resource.objects.get(slug="joint-report").files.all()] == [
        arabic_pdf
    ]


def test_a_file_missing_from_the_library_is_left_out_with_a_warning(arabic_pdf):
    missing = {"sha256": "0" * 64, "url": "https://elsewhere.example/x.pdf"}
    report = import_content(
        json.dumps(document(resources=[resource_with(missing, {"sha256": arabic_pdf.sha256})]))
    )
    assert report.errors == []
    assert report.warnings == [
        "resources[0].files[0]: no file with this sha256 is in the media library: "
        "upload it, then import again"
    ]
    assert Resource.objects.get(slug="joint-report").files.count() == 1


def test_a_bad_checksum_is_an_error():
    with pytest.raises(ImportFailed) as failure:
        import_content(json.dumps(document(resources=[resource_with({"sha256": "abc"})])))
    assert any("files[0]" in error for error in failure.value.report.errors)
    assert not Resource.objects.exists()


def test_the_api_gives_a_days_banner_and_a_resources_files(client, picture, arabic_pdf):
    day = ObservanceFactory(banner=picture)
    resource = ResourceFactory()
    resource.files.create(document=arabic_pdf)
    banner = json.loads(client.get(f"/api/v1/observances/{day.year}/").content)["banner"]
    assert banner["sha256"] == picture.sha256
    assert banner["alt"] == {"en": picture.alt_en, "ar": picture.alt_ar}
    assert (banner["width"], banner["height"]) == (1600, 900)
    assert set(banner["sizes"]) == {"320", "640", "1280"}
    assert client.get(banner["url"].removeprefix("http://testserver")).status_code == 200
    files = json.loads(client.get(f"/api/v1/resources/{resource.slug}/").content)["files"]
    assert [f["sha256"] for f in files] == [arabic_pdf.sha256]
