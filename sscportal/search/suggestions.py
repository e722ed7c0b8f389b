""" "Did you mean": names and titles close to a query that found nothing.

Two sources, both bounded:
- the names of the things a query may name (countries, organizations,
  people, regions, groups, Days: a few thousand names at most), compared in
  Python by edit distance, word by word, since trigrams say little about
  short words ("الصبن" and "الصين" share one trigram of four);
- titles of content, through the trigram index (ranking.near_misses), the
  best few of each type.
Both are normalised as the search columns are (lower case, Arabic letters
unified, the article dropped), so "Sri Lnka" finds "Sri Lanka" and "الصبن"
finds "الصين".
"""

from django.utils.translation import get_language

from sscportal import content_types
from sscportal.caching.values import until_content_changes
from sscportal.text.languages import shown

from .best_bets import names, normalized
from .query import clean_query
from .ranking import near_misses

MAX_SUGGESTIONS = 3
# Share of a name's letters that may differ: one typo in four letters.
CLOSE_ENOUGH = 0.6
# A match on part of a name ("Sri Lanka" in "Permanent Mission of Sri Lanka")
# counts a little less than on the whole name.
PART_OF_A_NAME = 0.95
# Titles of each content type looked at, by trigram similarity.
TITLES_PER_TYPE = 3


def suggestions(raw):
    """Up to MAX_SUGGESTIONS names or titles, as the reader reads them, close to `raw`."""
    query = clean_query(raw)
    if not query:
        return []
    needle = normalized([query])[query]
    scored = {}
    for shown_name, variants in _entity_names():
        score = max(closeness(needle, variant) for variant in variants)
        if score >= CLOSE_ENOUGH:
            scored[shown_name] = max(score, scored.get(shown_name, 0))
    suggested = sorted(scored, key=lambda name: (-scored[name], name))
    for title in _close_titles(raw):
        if title not in scored:
            suggested.append(title)
    return [name for name in suggested if name.casefold() != query.casefold()][:MAX_SUGGESTIONS]


def closeness(needle, name):
    """1 for the same words, less the more letters differ; the needle is compared
    with every run of as many words in the name ("chediek" in "jorge chediek"),
    which counts a little less than the whole name."""
    wanted = needle.split()
    words = name.split()
    if not wanted or len(words) < len(wanted):
        return 0.0
    best = 0.0
    for start in range(len(words) - len(wanted) + 1):
        span = " ".join(words[start : start + len(wanted)])
        longest = max(len(span), len(needle))
        score = 1 - edit_distance(needle, span) / longest
        best = max(best, score if len(words) == len(wanted) else score * PART_OF_A_NAME)
    return best


def edit_distance(a, b):
    """Levenshtein distance: letters inserted, deleted or replaced."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            )
        previous = current
    return previous[-1]


def _entity_names():
    """[(name as the reader reads it, [every name normalised])] of every public thing
    a query may name; built once per language and content version."""
    return until_content_changes("suggestion-names", _build_entity_names, language=get_language())


def _build_entity_names():
    entities = []
    for ct in content_types.searchable().values():
        if not ct.search.names or ct.search.recency is not None:
            continue
        for item in ct.public_items():
            texts = [text for text in names(item) if not text.isdigit()]
            if texts:
                entities.append((shown(item, ct.search.title).text, texts))
    folded = normalized([text for _name, texts in entities for text in texts])
    return [(name, [folded[text] for text in texts]) for name, texts in entities]


def _close_titles(raw):
    """The titles of content closest to `raw` by the trigram index, best first."""
    found = []
    for ct in content_types.searchable().values():
        if ct.search.recency is None:
            continue  # names: compared above
        items = near_misses(ct.public_items(), raw).order_by("-search_rank")[:TITLES_PER_TYPE]
        found += [(item.search_rank, shown(item, ct.search.title).text) for item in items]
    return [title for _rank, title in sorted(found, key=lambda pair: -pair[0])]
