"""Library files in the exchange format and the API: their metadata and address.

A content file carries no file's bytes. It says which library files an item
uses, each by its SHA-256 with what a reader of the file needs (language,
type, size, title or alternative text, and the public address); on import the
checksum finds the file in the receiving site's library, and one not there
is left out with a warning (upload it to the library, then import again).
Both keys are optional: files of versions 1 to 3 without them import as before.
"""

import re

from django.utils.translation import gettext_lazy as _

from sscportal.configuration.site import absolute_url
from sscportal.exchange_format import LANGUAGES, MISSING, Field, member, show
from sscportal.exchange_format.fields import per_language

from .models import Document, DocumentKind, Image
from .rich_text import image_url

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TEXT = per_language({"type": ["string", "null"]})


def _texts(item, field):
    return {
        code: getattr(item, f"{field}_{code}")
        for code in LANGUAGES
        if getattr(item, f"{field}_{code}")
    }


def document_entry(document):
    return {
        "sha256": document.sha256,
        "language": document.language,
        "kind": document.kind,
        "title": _texts(document, "title"),
        "content_type": document.content_type,
        "size": document.size,
        "url": absolute_url(document.get_absolute_url()),
    }


def image_entry(image):
    return {
        "sha256": image.sha256,
        "alt": _texts(image, "alt"),
        "credit": image.credit or None,
        "content_type": image.content_type,
        "size": image.size,
        "width": image.width,
        "height": image.height,
        "url": absolute_url(image_url(image)),
        "sizes": {
            str(width): absolute_url(image_url(image, width)) for width in image.rendition_widths()
        },
    }


def _checksum(value, path, report):
    if not isinstance(value, dict):
        report.error(path, "must be an object with the file's sha256")
        return MISSING
    sha256 = value.get("sha256")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        report.error(member(path, "sha256"), f"{show(sha256)} is not a SHA-256 (64 hex digits)")
        return MISSING
    return sha256


_NOT_IN_LIBRARY = "no file with this sha256 is in the media library: upload it, then import again"


def _metadata_schema(required, properties):
    return {
        "type": "object",
        "required": required,
        "properties": {
            "sha256": {"type": "string", "pattern": _SHA256.pattern},
            "content_type": {"type": "string"},
            "size": {"type": "integer", "minimum": 0},
            "url": {"type": "string", "format": "uri", "readOnly": True},
            **properties,
        },
    }


class AttachedDocuments(Field):
    """`files`: the item's documents (an attachment table, media.models.Attachment)."""

    is_relation = True
    # The open data lists' column (front/opendata/columns.py): the addresses.
    header = _("files")

    def __init__(self, related_name="files", **kwargs):
        super().__init__(required=False, nullable=True, **kwargs)
        self.related_name = related_name

    def empty(self):
        return []

    def load_value(self, value, path, report, context):
        if not isinstance(value, list):
            report.error(path, "must be a list")
            return MISSING
        checksums = [_checksum(entry, f"{path}[{i}]", report) for i, entry in enumerate(value)]
        if MISSING in checksums:
            return MISSING
        known = set(Document.objects.filter(sha256__in=checksums).values_list("sha256", flat=True))
        for i, sha256 in enumerate(checksums):
            if sha256 not in known:
                report.warning(f"{path}[{i}]", _NOT_IN_LIBRARY)
        return list(dict.fromkeys(sha for sha in checksums if sha in known))

    def write(self, instance, name, value, resolve):
        rows = getattr(instance, self.related_name)
        rows.all().delete()
        documents = {d.sha256: d for d in Document.objects.filter(sha256__in=value)}
        for order, sha256 in enumerate(value):
            rows.create(document=documents[sha256], order=order)

    def read(self, instance, name):
        rows = sorted(getattr(instance, self.related_name).all(), key=lambda r: (r.order, r.pk))
        return [document_entry(row.document) for row in rows]

    def prefetch(self, name):
        return [f"{self.related_name}__document"]

    @staticmethod
    def plain(entries):
        return "\n".join(entry["url"] for entry in entries)

    def value_schema(self):
        entry = _metadata_schema(
            ["sha256"],
            {
                "language": {"type": "string", "pattern": "^[a-z]{2,3}$"},
                "kind": {"enum": [str(kind) for kind in DocumentKind.values]},
                "title": _TEXT,
            },
        )
        return {"type": "array", "items": entry}


class LibraryImage(Field):
    """An image from the library named by a foreign key (a Day's `banner`)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, nullable=True, **kwargs)

    def load_value(self, value, path, report, context):
        sha256 = _checksum(value, path, report)
        if sha256 is MISSING:
            return MISSING
        if not Image.objects.filter(sha256=sha256).exists():
            report.warning(path, _NOT_IN_LIBRARY)
            return None
        return sha256

    def write(self, instance, name, value, resolve):
        image = Image.objects.filter(sha256=value).first() if value else None
        setattr(instance, name, image)

    def read(self, instance, name):
        image = getattr(instance, name)
        return image_entry(image) if image else None

    @staticmethod
    def plain(entry):
        return entry["url"] if entry else ""

    def value_schema(self):
        return _metadata_schema(
            ["sha256"],
            {
                "alt": _TEXT,
                "credit": {"type": ["string", "null"]},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "sizes": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        )
