"""The best bet: the country, organization, region, group or Day a query names.

A reader who types "Sri Lanka", "اليونسكو" or a Day's theme wants that
thing's page first, not the items that mention it. Its names are the fields
its type declares (content_types.Search.names), in every language: a query
names it when, normalised as the index normalises, it has the same words as
one of them, or most of the words of a long one (a Day's theme).
"""

from django.db import connection

from sscportal import content_types

from .languages import search_languages
from .query import WORD, clean_query

# Share of a name's words a query must give when it does not give them all.
MOST_OF_A_NAME = 0.6


def names(item):
    """The names of `item`, in every language; a field may hold one a line."""
    found = []
    for field in content_types.of(type(item)).search.names:
        columns = [f"{field}_{language.code}" for language in search_languages()]
        values = [getattr(item, c) for c in columns if hasattr(item, c)] or [getattr(item, field)]
        for value in values:
            found += [line for line in str(value or "").splitlines() if line.strip()]
    return found


def normalized(texts):
    """Each text lower-cased and normalised as the search columns are, in one query."""
    sql = "lower(t)"
    for language in search_languages():
        if language.normalize:
            sql = f"{language.normalize}({sql})"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT t, {sql} FROM unnest(%s::text[]) AS t", [sorted(set(texts))])
        return dict(cursor.fetchall())


def _names_it(query_words, name_words):
    if not query_words or not name_words:
        return False
    if query_words == name_words:
        return True
    return query_words <= name_words and len(query_words) / len(name_words) >= MOST_OF_A_NAME


def best_bet(candidates, raw):
    """The first of `candidates` (best ranked first) that the query names, or None."""
    query = clean_query(raw)
    if not candidates or not query:
        return None
    named = [(item, names(item)) for item in candidates]
    normal = normalized([query] + [name for _item, item_names in named for name in item_names])
    query_words = set(WORD.findall(normal[query] or ""))
    for item, item_names in named:
        for name in item_names:
            if _names_it(query_words, set(WORD.findall(normal[name] or ""))):
                return item
    return None
