"""The media library in the admin: upload, refusal with its reason, the list with thumbnails."""

import pytest
from django.contrib.auth.models import User

from media.models import Document, Image

from .files import SVG_WITH_SCRIPT, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    return client


def test_an_editor_uploads_a_pdf(admin_client):
    response = admin_client.post(
        "/en/admin/media/document/add/",
        {
            "file": upload("Rapport final (v2).PDF", pdf_bytes()),
            "title_en": "Final report",
            "title_ar": "التقرير النهائي",
            "language": "en",
            "kind": "pdf",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert document.file.name.startswith("documents/final-report-")
    assert document.file.name.endswith(".pdf")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_svg_upload_is_refused_with_its_reason(admin_client, language):
    response = admin_client.post(
        f"/{language}/admin/media/image/add/",
        {"file": upload("logo.svg", SVG_WITH_SCRIPT), "alt_en": "Logo"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert ("scripts" if language == "en" else "برامج نصية") in page
    assert not Image.objects.exists()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_image_list_shows_thumbnails_dimensions_and_sizes(
    admin_client, language, django_assert_max_num_queries
):
    for n in range(3):
        Image.objects.create(file=upload(f"p{n}.png", png_bytes(800, 400, (n, 90, 90))))
    with django_assert_max_num_queries(12):
        page = admin_client.get(f"/{language}/admin/media/image/").content.decode()
    assert page.count('class="media-thumbnail"') == 3
    assert "800 × 400" in page
    assert "/320w/" in page
