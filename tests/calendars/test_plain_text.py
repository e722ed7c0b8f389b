"""Rich text as the plain text of a calendar's description (sscportal/text/plain_text.py)."""

import pytest

from sscportal.text.plain_text import plain_text


@pytest.mark.parametrize(
    "html, text",
    [
        (
            "<p>South-South Cooperation.</p><p>Jorge Chediek, Director</p>",
            "South-South Cooperation.\n\nJorge Chediek, Director",
        ),
        (
            "<h2>Programme</h2>\n<ul>\n<li>Opening</li>\n<li>Panel</li>\n</ul>",
            "Programme\n\nOpening\nPanel",
        ),
        (
            "<p>One line<br>the next<br><br><br>after a blank</p>",
            "One line\nthe next\n\nafter a blank",
        ),
        ("<p>A <strong>bold</strong>\n  word &amp; more</p>", "A bold word & more"),
        ("No markup at all", "No markup at all"),
        ("", ""),
    ],
)
def test_blocks_become_paragraphs_and_lines(html, text):
    assert plain_text(html) == text


def test_a_no_break_space_is_kept():
    assert plain_text("<p>UN\u00a0Day</p>") == "UN\u00a0Day"
