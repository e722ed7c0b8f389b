"""Highlighted snippets of search results: the words that matched, in context."""

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.utils.safestring import mark_safe

from .. import content_types
from ..bilingual import shown
from .query import WORD

SNIPPET_WORDS = 36


def _plain(fragment):
    """Text of an HTML fragment; a tag becomes a space, so paragraphs do not run together."""
    return html.unescape(re.sub(r"<[^>]*>", " ", fragment))


def word_forms(words):
    """For each word: its English lexemes and its Arabic-normalised form, in one query.

    Asked of PostgreSQL, so snippets match words exactly as the index does.
    """
    unique = sorted({w for w in words if w})
    if not unique:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', w))), "
            "ssc_arabic_normalize(lower(w)) FROM unnest(%s::text[]) AS w",
            [unique],
        )
        return {w: (frozenset(lexemes), normal) for w, lexemes, normal in cursor.fetchall()}


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


def build_snippets(items, parsed):
    """A highlighted title and text snippet for each item, all in one query.

    The snippet comes from the first non-empty field its type declares
    (sscportal.content_types.Search.snippet).
    """
    shown_texts = []
    for item in items:
        title = shown(item, "title")
        body = None
        for name in content_types.of(type(item)).search.snippet:
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
