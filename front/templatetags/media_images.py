"""`{% library_image image %}`: an image of the media library, with its smaller
copies (srcset), its size (no layout shift) and its alternative text in the
page's language."""

from django import template
from django.utils.html import format_html

from media.rich_text import alt_text, sources

register = template.Library()


@register.simple_tag
def library_image(image, sizes="100vw", css_class=""):
    if image is None:
        return ""
    attributes = sources(image)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" class="{}" '
        'decoding="async">',
        attributes["src"],
        attributes["srcset"],
        sizes,
        attributes["width"],
        attributes["height"],
        alt_text(image, None),
        css_class,
    )
