"""Library files as readers fetch them: only those of public items, typed and safely named."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.utils import translation

from media.models import Document
from resources.models import ResourceFile
from tests.factories import EventFactory, ObservanceFactory, ResourceFactory, StatementFactory

from .files import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(db):
    staff = Client()
    staff.force_login(User.objects.create_user("editor", is_staff=True))
    return staff


def attach(document, resource=None):
    resource = resource or ResourceFactory()
    ResourceFile.objects.create(resource=resource, document=document)
    return resource


def test_an_arabic_pdf_of_a_public_resource_is_served_as_pdf_with_a_safe_name(client, arabic_pdf):
    attach(arabic_pdf)
    response = client.get(arabic_pdf.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["X-Content-Type-Options"] == "nosniff"
    ascii_name = arabic_pdf.file.name.split("/")[-1]
    arabic_name = "تقرير-التعاون-فيما-بين-بلدان-الجنوب-٢٠٢٣.pdf"
    assert response["Content-Disposition"] == (
        f"inline; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(arabic_name, safe='')}"
    )
    # The header is ASCII: the Arabic name travels percent-encoded (RFC 5987).
    response["Content-Disposition"].encode("ascii")


def test_a_draft_resources_file_is_404_to_readers_and_200_to_staff(
    client, staff_client, arabic_pdf
):
    attach(arabic_pdf, ResourceFactory(status="draft"))
    url = arabic_pdf.get_absolute_url()
    assert client.get(url).status_code == 404
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_file_attached_to_nothing_is_404(client, arabic_pdf):
    assert client.get(arabic_pdf.get_absolute_url()).status_code == 404


def test_one_public_item_is_enough(client, arabic_pdf):
    attach(arabic_pdf, ResourceFactory(status="draft"))
    attach(arabic_pdf)
    assert client.get(arabic_pdf.get_absolute_url()).status_code == 200


def test_unpublishing_the_resource_takes_the_file_away_at_once(client, arabic_pdf):
    resource = attach(arabic_pdf)
    url = arabic_pdf.get_absolute_url()
    assert client.get(url).status_code == 200
    resource.status = "draft"
    resource.save()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("factory", [EventFactory, StatementFactory])
def test_official_documents_follow_their_event_or_statement(client, arabic_pdf, factory):
    item = factory(status="draft")
    item.files.create(document=arabic_pdf)
    url = arabic_pdf.get_absolute_url()
    assert client.get(url).status_code == 404
    item.status = "published"
    item.save()
    assert client.get(url).status_code == 200


def test_a_banner_is_public_with_its_day(client, picture):
    day = ObservanceFactory(status="draft", banner=picture)
    url = picture_url = f"/media/images/{picture.pk}/x.png"
    assert client.get(url).status_code == 404
    day.status = "published"
    day.save()
    response = client.get(picture_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    copy = client.get(f"/media/images/{picture.pk}/640w/x.webp")
    assert copy.status_code == 200
    assert copy["Content-Type"] == "image/webp"
    assert client.get(f"/media/images/{picture.pk}/999w/x.webp").status_code == 404


def test_an_office_file_is_saved_not_opened(client):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p/>")
    slides = Document.objects.create(
        file=upload("deck.pptx", buffer.getvalue()), language="en", kind="slides", title_en="Deck"
    )
    attach(slides)
    response = client.get(slides.get_absolute_url())
    assert response["Content-Type"].endswith("presentationml.presentation")
    assert response["Content-Disposition"].startswith('attachment; filename="deck-')
    assert "sandbox" in response["Content-Security-Policy"]


def test_an_unchanged_file_is_not_sent_again(client, arabic_pdf):
    attach(arabic_pdf)
    first = client.get(arabic_pdf.get_absolute_url())
    again = client.get(arabic_pdf.get_absolute_url(), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_resource_page_lists_its_files(client, arabic_pdf, language):
    resource = attach(arabic_pdf)
    page = client.get(f"/{language}/resources/{resource.slug}/").content.decode()
    assert f'href="{arabic_pdf.get_absolute_url()}"' in page
    assert 'hreflang="ar"' in page and 'type="application/pdf"' in page
    assert ("Arabic" if language == "en" else "العربية") in page
    assert "No link to this resource has been recorded yet." not in page
    with translation.override(language):
        assert f'<span dir="ltr">{filesizeformat(arabic_pdf.size)}</span>' in page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_statement_shows_its_official_pdf(client, arabic_pdf, language):
    statement = StatementFactory()
    statement.files.create(document=arabic_pdf)
    page = client.get(f"/{language}/statements/{statement.slug}/").content.decode()
    assert f'href="{arabic_pdf.get_absolute_url()}"' in page
    assert ("Official documents" if language == "en" else "الوثائق الرسمية") in page


@pytest.mark.parametrize(("language", "alt"), [("en", "Delegates"), ("ar", "المندوبون")])
def test_the_days_page_shows_its_banner_with_its_credit(client, picture, language, alt):
    day = ObservanceFactory(banner=picture)
    page = client.get(f"/{language}/events/{day.year}/").content.decode()
    assert f'alt="{alt}' in page
    assert f"/media/images/{picture.pk}/1280w/" in page
    assert 'width="1600" height="900"' in page
    assert "UNOSSC" in page
