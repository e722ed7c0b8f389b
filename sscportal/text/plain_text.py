"""Sanitized rich text (sanitize.ALLOWED_TAGS) as plain text, for the outputs that
cannot carry HTML (calendar files): paragraphs stay apart.

Django's strip_tags drops the tags and whatever they separated with them:
"<p>...Cooperation.</p><p>Jorge Chediek...</p>" became "...Cooperation.Jorge
Chediek...". Here a block (paragraph, heading, quotation, list) ends with a
blank line, a list item and a <br> with a line break.
"""

import re
from html.parser import HTMLParser

PARAGRAPH = 2  # line breaks after a block
LINE = 1  # ... after a list item or a <br>
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "div"}
# HTML's white space, which a browser shows as one space; not the no-break space.
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.breaks = 0  # line breaks owed before the next text

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            # <br><br> is a blank line; more are still one.
            self.breaks = min(self.breaks + LINE, PARAGRAPH)
        else:
            self._block(tag)

    def handle_endtag(self, tag):
        self._block(tag)

    def _block(self, tag):
        if tag in BLOCKS:
            self.breaks = PARAGRAPH
        elif tag == "li":
            self.breaks = max(self.breaks, LINE)

    def handle_data(self, data):
        data = HTML_SPACE.sub(" ", data)
        if self.breaks or not self.text:
            data = data.lstrip(" ")
            if not data:
                return  # the white space between two blocks
            if self.text:
                self.text[-1] = self.text[-1].rstrip(" ")
                self.text.append("\n" * self.breaks)
        self.text.append(data)
        self.breaks = 0


def plain_text(html):
    """`html` as text: paragraphs separated by a blank line, lines by a line break."""
    if not html:
        return ""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return "".join(reader.text).rstrip(" ")
