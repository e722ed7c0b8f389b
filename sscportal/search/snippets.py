"""Highlighted snippets of search results: the words that matched, in context."""

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.utils.safestring import mark_safe

from sscportal import content_types
from sscportal.text.languages import shown

from .languages import search_languages
from .query import WORD

SNIPPET_WORDS = 36


def _plain(fragment):
    """Text of an HTML fragment; a tag becomes a space, so paragraphs do not run together."""
    return html.unescape(re.sub(r"<[^>]*>", " ", fragment))


def word_forms(words):
    """For each word, the forms under which the index knows it, in one query:
    each stemming language's lexemes ("english:cooper") and each normalised
    form ("ssc_arabic_normalize:تعاون"); two words match when they share one.

    Asked of PostgreSQL, so snippets match words exactly as the index does.
    """
    unique = sorted({w for w in words if w})
    if not unique:
        return {}
    forms = []
    for language in search_languages():
        if language.stems:
            forms.append(
                f"ARRAY(SELECT '{language.configuration}:' || lexeme"
                f" FROM unnest(to_tsvector('{language.configuration}', w)))"
            )
        if language.normalize:
            # A word normalised to nothing (or NULL) is no form to share.
            forms.append(
                f"ARRAY(SELECT '{language.normalize}:' || n"
                f" FROM (SELECT {language.text_sql('w')} AS n) AS normal WHERE n <> '')"
            )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT w, {' || '.join(forms)} FROM unnest(%s::text[]) AS w",
            [unique],
        )
        return {w: frozenset(keys) for w, keys in cursor.fetchall()}


def _matches(form, wanted):
    return bool(form & wanted)


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


def build_snippets(items, parsed):
    """A highlighted title and text snippet for each item, all in one query.

    The snippet comes from the first non-empty field its type declares
    (sscportal.content_types.Search.snippet).
    """
    shown_texts = []
    for item in items:
        declared = content_types.of(type(item)).search
        title = shown(item, declared.title)
        body = None
        for name in declared.snippet:
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
    wanted = frozenset().union(*(forms[w] for w in parsed.positive_words if w in forms))

    hit_tokens = {}  # the same tokens recur in every text: test each once

    def is_hit(token):
        hit = hit_tokens.get(token)
        if hit is None:
            hit = hit_tokens[token] = any(
                _matches(forms[w], wanted) for w in WORD.findall(token) if w in forms
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
