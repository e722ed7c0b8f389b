"""Which language a translated field is shown in, and how to mark it.

modeltranslation's own fallback returns the other language's text silently.
The public pages need to know when that happened, so the fallback text can
carry its own `lang` and `dir` and a note saying it exists in one language only.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info, pgettext

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


def every_language(*fields):
    """The language columns of translated fields: ("title",) -> ["title_en", "title_ar"]."""
    return [f"{field}_{code}" for field in fields for code in LANGUAGE_CODES]


def default_language(field):
    """The column of a translated field in the site's default language ("title_en")."""
    return f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"


def list_separator():
    """What separates the items of an inline list in the active language (", "; "، " in Arabic)."""
    return pgettext("list separator", ", ")


def site_language_name(code):
    """A site language's name as settings.LANGUAGES gives it, in the active language."""
    return str(dict(settings.LANGUAGES)[code])


def site_language_names(codes=None):
    """Site languages' names as one phrase in the active language: "English and
    Arabic", "English, Arabic and French" (all of them unless `codes` says which)."""
    names = [site_language_name(code) for code in (LANGUAGE_CODES if codes is None else codes)]
    if len(names) < 2:
        return "".join(names)
    # Translators: the end of a list of names; Arabic joins the last with "و" and no space.
    last = pgettext("list of names", "%(names)s and %(last)s")
    return last % {"names": list_separator().join(names[:-1]), "last": names[-1]}


def default_language_code():
    """The site's default language (settings.LANGUAGE_CODE), as a model field's default."""
    return settings.LANGUAGE_CODE


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


def written_in(text):
    """The site language whose script `text` is written in, for text that has no
    language column (a journalist's byline): Arabic letters say Arabic, others English."""
    if any("\u0600" <= char <= "\u06ff" for char in text):
        return "ar"
    return "en"


def current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]
