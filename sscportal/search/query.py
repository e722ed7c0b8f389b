"""Parsing a reader's query (web-search syntax) into SQL for PostgreSQL full-text search.

Queries use web-search syntax: words, "quoted phrases", -excluded words and
`or` (also أو). Each word is looked up in every language's way at once, so a
query in any language finds text in any language's fields: through each
language's configuration and normalisation, exactly as its columns were
indexed (search/languages.py: English stemmed, so "cooperating" finds
"cooperation"; Arabic through `ssc_arabic_normalize` and `simple`).
"""

import re
from dataclasses import dataclass, field

from .languages import search_languages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
OR_WORDS = {"or", "أو", "او"}
# A Latin, Arabic or digit run; everything else separates words.
WORD = re.compile(r"[\w\u0600-\u06FF\u0750-\u077F]+(?:[-'][\w\u0600-\u06FF]+)*")
TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


@dataclass
class Term:
    text: str
    phrase: bool = False
    negated: bool = False


@dataclass
class Span:
    """Consecutive words of a query that the glossary knows ("food security"),
    with what they are in other words and languages ("الأمن الغذائي"): found
    by either (search/glossary.py)."""

    terms: list
    alternatives: tuple
    negated: bool = False

    @property
    def text(self):
        return " ".join([term.text for term in self.terms] + list(self.alternatives))


@dataclass
class ParsedQuery:
    """Alternatives (joined by OR), each a list of terms or spans (joined by AND)."""

    groups: list = field(default_factory=list)
    # Before the glossary expanded it (search/glossary.py): the words as typed.
    as_typed: "ParsedQuery | None" = None

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
    languages = search_languages()
    # A stop word of a stemming configuration ("the") gives an empty query;
    # it then must not survive through a `simple` side, which keeps stop words.
    stop_words = [
        f"numnode({function}('{language.configuration}', %s)) = 0"
        for language in languages
        if language.stems
    ]
    lookups = [
        f"{function}('{language.configuration}', {language.text_sql()})" for language in languages
    ]
    sql = " || ".join(lookups)
    if stop_words:
        sql = f"CASE WHEN {' OR '.join(stop_words)} THEN ''::tsquery ELSE {sql} END"
    sql = f"({sql})"
    params = [term.text] * (len(stop_words) + len(lookups))
    if term.negated:
        sql = f"(!! {sql})"
    return sql, params


def _span_sql(span):
    """The span's own words (all of them), or any of its alternatives."""
    words = [_term_sql(term) for term in span.terms]
    others = [_term_sql(Term(text)) for text in span.alternatives]
    sql = "((" + " && ".join(sql for sql, _p in words) + ")"
    sql += "".join(f" || {other}" for other, _p in others) + ")"
    params = [param for _sql, term_params in words + others for param in term_params]
    if span.negated:
        sql = f"(!! {sql})"
    return sql, params


def tsquery_sql(parsed):
    """SQL for the whole query as one tsquery expression, with its parameters."""
    group_sqls, params = [], []
    for group in parsed.groups:
        parts = [_span_sql(term) if isinstance(term, Span) else _term_sql(term) for term in group]
        group_sqls.append("(" + " && ".join(sql for sql, _p in parts) + ")")
        for _sql, term_params in parts:
            params += term_params
    return "(" + " || ".join(group_sqls) + ")", params
