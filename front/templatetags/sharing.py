"""Sharing a page: plain share links (no third-party script, nothing loaded from
elsewhere until the reader clicks) and the OpenGraph image of each page type.

{% share_links object as links %}   [{label, url}], for a page about one item
{% og_image_url %}                  absolute URL of this page type's 1200×630 PNG
{{ LANG|og_locale }}                a language code as OpenGraph's locale ("fr_FR")
"""

from functools import cache
from urllib.parse import quote, urlencode

import icu
from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.translation import get_language, gettext, pgettext

from sscportal import content_types
from sscportal.configuration.site import absolute_url
from sscportal.text.languages import default_language, shown

register = template.Library()


@register.simple_tag(takes_context=True)
def og_image_url(context):
    # Pages of a kind with a share image of its own (content_types.share_images,
    # drawn by `make og-images`) get it; any other page gets the site's image.
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    kinds = content_types.share_images()
    kind = match.namespace if match and match.namespace in kinds else "site"
    url = _image_path(kind, get_language())
    return absolute_url(url) if url.startswith("/") else url


@cache
def _image_path(kind, language):
    # The manifest lookup cost more than the rest of the page's head: once a
    # kind and language per process (the manifest changes only with a deploy).
    return static(f"img/og/{kind}-{_image_language(language)}.png")


@cache
def _image_language(language):
    """The reader's language if `make og-images` has drawn its images, else the
    site's default language: a language just added has none until it is run, and
    a missing file would break every page under the manifest storage."""
    if finders.find(f"img/og/site-{language}.png"):
        return language
    return settings.LANGUAGE_CODE


# OpenGraph names a locale language_TERRITORY: the territory ICU deems likeliest
# for the language (en_US, fr_FR, es_ES), except where Facebook, the main reader
# of these tags, knows the language by another code.
OPENGRAPH_LOCALES = {"ar": "ar_AR"}


@register.filter
def og_locale(code):
    """A language code as an OpenGraph locale: {{ LANG|og_locale }} -> "fr_FR"."""
    if code in OPENGRAPH_LOCALES:
        return OPENGRAPH_LOCALES[code]
    locale = icu.Locale(code)
    locale.addLikelySubtags()
    return f"{locale.getLanguage()}_{locale.getCountry()}" if locale.getCountry() else code


def _title(obj):
    for field in ("title", "name"):
        if hasattr(obj, default_language(field)):
            return shown(obj, field).text
    return str(obj)


@register.simple_tag(takes_context=True)
def share_links(context, obj):
    request = context.get("request")
    if request is None or obj is None:
        return []
    url = absolute_url(request.path)
    title = _title(obj)
    text = f"{title} {url}"
    return [
        {
            "label": gettext("Email"),
            "url": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        },
        {
            "label": pgettext("social network", "X"),
            "url": "https://x.com/intent/post?" + urlencode({"text": title, "url": url}),
        },
        {
            "label": pgettext("social network", "Facebook"),
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "label": pgettext("social network", "LinkedIn"),
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        },
        {
            "label": pgettext("social network", "WhatsApp"),
            "url": "https://wa.me/?" + urlencode({"text": text}),
        },
    ]
