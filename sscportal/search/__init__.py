"""One search over every searchable content type, in both languages.

`query` parses what a reader typed into SQL, `ranking` narrows and orders
querysets with it, `snippets` highlights what matched, `columns` declares the
generated columns the models store for it. The Arabic normalisation is one SQL
function (migration sscportal 0001) used by the columns and by every query.
"""

from .best_bets import best_bet
from .glossary import expand
from .query import MAX_QUERY_LENGTH, clean_query, parse
from .ranking import full_text, near_misses, search_queryset, search_querysets
from .snippets import build_snippets
from .suggestions import suggestions

__all__ = [
    "MAX_QUERY_LENGTH",
    "best_bet",
    "build_snippets",
    "clean_query",
    "expand",
    "full_text",
    "near_misses",
    "parse",
    "search_queryset",
    "search_querysets",
    "suggestions",
]
