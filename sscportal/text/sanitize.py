"""The one HTML allowlist for editor-supplied rich text (admin and import alike)."""

import nh3

from .rich_images import kept_attribute, normalise

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "a",
    # From the media library only (rich_images.py): anything else is dropped.
    "img",
}  # fmt: skip
# lang/dir must survive: an English quotation inside an Arabic body keeps its direction.
_EVERYWHERE = {"lang", "dir"}
ALLOWED_ATTRIBUTES = {tag: set(_EVERYWHERE) for tag in ALLOWED_TAGS}
ALLOWED_ATTRIBUTES["a"] |= {"href"}
ALLOWED_ATTRIBUTES["img"] = {"data-media-id", "src"}
URL_SCHEMES = {"http", "https", "mailto"}


def _attribute_filter(tag, name, value):
    return kept_attribute(name, value) if tag == "img" else value


def sanitize_html(html):
    """Return `html` with everything outside the allowlist removed."""
    if not html:
        return html or ""
    return normalise(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=_attribute_filter,
            url_schemes=URL_SCHEMES,
            # Content of <script>/<style> is dropped entirely, not kept as text.
            clean_content_tags={"script", "style"},
            # No rel added: sanitizing twice must give the same text (lossless round trip).
            link_rel=None,
        )
    )
