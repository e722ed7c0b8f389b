"""Which language a translated field is shown in, and how to mark it.

modeltranslation's own fallback returns the other language's text silently.
The public pages need to know when that happened, so the fallback text can
carry its own `lang` and `dir` and a note saying it exists in one language only.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Func, Value
from django.db.models.functions import Coalesce, Collate, NullIf
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
    current = current_language()
    order = [current] + [code for code in LANGUAGE_CODES if code != current]
    for code in order:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return Shown(value, code, code != current)
    return Shown("", current, False)


def other_languages(current):
    return [code for code in LANGUAGE_CODES if code != current]


def languages_with_text(obj, fields):
    """The language codes in which `obj` has some text in one of `fields`."""
    return [
        code
        for code in LANGUAGE_CODES
        if any(getattr(obj, f"{field}_{code}", None) for field in fields)
    ]


def short_name(obj):
    """An organization's short name for lists: its acronym in the reader's
    language, else its name in the reader's language, and only then the other
    language's acronym or name (so an Arabic page says الأمم المتحدة, not UN)."""
    acronym, name = shown(obj, "acronym"), shown(obj, "name")
    for value in (acronym, name):
        if value.text and not value.is_fallback:
            return value
    return acronym if acronym.text else name


def current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def collated(field, language=None):
    """An ORDER BY expression for a translated field in the reader's language,
    with that language's collation (migration sscportal 0002).

    Arabic names sort as the UN's Arabic lists do: hamza forms of alef alike
    (ICU) and a leading definite article ignored, so الأردن comes with the
    alefs and الصين with the sads, after تركيا. A row without a name in that
    language sorts by its other name, as it is shown.
    """
    language = language or current_language()
    others = [code for code in LANGUAGE_CODES if code != language]
    name = Coalesce(*[NullIf(F(f"{field}_{code}"), Value("")) for code in [language, *others]])
    if language == "ar":
        name = Func(name, Value("^ال"), Value(""), function="regexp_replace")
    return Collate(name, f"sscportal_{language}")
