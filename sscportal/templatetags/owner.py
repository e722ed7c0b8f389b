"""{% site_owner as owner %}: who publishes the site (settings.SITE_OWNER_*)."""

from django import template
from django.conf import settings

from sscportal.text.languages import current_language

register = template.Library()


def _in_language(texts, code):
    """(text, language) in the reader's language, else in the site's default."""
    if texts.get(code):
        return texts[code], code
    default = settings.LANGUAGE_CODE
    return texts.get(default, ""), default


@register.simple_tag
def site_owner():
    """The owner as the reader sees it: name and address in the reader's
    language where the settings give one (`name_lang` says which language was
    used, for the fallback's lang attribute), the contact e-mail and the
    emblem's path under static/."""
    code = current_language()
    name, name_lang = _in_language(settings.SITE_OWNER_NAME, code)
    address, address_lang = _in_language(settings.SITE_OWNER_ADDRESS, code)
    return {
        "name": name,
        "name_lang": name_lang,
        "address": address,
        "address_lang": address_lang,
        "email": settings.SITE_OWNER_EMAIL,
        "emblem": settings.SITE_OWNER_EMBLEM,
    }
