"""One search over initiatives, events and statements, in both languages.

Queries use web-search syntax: words, "quoted phrases", -excluded words and
`or` (also أو). Each word is looked up two ways at once, so a query in either
language finds text in either language's fields:

- through the `english` configuration (stemmed: "cooperating" finds "cooperation");
- through `ssc_arabic_normalize` and the `simple` configuration, exactly as
  the Arabic columns were indexed (see migration sscportal 0001).

Results are ranked by ts_rank_cd over the weighted document (title A, summary
B, body C), nudged by recency. When full-text search finds nothing, trigram
similarity on titles catches near misses (typos, a letter too many).
"""

import html
import json
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe

from .bilingual import shown
from .page_cache import cached_count

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
OR_WORDS = {"or", "أو", "او"}
# A Latin, Arabic or digit run; everything else separates words.
WORD = re.compile(r"[\w\u0600-\u06FF\u0750-\u077F]+(?:[-'][\w\u0600-\u06FF]+)*")
TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
SNIPPET_WORDS = 36


@dataclass
class Term:
    text: str
    phrase: bool = False
    negated: bool = False


@dataclass
class ParsedQuery:
    """Alternatives (joined by OR), each a list of terms (joined by AND)."""

    groups: list = field(default_factory=list)

    @property
    def positive_words(self):
        return [
            word
            for group in self.groups
            for term in group
            if not term.negated
            for word in WORD.findall(term.text)
        ]

    def __bool__(self):
        return any(any(not t.negated for t in group) for group in self.groups)


def clean_query(raw):
    """Trim, cut to a sane length and drop invisible control characters (RLM, NUL...)."""
    raw = (raw or "")[: MAX_QUERY_LENGTH * 5]
    raw = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
    return " ".join(raw.split())[:MAX_QUERY_LENGTH]


def parse(raw):
    """Web-search syntax into groups of terms. Never fails; odd input gives fewer terms."""
    text = clean_query(raw)
    if text.count('"') % 2:  # an unbalanced quote is taken literally
        text = text.replace('"', " ")
    groups, current, count = [], [], 0
    for match in TOKEN.finditer(text):
        phrase_sign, phrase, word_sign, word = match.groups()
        if phrase is not None:
            content = " ".join(WORD.findall(phrase))
            term = Term(content, phrase=True, negated=bool(phrase_sign)) if content else None
        elif word.lower() in OR_WORDS:
            if current:
                groups.append(current)
                current = []
            continue
        else:
            content = " ".join(WORD.findall(word))
            term = Term(content, negated=bool(word_sign)) if content else None
        if term and count < MAX_TERMS:
            current.append(term)
            count += 1
    if current:
        groups.append(current)
    return ParsedQuery([g for g in groups if any(not t.negated for t in g)])


def _term_sql(term):
    function = "phraseto_tsquery" if term.phrase else "plainto_tsquery"
    # An English stop word ("the") gives an empty query; it then must not
    # survive through the `simple` side, which keeps stop words.
    sql = (
        f"(CASE WHEN numnode({function}('english', %s)) = 0 THEN ''::tsquery "
        f"ELSE {function}('english', %s) || "
        f"{function}('simple', ssc_arabic_normalize(lower(%s))) END)"
    )
    params = [term.text] * 3
    if term.negated:
        sql = f"(!! {sql})"
    return sql, params


def tsquery_sql(parsed):
    """SQL for the whole query as one tsquery expression, with its parameters."""
    group_sqls, params = [], []
    for group in parsed.groups:
        parts = [_term_sql(term) for term in group]
        group_sqls.append("(" + " && ".join(sql for sql, _p in parts) + ")")
        for _sql, term_params in parts:
            params += term_params
    return "(" + " || ".join(group_sqls) + ")", params


# How recent an item is, by model: newer items rank a little higher, and a
# query matching very many items ranks only the newest CANDIDATES of them, so
# the cost of ranking does not grow with the corpus.
RECENCY_FIELD = {"initiative": "start_date", "event": "starts_at", "statement": "delivered_on"}
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


def full_text(queryset, parsed):
    """Filter to matches and annotate `search_rank` (higher is better)."""
    query, params = tsquery_sql(parsed)
    recency_field = RECENCY_FIELD[queryset.model._meta.model_name]

    def tsquery():
        return RawSQL(query, params)

    matching = queryset.filter(_Matches(F("search_document"), tsquery()))
    newest_matches = _newest(matching, recency_field)
    rank = _Product(
        Func(F("search_document"), tsquery(), function="ts_rank_cd", output_field=FloatField()),
        _Recency(F(recency_field)),
    )
    return queryset.filter(pk__in=newest_matches).annotate(search_rank=rank)


class _WordSimilar(Func):
    template = "(%(expressions)s)"
    arg_joiner = " <%% "  # %% : the SQL is %-formatted with the parameters
    output_field = BooleanField()


def near_misses(queryset, raw):
    """Titles that resemble the query (trigram word similarity), for when nothing matched."""

    def needle():
        return RawSQL("lower(ssc_arabic_normalize(%s))", [clean_query(raw)])

    return queryset.filter(_WordSimilar(needle(), F("search_text"))).annotate(
        search_rank=Func(
            needle(), F("search_text"), function="word_similarity", output_field=FloatField()
        )
    )


def search_querysets(querysets, raw):
    """Each queryset narrowed to the query and ordered by relevance, with its count.

    Full-text matches if any queryset has one; otherwise near misses by
    trigram similarity. Returns ({name: queryset}, {name: count}, mode) with
    mode "full-text", "similar" or "empty". Counts are cached until content
    changes (a popular query is counted once).
    """
    parsed = parse(raw)
    if not parsed:
        return (
            {name: qs.none() for name, qs in querysets.items()},
            dict.fromkeys(querysets, 0),
            "empty",
        )
    matches = {
        name: full_text(qs, parsed).order_by("-search_rank", "pk") for name, qs in querysets.items()
    }
    counts = {name: cached_count(qs) for name, qs in matches.items()}
    if any(counts.values()):
        return matches, counts, "full-text"
    similar = {
        name: near_misses(qs, raw).order_by("-search_rank", "pk") for name, qs in querysets.items()
    }
    return similar, {name: cached_count(qs) for name, qs in similar.items()}, "similar"


def search_queryset(queryset, raw):
    """One queryset narrowed and ordered by the query (list filters, admin search)."""
    results, _counts, _mode = search_querysets({"items": queryset}, raw)
    return results["items"]


# --- Snippets -------------------------------------------------------------


def _plain(fragment):
    """Text of an HTML fragment; a tag becomes a space, so paragraphs do not run together."""
    return html.unescape(re.sub(r"<[^>]*>", " ", fragment))


# Word forms already asked of PostgreSQL, by this process: a word's lexemes and
# normal form depend only on the (fixed) dictionaries and functions, and the
# words of result texts repeat from one search to the next. Bounded: when
# full it is emptied and refilled.
_known_forms = {}
KNOWN_FORMS_LIMIT = 100_000


def word_forms(words):
    """For each word: its English lexemes and its Arabic-normalised form.

    Words not seen before by this process are looked up in one query.
    """
    unique = {w for w in words if w}
    unknown = sorted(unique - _known_forms.keys())
    if unknown:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', w))), "
                "ssc_arabic_normalize(lower(w)) FROM unnest(%s::text[]) AS w",
                [unknown],
            )
            rows = cursor.fetchall()
        if len(_known_forms) + len(rows) > KNOWN_FORMS_LIMIT:
            _known_forms.clear()
        for w, lexemes, normal in rows:
            _known_forms[w] = (frozenset(lexemes), normal)
    return {w: _known_forms[w] for w in unique if w in _known_forms}


def _matches(form, wanted_lexemes, wanted_normals):
    lexemes, normal = form
    return bool(lexemes & wanted_lexemes) or (normal and normal in wanted_normals)


@dataclass
class Snippet:
    words: list  # (text, highlighted) pairs
    lang: str
    is_fallback: bool
    cut_start: bool = False
    cut_end: bool = False

    def html(self):
        parts = [
            f"<mark>{html.escape(text)}</mark>" if hit else html.escape(text)
            for text, hit in self.words
        ]
        text = " ".join(parts)
        if self.cut_start:
            text = "… " + text
        if self.cut_end:
            text += " …"
        return mark_safe(text)  # noqa: S308 - every word was escaped above


def build_snippets(items, parsed, fields):
    """A highlighted title and text snippet for each (item, model_name), all in one query."""
    shown_texts = []
    for item, model_name in items:
        title = shown(item, "title")
        body = None
        for name in fields[model_name]:
            body = shown(item, name)
            if body.text:
                break
        body_tokens = _plain(body.text).split() if body and body.text else []
        shown_texts.append((title, body, body_tokens))
    # Texts repeat their words: look each distinct token up once.
    tokens = set(parsed.positive_words)
    for title, _body, body_tokens in shown_texts:
        tokens.update(title.text.split())
        tokens.update(body_tokens)
    forms = word_forms({w for token in tokens for w in WORD.findall(token)} | tokens)
    wanted = [forms.get(w) for w in parsed.positive_words if forms.get(w)]
    wanted_lexemes = set().union(*(f[0] for f in wanted)) if wanted else set()
    wanted_normals = {f[1] for f in wanted if f[1]}

    hit_tokens = {}  # the same tokens recur in every text: test each once

    def is_hit(token):
        hit = hit_tokens.get(token)
        if hit is None:
            hit = hit_tokens[token] = any(
                _matches(forms[w], wanted_lexemes, wanted_normals)
                for w in WORD.findall(token)
                if w in forms
            )
        return hit

    results = []
    for title, body, tokens in shown_texts:
        title_words = [(token, is_hit(token)) for token in title.text.split()]
        title_snippet = Snippet(title_words, title.lang, title.is_fallback)
        body_snippet = None
        if tokens:
            first_hit = next((i for i, token in enumerate(tokens) if is_hit(token)), 0)
            start = max(0, first_hit - SNIPPET_WORDS // 3)
            window = tokens[start : start + SNIPPET_WORDS]
            body_snippet = Snippet(
                [(token, is_hit(token)) for token in window],
                body.lang,
                body.is_fallback,
                cut_start=start > 0,
                cut_end=start + SNIPPET_WORDS < len(tokens),
            )
        results.append((title_snippet, body_snippet))
    return results
