"""Narrowing querysets to a query and ordering them by relevance.

Results are ranked by ts_rank_cd over the weighted document (title A, summary
B, body C), nudged by recency. When full-text search finds nothing, trigram
similarity on titles catches near misses (typos, a letter too many).
Nothing here is cached: callers decide what to keep (front/search.py).
"""

import json

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, QuerySet
from django.db.models.expressions import RawSQL

from sscportal import content_types

from .glossary import expand
from .languages import search_languages
from .query import clean_query, parse, tsquery_sql

# A query matching very many items ranks only the newest CANDIDATES of them
# (each type declares the date that says how new an item is), so the cost of
# ranking does not grow with the corpus.
CANDIDATES = 400
# Above this many estimated matches, walking the date index is cheaper than
# collecting every match (about CANDIDATES / selectivity rows against
# selectivity * table rows).
COMMON_MATCHES = 20 * CANDIDATES


class _Matches(Func):
    """search_document @@ <tsquery>, with the column aliased as the query needs."""

    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


class _Recency(Func):
    """1.3 for an item dated today, fading towards 1 over the years."""

    template = (
        "(1 + 0.3 / (1 + abs(extract(epoch FROM now() - "
        "COALESCE(%(expressions)s::timestamptz, now()))) / 31557600.0))"
    )
    output_field = FloatField()


class _Sum(Func):
    template = "(%(expressions)s)"
    arg_joiner = " + "
    output_field = FloatField()


class _Product(Func):
    template = "(%(expressions)s)"
    arg_joiner = " * "
    output_field = FloatField()


def _estimated_rows(queryset):
    """The planner's estimate of how many rows match (a plan, not a scan)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"]


def _newest(matching, recency_field):
    """The newest CANDIDATES matches, by the cheaper of two plans.

    A word in most documents: walk the (status, date, slug) index and stop at
    CANDIDATES matches. A rarer word: that walk would test the query on row
    after row, so let the GIN index find every match first (OFFSET 0 keeps
    PostgreSQL from turning it back into the walk), then keep the newest.
    """
    ordered = matching.order_by(f"-{recency_field}", "slug").values("pk")
    if _estimated_rows(matching) > COMMON_MATCHES:
        return ordered[:CANDIDATES]
    sql, params = matching.order_by().values("pk", recency_field, "slug").query.sql_with_params()
    return RawSQL(
        f"SELECT m.pk FROM ({sql} OFFSET 0) AS m "
        f"ORDER BY m.{connection.ops.quote_name(recency_field)} DESC, m.slug LIMIT {CANDIDATES}",
        params,
    )


def _tsquery(parsed):
    query, params = tsquery_sql(parsed)
    return RawSQL(query, params)


def matches(queryset, parsed):
    """Every match, not only the ranked ones: what counts them."""
    return queryset.filter(_Matches(F("search_document"), _tsquery(parsed)))


def full_text(queryset, parsed):
    """Filter to matches and annotate `search_rank` (higher is better)."""
    recency_field = content_types.of(queryset.model).search.recency
    rank = Func(
        F("search_document"), _tsquery(parsed), function="ts_rank_cd", output_field=FloatField()
    )
    if parsed.as_typed is not None:
        # Words matched as typed count again: an item in the query's own words
        # ranks above one found only through the glossary's translations
        # (the relevance set's same-language families asked for it).
        as_typed = Func(
            F("search_document"),
            _tsquery(parsed.as_typed),
            function="ts_rank_cd",
            output_field=FloatField(),
        )
        rank = _Sum(rank, as_typed)
    if recency_field is None:
        # A small table of names (countries, organizations): every match is ranked.
        return matches(queryset, parsed).annotate(search_rank=rank)
    newest_matches = _newest(matches(queryset, parsed), recency_field)
    rank = _Product(rank, _Recency(F(recency_field)))
    return queryset.filter(pk__in=newest_matches).annotate(search_rank=rank)


class _WordSimilar(Func):
    template = "(%(expressions)s)"
    arg_joiner = " <%% "  # %% : the SQL is %-formatted with the parameters
    output_field = BooleanField()


def near_misses(queryset, raw):
    """Titles that resemble the query (trigram word similarity), for when nothing matched."""

    # The query normalised as the titles in search_text were (columns.py).
    sql = "%s"
    for language in search_languages():
        if language.normalize:
            sql = f"{language.normalize}({sql})"

    def needle():
        return RawSQL(f"lower({sql})", [clean_query(raw)])

    return queryset.filter(_WordSimilar(needle(), F("search_text"))).annotate(
        search_rank=Func(
            needle(), F("search_text"), function="word_similarity", output_field=FloatField()
        )
    )


def search_querysets(querysets, raw, count=QuerySet.count, every_match=True):
    """Each queryset narrowed to the query and ordered by relevance, with its count.

    The count is of every match (the search page's totals), or with
    `every_match` False of the ranked ones only (a list counts those itself).

    Full-text matches if any queryset has one; otherwise near misses by
    trigram similarity. Returns ({name: queryset}, {name: count}, mode) with
    mode "full-text", "similar" or "empty". `count(queryset)` counts; pages
    pass one that remembers (a popular query is then counted once).
    """
    parsed = parse(raw)
    if not parsed:
        return (
            {name: qs.none() for name, qs in querysets.items()},
            dict.fromkeys(querysets, 0),
            "empty",
        )
    parsed = expand(parsed)
    ranked = {
        name: full_text(qs, parsed).order_by("-search_rank", "pk") for name, qs in querysets.items()
    }
    if every_match:
        # Counted apart from the ranking, which keeps only the newest CANDIDATES.
        counts = {name: count(matches(qs, parsed)) for name, qs in querysets.items()}
    else:
        counts = {name: count(qs) for name, qs in ranked.items()}
    if any(counts.values()):
        return ranked, counts, "full-text"
    similar = {
        name: near_misses(qs, raw).order_by("-search_rank", "pk") for name, qs in querysets.items()
    }
    return similar, {name: count(qs) for name, qs in similar.items()}, "similar"


def search_queryset(queryset, raw, count=QuerySet.count):
    """One queryset narrowed and ordered by the query (list filters, admin search)."""
    results, _counts, _mode = search_querysets({"items": queryset}, raw, count, every_match=False)
    return results["items"]
