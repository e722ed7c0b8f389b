"""Query expansion through the bilingual glossary (sscportal.models.GlossaryEntry).

Words of a query that spell a glossary entry's term or variant ("food
security", "SSC", "الأمن الغذائي") become a Span: found by the words
themselves or by any other phrase of the entry, in any language. Words are
compared as the index compares them (snippets.word_forms), so "vaccines"
meets the entry "vaccine" and "الزراعه" meets "الزراعة".

The entries, with their word forms, are read once per content version (a
glossary edit is a content change: sscportal/apps.py).
"""

import hashlib
import json
from pathlib import Path

from django.db import transaction

from sscportal.caching.values import EVERY_LANGUAGE, until_content_changes
from sscportal.text.languages import LANGUAGE_CODES

from .query import WORD, ParsedQuery, Span, Term
from .snippets import word_forms

DATA_PATH = Path(__file__).parent / "glossary.json"
# Alternatives added for one span, so a long query stays a bounded tsquery.
MOST_ALTERNATIVES = 8


def _entries():
    # Imported when used: sscportal.models imports this package (for its columns).
    from sscportal.models import GlossaryEntry

    return GlossaryEntry.objects.all()


def _build_index():
    """{first word's form: [(forms of each word, alternatives)]}, every phrase of every entry."""
    phrases = []
    for entry in _entries():
        every = [phrase for code in LANGUAGE_CODES for phrase in entry.phrases(code)]
        for phrase in every:
            words = WORD.findall(phrase)
            if words:
                others = tuple(other for other in every if other != phrase)
                phrases.append((words, others[:MOST_ALTERNATIVES]))
    forms = word_forms({word for words, _others in phrases for word in words})
    index = {}
    for words, others in phrases:
        sequence = tuple(forms.get(word, frozenset()) for word in words)
        if all(sequence):
            for form in sequence[0]:
                index.setdefault(form, []).append((sequence, others))
    return index


def _index():
    return until_content_changes("search:glossary", _build_index, language=EVERY_LANGUAGE)


def _plain(term):
    return isinstance(term, Term) and not term.negated and not term.phrase


def _longest_match(group, start, forms, index):
    """(length, alternatives) of the longest entry spelled from group[start], or (0, ())."""
    best = (0, ())
    first = forms.get(group[start].text, frozenset())
    for form in first:
        for sequence, others in index.get(form, ()):
            end = start + len(sequence)
            if len(sequence) <= best[0] or end > len(group):
                continue
            words = group[start:end]
            if all(_plain(t) for t in words) and all(
                forms.get(t.text, frozenset()) & wanted
                for t, wanted in zip(words, sequence, strict=True)
            ):
                best = (len(sequence), others)
    return best


def _excluded(term):
    return isinstance(term, Term) and term.negated and not term.phrase


def expand(parsed):
    """The query with each run of words the glossary knows turned into a Span;
    an excluded word is excluded in its other words too ("-solar", "-شمسية").

    Kept until content changes: a list page asks it once per filter count.
    """
    words = {t.text for group in parsed.groups for t in group if _plain(t) or _excluded(t)}
    if not words:
        return parsed
    digest = hashlib.sha256(repr(parsed.groups).encode()).hexdigest()
    return until_content_changes(
        f"search:expanded:{digest}", lambda: _expand(parsed, words), language=EVERY_LANGUAGE
    )


def _expand(parsed, words):
    index = _index()
    if not index:
        return parsed
    forms = word_forms(words)
    groups = []
    for group in parsed.groups:
        expanded, position = [], 0
        while position < len(group):
            length, others = (0, ())
            term = group[position]
            if _plain(term):
                length, others = _longest_match(group, position, forms, index)
            elif _excluded(term):
                shown = Term(term.text)
                length, others = _longest_match([shown], 0, forms, index)
                if length:
                    expanded.append(Span([shown], others, negated=True))
                    position += 1
                    continue
            if length:
                expanded.append(Span(group[position : position + length], others))
                position += length
            else:
                expanded.append(group[position])
                position += 1
        groups.append(expanded)
    return ParsedQuery(groups, as_typed=parsed)


@transaction.atomic
def load_glossary(path=DATA_PATH):
    """Add the entries of the committed glossary that are missing (by their first
    language's term); entries already there, perhaps edited, are left as they are."""
    from sscportal.models import GlossaryEntry  # see _entries()

    first = LANGUAGE_CODES[0]
    present = set(GlossaryEntry.objects.values_list(f"term_{first}", flat=True))
    new = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        names = {code: item.get(code) or [] for code in LANGUAGE_CODES}
        if not names[first] or names[first][0] in present:
            continue
        present.add(names[first][0])
        fields = {"topic": item["topic"]}
        for code, phrases in names.items():
            fields[f"term_{code}"] = phrases[0] if phrases else ""
            fields[f"variants_{code}"] = "\n".join(phrases[1:])
        new.append(GlossaryEntry(**fields))
    GlossaryEntry.objects.bulk_create(new)
    return len(new)
