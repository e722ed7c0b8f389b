"""Sharing a page: plain share links (no third-party script, nothing loaded from
elsewhere until the reader clicks) and the OpenGraph image of each page type.

{% share_links object as links %}   [{label, url}], for a page about one item
{% og_image_url %}                  absolute URL of this page type's 1200×630 PNG
"""

from urllib.parse import quote, urlencode

from django import template
from django.templatetags.static import static
from django.utils.translation import get_language, gettext

from sscportal.bilingual import shown
from sscportal.site import absolute_url

register = template.Library()

# URL namespaces that have an image of their own in static/img/og/ (made by
# `make og-images`); any other page gets the site's image.
OG_IMAGE_KINDS = {"initiatives", "countries", "events", "statements", "resources", "organizations"}


@register.simple_tag(takes_context=True)
def og_image_url(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    kind = match.namespace if match and match.namespace in OG_IMAGE_KINDS else "site"
    language = "ar" if get_language() == "ar" else "en"
    url = static(f"img/og/{kind}-{language}.png")
    return absolute_url(url) if url.startswith("/") else url


def _title(obj):
    for field in ("title", "name"):
        if hasattr(obj, f"{field}_en"):
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
            "label": "X",
            "url": "https://x.com/intent/post?" + urlencode({"text": title, "url": url}),
        },
        {
            "label": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "label": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        },
        {"label": "WhatsApp", "url": "https://wa.me/?" + urlencode({"text": text})},
    ]
