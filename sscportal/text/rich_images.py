"""Images in rich text: only from the media library, and drawn from it.

The sanitiser keeps an `<img>` only when it names a library image, by
`data-media-id="12"` or by its address (`/media/images/12/...`), and stores
it as `<img data-media-id="12">` alone: no outside address (a tracking
pixel, a hot-linked picture) and no alternative text frozen in one language.
When the text is shown, `render` puts in the image's address, sizes and
alternative text in the page's language, asked of the library through the
resolver it registers (media/apps.py: the ground names no app); an image no
longer in the library is left out.
"""

import re

from django.utils.html import escape
from django.utils.translation import get_language

# nh3 writes every attribute in double quotes, escaping `"`; these two are the
# only attributes it keeps on <img>, and their values hold no `>` (sanitize.py
# filters them), so a tag is matched whole by this pattern.
IMG_TAG = re.compile(r"<img\b[^>]*>")
_MEDIA_ID = re.compile(r'\bdata-media-id="(\d{1,12})"')
_SOURCE = re.compile(r'\bsrc="([^"]*)"')
LIBRARY_ADDRESS = re.compile(r"^/media/images/(\d{1,12})/[^\"<>\s]*$")

_resolver = {"images": None}


def set_resolver(images_by_id):
    """`images_by_id(ids, language)` -> {id: {"src", "srcset", "sizes", "width", "height", "alt"}}."""
    _resolver["images"] = images_by_id


def kept_attribute(name, value):
    """nh3's attribute filter for <img>: a library id, or a library address."""
    if name == "data-media-id":
        return value if value.isdigit() and len(value) <= 12 else None
    if name == "src":
        return value if LIBRARY_ADDRESS.match(value) else None
    return None


def _library_id(tag):
    found = _MEDIA_ID.search(tag)
    if found:
        return found.group(1)
    source = _SOURCE.search(tag)
    if source:
        address = LIBRARY_ADDRESS.match(source.group(1))
        if address:
            return address.group(1)
    return None


def normalise(html):
    """Sanitised `html` with each <img> as `<img data-media-id="N">`, or gone."""
    if "<img" not in html:
        return html

    def stored(match):
        image_id = _library_id(match.group())
        return f'<img data-media-id="{int(image_id)}">' if image_id else ""

    return IMG_TAG.sub(stored, html)


def image_ids(html):
    return {int(found) for found in _MEDIA_ID.findall(html or "")}


def render(html, language=None):
    """Stored rich text with its library images drawn in (see the module's docstring)."""
    if not html or "<img" not in html:
        return html
    ids = image_ids(html)
    images = _resolver["images"](ids, language or get_language()) if _resolver["images"] else {}

    def drawn(match):
        found = _MEDIA_ID.search(match.group())
        image = images.get(int(found.group(1))) if found else None
        if image is None:
            return ""
        attributes = " ".join(
            f'{name}="{escape(image[name])}"'
            for name in ("src", "srcset", "sizes", "width", "height", "alt")
            if image.get(name) is not None
        )
        return f'<img {attributes} loading="lazy" decoding="async">'

    return IMG_TAG.sub(drawn, html)
