"""Names in the reader's alphabetical order, the same whichever database serves them.

Lists of names (countries, organizations) are sorted here, in Python, with
ICU's collation for the reader's language (PyICU, from the `pyicu-wheels`
package, which carries its own ICU), not with ORDER BY. A PostgreSQL built
without ICU, like the embedded server a newcomer gets, can only order by code
point: Arabic hamza forms and the definite article then land in the wrong
places. ICU's Arabic order treats أ إ آ as alef with a mark (so أفغانستان
comes between إثيوبيا and ألبانيا), and English order ignores case and accents
(Côte d'Ivoire among the Cs). The lists are short (250 countries at most) and
their pages are cached, so the sort costs nothing measurable.
"""

import re
import threading

import icu

from .languages import current_language, shown

# Articles a language's lists file a name after, keyed by language: Arabic
# lists put الصين under ص, as the UN's do.
IGNORED_ARTICLES = {"ar": re.compile("^ال")}

# One collator per thread and language: ICU collators are not safe to share
# between threads, and creating one costs about a millisecond.
_local = threading.local()


def _collator(language):
    collators = _local.__dict__.setdefault("collators", {})
    if language not in collators:
        collators[language] = icu.Collator.createInstance(icu.Locale(language))
    return collators[language]


def sort_key(text, language=None):
    """The key that puts `text` in its place in a list read in `language`."""
    language = language or current_language()
    if language in IGNORED_ARTICLES:
        text = IGNORED_ARTICLES[language].sub("", text)
    # The text itself breaks ties between names ICU counts as equal.
    return _collator(language).getSortKey(text), text


def by_name(objects, field="name", *, first=None):
    """`objects` sorted by their `field` as the reader sees it.

    A name missing in the reader's language sorts by the name shown instead,
    the other language's. `first`, if given, maps an object to a value that
    sorts before the name (a region's number, an organization's kind).
    """
    language = current_language()

    def key(obj):
        name = sort_key(shown(obj, field).text, language)
        return (first(obj), name) if first else name

    return sorted(objects, key=key)
