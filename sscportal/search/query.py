"""Parsing a reader's query (web-search syntax) into SQL for PostgreSQL full-text search.

Queries use web-search syntax: words, "quoted phrases", -excluded words and
`or` (also أو). Each word is looked up two ways at once, so a query in either
language finds text in either language's fields:

- through the `english` configuration (stemmed: "cooperating" finds "cooperation");
- through `ssc_arabic_normalize` and the `simple` configuration, exactly as
  the Arabic columns were indexed (see migration sscportal 0001).
"""

import re
from dataclasses import dataclass, field

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
