"""Smaller copies of an image, for `srcset`: WebP at MEDIA_IMAGE_WIDTHS.

Made once, when the image is uploaded, and kept beside it in the same
storage; a width the original does not reach is not made (nothing is
enlarged). The original itself is served too, for the largest screens.
"""

import io
import posixpath

import PIL.Image
import PIL.ImageOps
from django.conf import settings
from django.core.files.base import ContentFile


def make(image):
    """{width: stored name} of the copies of `image` (a saved media Image)."""
    stem = posixpath.splitext(image.file.name)[0]
    made = {}
    with image.file.open("rb") as original, PIL.Image.open(original) as picture:
        # Turned as the camera says (EXIF orientation), then the metadata dropped.
        picture = PIL.ImageOps.exif_transpose(picture)
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
        for width in settings.MEDIA_IMAGE_WIDTHS:
            if width >= picture.width:
                continue
            height = max(1, round(picture.height * width / picture.width))
            copy = picture.resize((width, height), PIL.Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, "WEBP", quality=80, method=4)
            name = f"{stem}-{width}w.webp"
            made[str(width)] = image.file.storage.save(name, ContentFile(buffer.getvalue()))
    return made


def delete(image):
    for name in image.renditions.values():
        image.file.storage.delete(name)
