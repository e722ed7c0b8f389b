"""What enters the library: type by content, sizes bounded, names made here, copies made."""

import PIL.Image
import pytest
from django.core.exceptions import ValidationError

from media.models import Document, Image

from .files import HTML_NAMED_PDF, SVG_WITH_SCRIPT, pdf_bytes, png_bomb, png_bytes, upload

pytestmark = pytest.mark.django_db


def refused(model, **fields):
    with pytest.raises(ValidationError) as refusal:
        model(**fields).full_clean()
    return " ".join(refusal.value.messages)


def test_a_pdf_is_recognised_by_its_content_and_named_from_its_title(arabic_pdf):
    assert arabic_pdf.content_type == "application/pdf"
    assert arabic_pdf.size == len(pdf_bytes())
    assert len(arabic_pdf.sha256) == 64
    # The uploader's name (Arabic, spaces, any case) is not kept: the English
    # title, the checksum's start and the extension of the detected type are.
    assert arabic_pdf.file.name == (
        f"documents/south-south-cooperation-report-2023-{arabic_pdf.sha256[:10]}.pdf"
    )


def test_a_file_named_pdf_holding_html_is_refused():
    message = refused(
        Document, file=upload("report.pdf", HTML_NAMED_PDF, "application/pdf"), language="en"
    )
    assert "HTML, SVG or XML" in message
    assert not Document.objects.exists()


def test_saving_without_the_form_checks_too():
    with pytest.raises(ValidationError):
        Document.objects.create(file=upload("report.pdf", HTML_NAMED_PDF), language="en")
    assert not Document.objects.exists()


def test_a_kind_accepts_only_its_types():
    message = refused(Document, file=upload("talk.mp3", pdf_bytes()), language="en", kind="audio")
    assert "This is a PDF file" in message


def test_an_unknown_binary_is_refused_whatever_its_name():
    message = refused(Document, file=upload("setup.pdf", b"MZ\x90\x00" * 100), language="en")
    assert "not one of the accepted types" in message


def test_a_document_over_the_size_limit_is_refused(settings):
    settings.MEDIA_MAX_DOCUMENT_MB = 1
    big = pdf_bytes() + b"%" * (1024 * 1024)
    assert "the most accepted is 1.0" in refused(Document, file=upload("a.pdf", big), language="en")


def test_an_svg_with_a_script_is_refused():
    message = refused(Image, file=upload("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"))
    assert "SVG" in message and "scripts" in message


def test_an_svg_named_png_is_refused():
    assert "SVG" in refused(Image, file=upload("logo.png", SVG_WITH_SCRIPT, "image/png"))


def test_an_image_bomb_is_refused_before_it_is_decoded(monkeypatch):
    bomb, decoded = png_bomb(), []
    monkeypatch.setattr(PIL.Image.Image, "load", lambda *a: decoded.append(1))
    message = refused(Image, file=upload("bomb.png", bomb))
    assert "decompression bomb" in message
    assert "it was not opened" in message
    assert decoded == []
    assert not Image.objects.exists()


def test_the_pixel_limit_comes_from_the_settings(settings):
    settings.MEDIA_MAX_IMAGE_PIXELS = 1000 * 1000
    message = refused(Image, file=upload("a.png", png_bytes(1200, 900)))
    assert "1200 × 900 pixels, more than the 1 million accepted" in message
    Image(file=upload("b.png", png_bytes(1000, 1000))).full_clean()


def test_a_damaged_image_is_refused():
    broken = png_bytes()[:200]
    assert "damaged" in refused(Image, file=upload("broken.png", broken))


def test_an_image_gets_its_size_and_smaller_webp_copies(picture):
    assert (picture.width, picture.height) == (1600, 900)
    assert picture.content_type == "image/png"
    assert picture.file.name.startswith("images/delegates-at-the-opening-of-the-day-")
    assert picture.rendition_widths() == [320, 640, 1280]
    for width in (320, 640, 1280):
        with picture.file.storage.open(picture.renditions[str(width)]) as copy:
            made = PIL.Image.open(copy)
            assert made.format == "WEBP"
            assert made.size == (width, round(900 * width / 1600))


def test_no_copy_is_larger_than_the_original():
    small = Image.objects.create(file=upload("small.png", png_bytes(500, 300)))
    assert small.rendition_widths() == [320]
