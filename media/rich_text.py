"""The library's side of images in rich text (sscportal/text/rich_images.py)."""

from django.urls import reverse
from django.utils.translation import get_language

from sscportal.caching import versions
from sscportal.text.languages import LANGUAGE_CODES

from .models import Image


def alt_text(image, language):
    """The alternative text in `language`, else in another language, else empty
    (a decorative image: screen readers skip it)."""
    for code in (language or get_language(), *LANGUAGE_CODES):
        text = getattr(image, f"alt_{code}", "") or ""
        if text:
            return text
    return ""


def image_url(image, width=None):
    name = image.download_name()
    if width is None:
        return reverse("media:image", args=[image.pk, name])
    return reverse("media:image_rendition", args=[image.pk, width, name])


def sources(image):
    """src, srcset and sizes of `image`: its smaller copies, then the original."""
    widths = image.rendition_widths()
    srcset = [f"{image_url(image, width)} {width}w" for width in widths]
    srcset.append(f"{image_url(image)} {image.width}w")
    return {
        "src": image_url(image, widths[-1]) if widths else image_url(image),
        "srcset": ", ".join(srcset),
        "sizes": "(min-width: 48rem) 44rem, 100vw",
        "width": str(image.width),
        "height": str(image.height),
    }


def images_by_id(ids, language):
    """What rich_images.render draws each library image with."""
    return {
        image.pk: {**sources(image), "alt": alt_text(image, language)}
        for image in Image.objects.filter(pk__in=ids)
    }


def renew_pages(sender, **kwargs):
    # Pages hold a file's title, its address and an image's alternative text;
    # which pages is not worth working out for an edit this rare.
    versions.bump(everything=True)
