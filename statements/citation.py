"""'Cite this statement': one CSL-JSON record, formatted by citeproc-py, and
the same facts as BibTeX and RIS for reference managers.

A news report is cited as the outlet's article by its reporter, never as the
speaker's own text.
"""

import json
from functools import cache
from pathlib import Path

from citeproc import (
    LOCALES_PATH,
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
)
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from django.conf import settings
from django.utils.translation import override

from people.models import shown_name
from sscportal.text.languages import shown
from sscportal.visibility import public_related
from statements.models import StatementKind

# A widely used author-date style that citeproc-py ships, with CSL's locales
# (terms such as "Available at") for some sixty languages.
STYLE = "harvard-cite-them-right"
# Where a language's citations use another dialect than CSL's main one:
# English as UN documents spell it.
DIALECTS = {"en": "en-GB"}
# CSL's own locale (citeproc's default) when neither a language nor the site's
# default language has one.
LAST_RESORT = "en-US"


@cache
def _primary_dialects():
    """CSL's main locale of each language it has: {"fr": "fr-FR", "ar": "ar", ...}."""
    path = Path(LOCALES_PATH) / "locales.json"
    return json.loads(path.read_text(encoding="utf-8"))["primary-dialects"]


def csl_locale(language):
    """The CSL locale a citation in `language` is written with; for a language CSL
    has no locale for, the site's default language's."""
    for code in (language, settings.LANGUAGE_CODE):
        if code in DIALECTS:
            return DIALECTS[code]
        if code in _primary_dialects():
            return _primary_dialects()[code]
    return LAST_RESORT


def _date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


# How each kind of statement is typed in each format, chosen from the tables of
# the programs that read them:
# - RIS: Zotero's RIS translator (zotero/translators, RIS.js, exportTypeMap):
#   NEWS <-> newspaperArticle, RPRT <-> report, SLIDE <-> presentation, whose
#   creator AU becomes the presenter. GEN, the old choice, is imported as a
#   journal article (importTypeMap), with M1 as its issue.
# - BibTeX: the biblatex manual's entry types (@article for a newspaper's
#   article, @report and its alias @techreport with `type`, @unpublished for
#   "the script of a talk"), which is also where Zotero's BibLaTeX export puts
#   newspaperArticle, report and presentation (BibLaTeX.js); Zotero's BibTeX
#   import reads @techreport as a report and @unpublished as a manuscript with
#   `type` as its kind. Mendeley publishes no mapping; these are standard types.
# - CSL: article-newspaper, report (genre "Press release"), speech.
NEWS, PRESS_RELEASE, SPEECH = "news", "press-release", "speech"
TYPES = {
    NEWS: {"csl": "article-newspaper", "ris": "NEWS", "bibtex": "article"},
    PRESS_RELEASE: {"csl": "report", "ris": "RPRT", "bibtex": "techreport"},
    SPEECH: {"csl": "speech", "ris": "SLIDE", "bibtex": "unpublished"},
}


def _form(statement):
    """A news report is the outlet's article whatever the kind of the words it
    reports; a press release is a document the organization issues; every other
    kind (message, speech, remarks, statement) is words someone delivered."""
    if statement.is_news_report:
        return NEWS
    if statement.kind == StatementKind.PRESS_RELEASE:
        return PRESS_RELEASE
    return SPEECH


def _organization(statement):
    """The organization, if it may be named publicly: a draft one never is."""
    return public_related(statement, "organization")


def _person(name):
    # A name given as one text (a news report's reporter, a speaker without a
    # person record or whose record has no family name) is a CSL literal:
    # printed as written, never guessed into family and given parts.
    return {"literal": name}


def _speaker(statement):
    """The speaker as CSL names them: family and given parts when the statement's
    person has a family name in the language of the name shown ("Guterres, A."
    in author-date styles), else the name as one text; None without a speaker."""
    person = public_related(statement, "person")
    name = shown_name(statement, "person", "speaker")
    if not name.text:
        return None
    family = getattr(person, f"family_name_{name.lang}", "") if person is not None else ""
    family = (family or "").strip()
    if not family or family not in name.text:
        return _person(name.text)
    # The name less its family part: "António" of "António Guterres", and of a
    # name written family first.
    given = " ".join(name.text.replace(family, " ", 1).split())
    return {"family": family, "given": given} if given else {"family": family}


def _texts(statement, language):
    """The texts of the version cited in `language`: the page in that language
    shows its own version, or the other language's when it has none."""
    with override(language):
        title, body = shown(statement, "title"), shown(statement, "body")
        texts = {"outlet": shown(statement, "outlet").text, "speaker": _speaker(statement)}
        organization = _organization(statement)
        texts["organization"] = shown(organization, "name").text if organization else ""
        texts["genre"] = statement.get_kind_display()
    texts["title"] = title.text
    texts["language"] = body.lang if body.text else title.lang
    # The title in the language the statement was delivered in, when the one
    # cited is its translation (no column: a language the site does not have).
    original = getattr(statement, f"title_{statement.original_language}", "") or ""
    translated = title.lang != statement.original_language
    texts["original_title"] = original if translated and original != title.text else ""
    return texts


def cited_url(statement, url):
    """Where the citation says the text is "available at": this site's page
    (`url`) when it holds the text; otherwise its source, where the words can
    be read, or nowhere when no source is known: this site's page would only
    say that it was made."""
    if statement.has_text:
        return url
    return statement.source_url


def csl_item(statement, url, language):
    """The statement as a CSL-JSON item, in `language` where it has that text."""
    texts = _texts(statement, language)
    form = _form(statement)
    item = {
        "id": statement.slug,
        "type": TYPES[form]["csl"],
        "title": texts["title"],
        "URL": cited_url(statement, url),
        "language": texts["language"],
        "issued": _date_parts(statement.issued_on or statement.delivered_on),
    }
    if not item["URL"]:
        del item["URL"]
    if texts["original_title"]:
        item["original-title"] = texts["original_title"]
    if form == NEWS:
        item["container-title"] = texts["outlet"]
        if statement.byline:
            item["author"] = [_person(statement.byline)]
        return item
    item["genre"] = texts["genre"]
    if texts["speaker"]:
        item["author"] = [texts["speaker"]]
        if texts["organization"]:
            item["publisher"] = texts["organization"]
    elif texts["organization"]:
        # Without a person the organization is the author (a group author), as
        # APA and Chicago cite a press release. Left out, styles put the title
        # in the author's place, and citeproc-py, which does not suppress a
        # variable it substituted, then prints the title twice. Not repeated as
        # the publisher: APA and Chicago name it once.
        item["author"] = [{"literal": texts["organization"]}]
    if statement.document_symbol:
        item["number"] = statement.document_symbol
    if form == SPEECH and statement.issued_on and statement.issued_on != statement.delivered_on:
        item["event-date"] = _date_parts(statement.delivered_on)
    return item


@cache
def _style(language):
    return CitationStylesStyle(STYLE, locale=csl_locale(language), validate=False)


def formatted(statement, url, language):
    """The reference as plain text, in `language`."""
    with override(language):
        item = csl_item(statement, url, language)
    bibliography = CitationStylesBibliography(
        _style(language), CiteProcJSON([item]), citeproc_formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def _bibtex_value(text, *, as_written=False):
    """Braced, with the characters BibTeX treats specially escaped; `as_written`
    adds a second pair of braces, so a name or an organization is not split."""
    for char in "\\{}":
        text = text.replace(char, "")
    for char in "&%$#_":
        text = text.replace(char, "\\" + char)
    text = " ".join(text.split())
    return "{{" + text + "}}" if as_written else "{" + text + "}"


# biblatex's name lists, which it splits at " and " ("SESRIC and …" would be
# several organizations): each holds a single name here, written as it is.
BIBTEX_NAME_LISTS = {"author", "institution", "organization"}


def _as_written(field, author):
    """A name list holds one name written as it is, except an author given in
    parts, whose "Family, Given" BibTeX must split."""
    if field == "author" and "family" in author:
        return False
    return field in BIBTEX_NAME_LISTS


def bibtex(statement, url, language):
    item = csl_item(statement, url, language)
    form = _form(statement)
    day = item["issued"]["date-parts"][0]
    fields = {"title": item["title"]}
    author = item["author"][0] if item.get("author") else {}
    if "literal" in author:
        fields["author"] = author["literal"]
    elif author:
        # "Family, Given": how BibTeX and biblatex are told which part is which.
        fields["author"] = ", ".join(p for p in (author["family"], author.get("given")) if p)
    if form == NEWS:
        # `journal` is BibTeX's name, which biblatex and Zotero also read;
        # biblatex styles that tell newspapers apart read `entrysubtype`.
        fields["journal"] = item["container-title"]
        fields["entrysubtype"] = "newspaper"
    else:
        fields["type"] = item["genre"]
        # A report's issuer is its `institution` (which biblatex requires, so
        # it is there even when it is the group author too); other entries
        # name an `organization`.
        issuer = "institution" if form == PRESS_RELEASE else "organization"
        fields[issuer] = _texts(statement, language)["organization"]
        fields["number"] = item.get("number", "")
    fields |= {
        "year": str(day[0]),
        "month": str(day[1]),
        "day": str(day[2]),
        "url": item.get("URL", ""),
        "language": item["language"],
    }
    if item.get("original-title"):
        fields["origtitle"] = item["original-title"]
        fields["origlanguage"] = statement.original_language
    lines = [f"@{TYPES[form]['bibtex']}{{{statement.slug},"]
    lines += [
        f"  {name} = {_bibtex_value(value, as_written=_as_written(name, author))},"
        for name, value in fields.items()
        if value
    ]
    return "\n".join(lines) + "\n}\n"


def _ris_name(author):
    """A name as RIS writes it, or None when Zotero would misread it: it takes
    "A, B" as family name A and given name B (RIS.js, processTag), and a name
    written without a comma as one name. A literal with a comma cannot be said."""
    if "literal" in author:
        return None if "," in author["literal"] else author["literal"]
    return ", ".join(part for part in (author.get("family"), author.get("given")) if part)


def ris(statement, url, language):
    item = csl_item(statement, url, language)
    form = _form(statement)
    day = item["issued"]["date-parts"][0]
    lines = [("TY", TYPES[form]["ris"]), ("TI", item["title"])]
    authors = [_ris_name(author) for author in item.get("author", [])]
    lines += [("AU", name) for name in authors if name]
    if form == NEWS:
        # T2 is a newspaper article's publicationTitle for Zotero; JO would be a
        # journal abbreviation, which a newspaper article does not have.
        lines.append(("T2", item["container-title"]))
    else:
        # M3 is the report's or the presentation's type.
        lines.append(("M3", item["genre"]))
        publisher = item.get("publisher")
        if not publisher and None in authors:
            # A group author that could not be written is still the issuer.
            publisher = item["author"][0]["literal"]
        # PB is a report's institution (a presentation has none; Zotero keeps it
        # as a note).
        lines.append(("PB", publisher or ""))
        # SN is a report's number; a presentation has no number field, and M1
        # is kept in its Extra.
        lines.append(("SN" if form == PRESS_RELEASE else "M1", item.get("number", "")))
    lines += [
        ("PY", str(day[0])),
        ("DA", f"{day[0]:04d}/{day[1]:02d}/{day[2]:02d}"),
        ("UR", item.get("URL", "")),
        ("LA", item["language"]),
    ]
    # RIS is line-based: a value never spans lines.
    body = "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines if value)
    return body + "ER  - \r\n"
