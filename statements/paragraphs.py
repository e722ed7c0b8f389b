"""A statement's body as paragraphs, each with an anchor that links to it.

An anchor is made from the paragraph's own words (a short hash of its text,
markup and spacing ignored), so editing, adding or removing *another*
paragraph leaves it unchanged; a passage quoted by link stays linked until the
passage itself is rewritten. Two paragraphs with the same words are told apart
by their order ("-2"). The language is part of the anchor: the English and
Arabic versions of a passage are different texts.
"""

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import zip_longest

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from sscportal.text import rich_images

# The block elements the rich-text allowlist keeps (sscportal/text/sanitize.py).
BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote"}
VOID = {"br"}


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    html: str


class _TopLevelSplitter(HTMLParser):
    """Cuts sanitized HTML into its top-level pieces, as (is_block, source text)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.source = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.depth = 0
        self.pieces = []
        self.block_start = None
        self.loose_start = None

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _end_loose(self, at):
        if self.loose_start is not None:
            self.pieces.append((False, self.source[self.loose_start : at]))
            self.loose_start = None

    def handle_starttag(self, tag, attrs):
        at = self._offset()
        if self.depth == 0 and tag in BLOCKS:
            self._end_loose(at)
            self.block_start = at
        elif self.depth == 0 and self.loose_start is None:
            self.loose_start = at
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0 and self.loose_start is None:
            self.loose_start = self._offset()

    def handle_endtag(self, tag):
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and self.block_start is not None and tag in BLOCKS:
            end = self.source.index(">", self._offset()) + 1
            self.pieces.append((True, self.source[self.block_start : end]))
            self.block_start = None

    def handle_data(self, data):
        if self.depth == 0 and self.loose_start is None and data.strip():
            self.loose_start = self._offset()

    def split(self):
        self.feed(self.source)
        self.close()
        self._end_loose(len(self.source))
        if self.block_start is not None:  # unclosed: keep what is there
            self.pieces.append((True, self.source[self.block_start :]))
        return self.pieces


def words_of(html):
    return " ".join(strip_tags(html).split())


def paragraphs(html, language):
    """The top-level blocks of sanitized `html`, each with its anchor, in order."""
    seen = {}
    result = []
    for is_block, piece in _TopLevelSplitter(html or "").split():
        words = words_of(piece)
        if not words and "<img" not in piece:
            continue
        # A picture alone in its paragraph is anchored by its tag.
        digest = hashlib.sha256((words or piece).encode()).hexdigest()[:8]
        base = f"{language}-{digest}"
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        if is_block:
            # The first tag of the piece is the block's own start tag.
            tag_end = piece.index(">")
            closing = "/" if piece[tag_end - 1] == "/" else ""
            opening = piece[: tag_end - len(closing)]
            html_piece = f'{opening} id="{anchor}"{closing}{piece[tag_end:]}'
        else:
            html_piece = f'<p id="{anchor}">{piece.strip()}</p>'
        html_piece = rich_images.render(html_piece)
        result.append(Paragraph(anchor, mark_safe(html_piece)))  # noqa: S308 - sanitized on save
    return result


def aligned(*versions):
    """Rows of paragraphs, one from each version, by position; shorter versions
    are padded with None."""
    return list(zip_longest(*versions))
