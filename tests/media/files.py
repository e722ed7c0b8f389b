"""Files for the media tests, made here: real PDFs, PNGs, a PNG bomb, an SVG with a script."""

import io
import struct
import zlib

import PIL.Image
import pypdf
from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes(width=1600, height=900, color=(30, 120, 90)):
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def png_bomb(width=100_000, height=100_000):
    """A PNG of a few dozen bytes whose header says width x height pixels: decoding
    it would take 30 GB. Its chunks' checksums are right, so only the size gives it away."""
    real = png_bytes(1, 1)
    ihdr_at = 8  # after the signature: length (4), "IHDR" (4), data (13), CRC (4)
    data = bytearray(real[ihdr_at + 8 : ihdr_at + 8 + 13])
    data[0:8] = struct.pack(">II", width, height)
    chunk = b"IHDR" + bytes(data)
    crc = struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return real[: ihdr_at + 4] + chunk + crc + real[ihdr_at + 8 + 13 + 4 :]


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)

HTML_NAMED_PDF = b"<!DOCTYPE html><html><body><script>alert(1)</script>Report</body></html>"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
