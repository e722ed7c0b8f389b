"""The media library: documents (PDF, audio, slides...) and images, each held once
and attached by content apps (a resource's files, a Day's banner...).

A file's type, size and checksum are read from its content when it is saved,
and its stored name is made from its title and that type, never taken from
the uploader's computer (checks.py). Whether readers may fetch it is decided
by what it is attached to (visibility.py); front/media.py serves it.
"""

import posixpath

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from sscportal.text.languages import LANGUAGE_CODES

from . import checks, renditions, sniffing


class DocumentKind(models.TextChoices):
    PDF = "pdf", _("PDF document")
    AUDIO = "audio", _("Audio")
    SLIDES = "slides", _("Slides")
    OTHER = "other", _("Other")


# The types each kind accepts (a deck of slides may be a PDF).
KIND_TYPES = {
    DocumentKind.PDF: (sniffing.PDF,),
    DocumentKind.AUDIO: (sniffing.MP3, sniffing.M4A, sniffing.OGG, sniffing.WAV),
    DocumentKind.SLIDES: (sniffing.PDF, sniffing.PPTX, sniffing.ODP),
    DocumentKind.OTHER: sniffing.DOCUMENT_TYPES,
}

language_code = RegexValidator(r"^[a-z]{2,3}$", _("Give an ISO 639-1 code, e.g. en, ar, fr."))


def _document_path(instance, filename):
    return instance.stored_name


def _image_path(instance, filename):
    return instance.stored_name


class LibraryFile(models.Model):
    """What documents and images share: the facts read from the file itself."""

    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False, default=0)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False, db_index=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # However it is saved (admin, shell, import), an upload is checked
            # and named here; the admin's form has already said what is wrong.
            self.inspect()
            self.file.name = self.stored_name
        super().save(*args, **kwargs)

    @property
    def extension(self):
        return posixpath.splitext(self.file.name)[1].lstrip(".")

    @property
    def stored_name(self):
        """`<folder>/<name from the title>-<first digits of the checksum>.<type's extension>`."""
        base = slugify(self.name_source())[:60].strip("-") or self.folder.rstrip("s")
        return f"{self.folder}/{base}-{self.sha256[:10]}.{self.file_type.extension}"

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:
            self.inspect()

    @property
    def file_type(self):
        return getattr(self, "_file_type", None) or _type_of(self.content_type)

    @file_type.setter
    def file_type(self, value):
        self._file_type = value

    @property
    def original_stem(self):
        return getattr(self, "_original_stem", "")

    @original_stem.setter
    def original_stem(self, value):
        self._original_stem = value


class Document(LibraryFile):
    folder = "documents"

    file = models.FileField(_("file"), upload_to=_document_path, max_length=300)
    language = models.CharField(
        _("language"),
        max_length=3,
        validators=[language_code],
        help_text=_("ISO 639-1 code of the file's language, e.g. en, ar, fr."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind, default="pdf")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language__regex=r"^[a-z]{2,3}$"),
                name="media_document_language_is_a_code",
            )
        ]

    def __str__(self):
        return self.title or posixpath.basename(self.file.name)

    def get_absolute_url(self):
        return reverse("media:document", args=[self.pk, self.download_name()])

    def name_source(self):
        return self.title_en or self.original_stem or self.title or ""

    @property
    def type_label(self):
        file_type = self.file_type
        return file_type.label if file_type else self.content_type

    def inspect(self):
        """Check the upload (checks.py raises ValidationError) and keep what it is."""
        self.original_stem = posixpath.splitext(posixpath.basename(self.file.name))[0]
        self.file_type = checks.check_document(self.file, KIND_TYPES[self.kind])
        self.content_type = self.file_type.content_type
        self.size, self.sha256 = checks.size_and_digest(self.file)

    def download_name(self):
        """The name a reader's browser saves it under: its title in its own language
        (Arabic letters kept), with its type's extension."""
        title = (
            getattr(self, f"title_{self.language}", None)
            if self.language in LANGUAGE_CODES
            else None
        )
        base = slugify(title or self.title or "", allow_unicode=True)[:80].strip("-")
        return f"{base}.{self.extension}" if base else posixpath.basename(self.file.name)


class Image(LibraryFile):
    folder = "images"

    # A FileField, not an ImageField: checks.py opens the upload itself, and
    # refuses an SVG or a bomb with a message saying so.
    file = models.FileField(_("image"), upload_to=_image_path, max_length=300)
    alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    # {width: stored name} of the smaller copies (renditions.py).
    renditions = models.JSONField(_("smaller copies"), default=dict, editable=False)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.alt or posixpath.basename(self.file.name)

    def save(self, *args, **kwargs):
        new_upload = bool(self.file) and not self.file._committed
        super().save(*args, **kwargs)
        if new_upload:
            self.renditions = renditions.make(self)
            super().save(update_fields=["renditions"])

    def name_source(self):
        return self.alt_en or self.original_stem or self.alt or ""

    def inspect(self):
        self.original_stem = posixpath.splitext(posixpath.basename(self.file.name))[0]
        self.file_type, (self.width, self.height) = checks.check_image(self.file)
        self.content_type = self.file_type.content_type
        self.size, self.sha256 = checks.size_and_digest(self.file)

    def rendition_widths(self):
        return sorted(int(width) for width in self.renditions)

    def download_name(self):
        base = slugify(self.alt or "", allow_unicode=True)[:80].strip("-")
        return f"{base}.{self.extension}" if base else posixpath.basename(self.file.name)


def _type_of(content_type):
    for file_type in (*sniffing.DOCUMENT_TYPES, *sniffing.IMAGE_TYPES):
        if file_type.content_type == content_type:
            return file_type
    return None


class Attachment(models.Model):
    """A document attached to an item of a content app, in the document's language
    (a resource's Arabic PDF, a statement's official English text).

    Content apps subclass it with a foreign key to their item: the item is
    required, so the row is public exactly when its item is
    (sscportal.visibility), and so is the document (visibility.py).
    """

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.document)
