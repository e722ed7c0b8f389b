"""Latin letters an Arabic page shows outside what it marks as English.

An Arabic page may hold English: a title with no Arabic version, an address, a
code. The page must say so with lang="en" on the element (or keep it in <code>,
<kbd>, <samp>), so the reader's screen reader switches voice and the editors
know it is deliberate. Anything else in Latin letters is a seam: an acronym,
a piece of jargon or a string nobody translated.

    latin_outside_english(html)  -> ["UNOSSC in: ... the line around it ..."]
"""

import re

from lxml import html as lxml_html

# Brand names and acronyms that Arabic writes in Latin letters, as UN Arabic
# documents and the brands' own Arabic pages do. Keep it short: a word belongs
# here only when Arabic has no form of its own for it.
ALLOWED = {
    # File formats and encodings, named as the files and the programs that
    # open them name them; Arabic interfaces (Microsoft's, LibreOffice's) keep
    # these names in Latin letters.
    "CSV",
    "JSON",
    "XML",
    "Atom",
    "UTF-8",
    # Microsoft's Arabic Office calls its spreadsheet "Excel", in Latin letters.
    "Excel",
    # Citation file formats, as reference managers (Zotero, EndNote) list them
    # in their Arabic interfaces; another name would not match the menu item.
    "CSL-JSON",
    "BibTeX",
    "RIS",
    # Standards known only by their Latin name or code, which UN Arabic
    # documents and the standards' own Arabic material write as they are: the
    # UN's M49 area codes, IATI (its Arabic guidance keeps the acronym), the
    # Frictionless data package, and the time scale UTC in an offset ("UTC+3").
    "M49",
    "IATI",
    "Frictionless",
    "UTC",
    # The accessibility statement names the guidelines, their level and the
    # tools by their own names, which Arabic accessibility material keeps:
    # WCAG and its level AA, the W3C and its HTML checker, the axe-core engine.
    "WCAG",
    "AA",
    "W3C",
    "HTML",
    "axe-core",
}

# Never read: not shown, or shown as code.
SKIPPED_TAGS = {"script", "style", "template", "noscript", "code", "kbd", "samp", "pre"}

LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# Identical in every language: an address, an e-mail, a path or a file name
# ("/api/v1/", "iati/activities.xml", "sscportal-content.json.gz"), a hashtag.
ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\S+@\S+\.\w+"
    r"|[\w.-]*/[\w./-]*"
    r"|[\w-]+(?:\.[A-Za-z][\w-]*)+"
    r"|#\w+"
)
WORD = re.compile(
    r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][\w\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f.-]*"
)


def _marked_other_language(element):
    """Whether `element` or an ancestor says it is in a language other than Arabic."""
    for node in [element, *element.iterancestors()]:
        lang = node.get("lang")
        if lang:
            return not lang.lower().startswith("ar")
    return False


def _texts(element):
    """(text, the element that holds it) for every text node under `element`."""
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
        return
    if element.text:
        yield element.text, element
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail, element


def _marked_texts(document):
    """The texts of the body's elements marked as another language, longest first."""
    texts = {
        " ".join(element.text_content().split())
        for element in document.xpath("//body//*[@lang]")
        if not element.get("lang").lower().startswith("ar")
    }
    return sorted((text for text in texts if text), key=len, reverse=True)


def _unexplained_words(text):
    text = ADDRESS.sub(" ", text)
    return [
        word.strip(".-")
        for word in WORD.findall(text)
        if word.strip(".-") not in ALLOWED and LATIN.search(word)
    ]


def latin_outside_english(page):
    """Each run of Latin letters `page` (HTML) shows outside English-marked
    elements and the allow-list, with the text around it to find it by."""
    document = lxml_html.document_fromstring(page)
    found = []
    # <title> holds no markup: an English-only item's title is in it unmarked.
    # It passes when the page shows the same text marked (its <h1 lang="en">).
    title = document.find(".//title")
    if title is not None and title.text:
        for marked in _marked_texts(document):
            title.text = title.text.replace(marked, " ")
    visible = document.xpath("//title | //body")
    # An image's text alternative and a control's label are read as text too.
    attributes = document.xpath("//body//@alt | //body//@aria-label | //body//@placeholder")
    for root in visible:
        for text, holder in _texts(root):
            if _marked_other_language(holder):
                continue
            words = _unexplained_words(text)
            if words:
                found.append(f"{' '.join(words)} in: {' '.join(text.split())[:120]}")
    for attribute in attributes:
        holder = attribute.getparent()
        if _marked_other_language(holder):
            continue
        words = _unexplained_words(str(attribute))
        if words:
            found.append(f"{' '.join(words)} in @{attribute.attrname}: {attribute[:120]}")
    return found
