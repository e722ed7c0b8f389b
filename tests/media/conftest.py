import pytest

from media.models import Document, Image

from .files import pdf_bytes, png_bytes, upload


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test's files in a folder of its own, removed after."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def arabic_pdf(db):
    return Document.objects.create(
        file=upload("تقرير.pdf", pdf_bytes(), "application/pdf"),
        language="ar",
        title_ar="تقرير التعاون فيما بين بلدان الجنوب ٢٠٢٣",
        title_en="South-South cooperation report 2023",
        kind="pdf",
    )


@pytest.fixture
def picture(db):
    return Image.objects.create(
        file=upload("IMG_0042.PNG", png_bytes()),
        alt_en="Delegates at the opening of the Day",
        alt_ar="المندوبون في افتتاح اليوم",
        credit="UNOSSC",
    )
