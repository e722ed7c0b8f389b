"""Which language a translated field is shown in, and how to mark it.

modeltranslation's own fallback returns the other language's text silently.
The public pages need to know when that happened, so the fallback text can
carry its own `lang` and `dir` and a note saying it exists in one language only.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def direction(code):
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@dataclass(frozen=True)
class Shown:
    text: str
    lang: str
    is_fallback: bool

    @property
    def dir(self):
        return direction(self.lang)

    def __str__(self):
        return self.text


def shown(obj, field):
    """The text of `field` in the active language, else in the first language that has it."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [current] + [code for code in LANGUAGE_CODES if code != current]
    for code in order:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return Shown(value, code, code != current)
    return Shown("", current, False)


def other_languages(current):
    return [code for code in LANGUAGE_CODES if code != current]
