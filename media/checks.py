"""What an upload must be to enter the library; each refusal says why.

Types are read from the content (sniffing.py), never from the name: a file
named report.pdf holding HTML is refused. SVG is refused outright: it is XML
that browsers run scripts from, and sanitising it is a project of its own.
Sizes are bounded by settings (MEDIA_MAX_DOCUMENT_MB, MEDIA_MAX_IMAGE_MB),
and an image's pixels are counted from its header before anything is
decoded, so a decompression bomb (a few kilobytes that decode to gigabytes)
is refused without being opened further.
"""

import hashlib
import warnings

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import sniffing

CHUNK = 1024 * 1024
# Pillow's own guard stays on, as a second line behind ours (it raises at
# twice its limit, warns at once; the warning is made an error below).
PIL.Image.MAX_IMAGE_PIXELS = settings.MEDIA_MAX_IMAGE_PIXELS


def size_and_digest(file):
    digest, size = hashlib.sha256(), 0
    file.seek(0)
    while chunk := file.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    file.seek(0)
    return size, digest.hexdigest()


def _check_size(file, megabytes):
    size = file.size
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > megabytes * 1024 * 1024:
        raise ValidationError(
            _("The file weighs %(size)s; the most accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(megabytes * 1024 * 1024)},
            code="too_large",
        )


def _names(types):
    return ", ".join(dict.fromkeys(file_type.label for file_type in types))


def check_document(file, accepted):
    """The type of the document `file`, one of `accepted`; else ValidationError."""
    _check_size(file, settings.MEDIA_MAX_DOCUMENT_MB)
    if sniffing.looks_like_markup(file):
        raise ValidationError(
            _(
                "This file holds HTML, SVG or XML, whatever its name says: such files can "
                "carry scripts and are not accepted. Upload the document itself (%(types)s)."
            )
            % {"types": _names(accepted)},
            code="markup",
        )
    file_type = sniffing.document_type(file)
    if file_type is None:
        raise ValidationError(
            _(
                "The file's content is not one of the accepted types (%(types)s), whatever its name says."
            )
            % {"types": _names(accepted)},
            code="unknown_type",
        )
    if file_type not in accepted:
        raise ValidationError(
            _("This is a %(found)s file; for this kind, upload %(types)s.")
            % {"found": file_type.label, "types": _names(accepted)},
            code="wrong_kind",
        )
    return file_type


def check_image(file):
    """(type, (width, height)) of the image `file`; else ValidationError."""
    _check_size(file, settings.MEDIA_MAX_IMAGE_MB)
    if sniffing.looks_like_markup(file) or sniffing.is_svg(file):
        raise ValidationError(
            _(
                "SVG and other markup images are not accepted: they can carry scripts. "
                "Export the image as PNG or JPEG."
            ),
            code="svg",
        )
    file_type = sniffing.image_type(file)
    if file_type is None:
        raise ValidationError(
            _("The file is not a JPEG, PNG, GIF or WebP image, whatever its name says."),
            code="unknown_type",
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", PIL.Image.DecompressionBombWarning)
        try:
            file.seek(0)
            # Opening reads the header only: the size is known, nothing decoded.
            with PIL.Image.open(file) as image:
                width, height = image.size
                _check_pixels(width, height)
                image.verify()
        except ValidationError:
            raise
        except (PIL.Image.DecompressionBombError, PIL.Image.DecompressionBombWarning):
            raise _too_many_pixels(None, None) from None
        except Exception:
            # Truncated or corrupt: whatever Pillow stumbles on, the image is unusable.
            raise ValidationError(
                _("The image is damaged or incomplete and cannot be read."), code="damaged"
            ) from None
        finally:
            file.seek(0)
    return file_type, (width, height)


def _check_pixels(width, height):
    if width * height > settings.MEDIA_MAX_IMAGE_PIXELS:
        raise _too_many_pixels(width, height)


def _too_many_pixels(width, height):
    limit = settings.MEDIA_MAX_IMAGE_PIXELS / 1_000_000
    if width is None:
        message = _(
            "The image has more pixels than the %(limit)g million accepted (it may be a "
            "decompression bomb); it was not opened."
        ) % {"limit": limit}
    else:
        message = _(
            "The image is %(width)d × %(height)d pixels, more than the %(limit)g million "
            "accepted (it may be a decompression bomb); it was not opened. Scale it down first."
        ) % {"width": width, "height": height, "limit": limit}
    return ValidationError(message, code="too_many_pixels")
