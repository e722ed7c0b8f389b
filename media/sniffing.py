"""What a file is, read from its first bytes, never from its name.

A small, explicit list of the types the library accepts, each recognised by
its signature (its "magic bytes"); anything else is refused, whatever its
name says. No libmagic: it knows thousands of types we do not want and is not
on every server. The office formats are ZIP archives, told apart by the
entries their standards require, read from the archive's directory (nothing
is decompressed but ODF's few-byte `mimetype` entry).
"""

import zipfile
from dataclasses import dataclass

HEAD_BYTES = 4096


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str


PDF = FileType("application/pdf", "pdf", "PDF")
MP3 = FileType("audio/mpeg", "mp3", "MP3")
M4A = FileType("audio/mp4", "m4a", "M4A")
OGG = FileType("audio/ogg", "ogg", "Ogg")
WAV = FileType("audio/wav", "wav", "WAV")
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pptx",
    "PowerPoint",
)
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word"
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel"
)
ODP = FileType("application/vnd.oasis.opendocument.presentation", "odp", "OpenDocument")
ODT = FileType("application/vnd.oasis.opendocument.text", "odt", "OpenDocument")
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "ods", "OpenDocument")

JPEG = FileType("image/jpeg", "jpg", "JPEG")
PNG = FileType("image/png", "png", "PNG")
GIF = FileType("image/gif", "gif", "GIF")
WEBP = FileType("image/webp", "webp", "WebP")

DOCUMENT_TYPES = (PDF, MP3, M4A, OGG, WAV, PPTX, DOCX, XLSX, ODP, ODT, ODS)
IMAGE_TYPES = (JPEG, PNG, GIF, WEBP)

_ODF = {t.content_type: t for t in (ODP, ODT, ODS)}
# The folder each OOXML format keeps its parts in, beside [Content_Types].xml.
_OOXML = {"ppt/": PPTX, "word/": DOCX, "xl/": XLSX}


def head(file):
    """The first bytes of an open file, leaving it at its start."""
    file.seek(0)
    start = file.read(HEAD_BYTES)
    file.seek(0)
    return start


def document_type(file):
    """The accepted document type of `file`'s content, or None."""
    start = head(file)
    if start.startswith(b"%PDF-"):
        return PDF
    if start.startswith(b"ID3") or (
        len(start) > 1 and start[0] == 0xFF and start[1] & 0xE0 == 0xE0
    ):
        return MP3
    if start[4:8] == b"ftyp" and start[8:12] in (b"M4A ", b"M4B "):
        return M4A
    if start.startswith(b"OggS"):
        return OGG
    if start.startswith(b"RIFF") and start[8:12] == b"WAVE":
        return WAV
    if start.startswith(b"PK\x03\x04"):
        return _office_type(file)
    return None


def image_type(file):
    """The accepted image type of `file`'s content, or None."""
    start = head(file)
    if start.startswith(b"\xff\xd8\xff"):
        return JPEG
    if start.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if start[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if start.startswith(b"RIFF") and start[8:12] == b"WEBP":
        return WEBP
    return None


def looks_like_markup(file):
    """Whether `file` is SVG, HTML or another XML: text that a browser may run
    scripts from, refused under any name."""
    start = head(file).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(b"<")


def is_svg(file):
    return b"<svg" in head(file).lower()


def _office_type(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > 100:
                    return None
                return _ODF.get(archive.read("mimetype").decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                for folder, file_type in _OOXML.items():
                    if any(name.startswith(folder) for name in names):
                        return file_type
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    return None
