"""Telling whether two free-text names name the same person, and keys for them.

Used by the migration that turned the speakers' free-text names into people
(statements/migrations/0012_people_from_names.py), so it works on plain
strings only: no model, no database.

Two names are the same when they agree after folding what varies between
writings of one name: letter case and spaces, Latin accents ("Antonio" and
"António"), the Arabic spelling variants the site's search folds too (hamza
forms of alif, alif maqsura, ta marbuta, diacritics, tatweel), and the
honorifics put before a name ("H.E.", "Dr", "معالي", "السيد").
"""

import re
import unicodedata

# Honorifics and forms of address, folded as `fold` folds (so "H.E." is "h e").
# Longest first: "her excellency" before "her".
_HONORIFICS = sorted(
    [
        "h e",
        "his excellency",
        "her excellency",
        "excellency",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "ambassador",
        "amb",
        "sir",
        "dame",
        "hon",
        "honourable",
        "honorable",
        "sheikh",
        "معالي",
        "سعاده",
        "فخامه",
        "سمو",
        "صاحب السمو",
        "السيد",
        "السيده",
        "الدكتور",
        "الدكتوره",
        "د",
        "الاستاذ",
        "الاستاذه",
        "السفير",
        "السفيره",
        "الشيخ",
    ],
    key=len,
    reverse=True,
)

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # diacritics, dagger alif, tatweel
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
_NOT_A_LETTER = re.compile(r"[^\w]+|_")


def fold(name):
    """`name` as compared: lower case, no accents or Arabic spelling variants, words
    separated by single spaces, honorifics before the name removed."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c) or "\u0600" <= c <= "\u06ff")
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text)).translate(_ARABIC_LETTERS)
    text = " ".join(_NOT_A_LETTER.sub(" ", text.casefold()).split())
    changed = True
    while changed:
        changed = False
        for honorific in _HONORIFICS:
            if text.startswith(honorific + " "):
                text = text[len(honorific) + 1 :]
                changed = True
    return text


def name_part(text):
    """The name in "Name, title" (how `delivered_by` is written): the text before the
    first comma, Latin or Arabic."""
    return re.split(r"[,،]", text or "", maxsplit=1)[0].strip()


class SamePeople:
    """Groups names, each {language: text}, into persons: two names given the same
    folded text in some language are one person (and so, in a chain, are all
    the names that share a text with either)."""

    def __init__(self):
        self._parent = []
        self._by_text = {}
        self.names = []

    def _root(self, i):
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def add(self, name):
        """Record `name`; returns its number, for `person_of`. None for no name."""
        folded = {code: fold(text) for code, text in name.items() if fold(text)}
        if not folded:
            return None
        i = len(self.names)
        self.names.append(name)
        self._parent.append(i)
        for code, text in folded.items():
            other = self._by_text.setdefault((code, text), i)
            self._parent[self._root(other)] = self._root(i)
        return i

    def person_of(self, i):
        return self._root(i)

    def persons(self):
        """{person number: [numbers of their names, in the order added]}, in the
        order first added."""
        groups = {}
        for i in range(len(self.names)):
            groups.setdefault(self._root(i), []).append(i)
        return groups


def most_given(names, code):
    """The text most often given in language `code` among `names` (the first
    given, on a tie), its honorific left out; "" if none."""
    counts = {}
    for name in names:
        text = (name.get(code) or "").strip()
        if fold(text):
            counts.setdefault(text, 0)
            counts[text] += 1
    if not counts:
        return ""
    text = max(counts, key=lambda t: counts[t])  # max keeps the first on a tie
    return without_honorific(text)


def without_honorific(text):
    """`text` from its first word that is not an honorific ("H.E. Ms. Dima Al-Khatib"
    gives "Dima Al-Khatib")."""
    words = text.split()
    # Folding drops honorifics, so a first word whose loss changes nothing is one
    # ("H.E." folds to "h e": an honorific of two folded words in one written word).
    while len(words) > 1 and fold(" ".join(words[1:])) == fold(" ".join(words)):
        words = words[1:]
    return " ".join(words)


def key_for(name, taken):
    """A key for a person named `name` ({language: text}), not in `taken` (a set,
    updated): the Latin letters of a name, else `person-<n>`."""
    base = ""
    for text in name.values():
        ascii_text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
        base = "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:90].strip("-")
        if base:
            break
    # A name in Arabic letters only gets a number: no transliteration is guessed.
    key, n = base or "person-1", 1
    while key in taken:
        n += 1
        key = f"{base or 'person'}-{n}"
    taken.add(key)
    return key
