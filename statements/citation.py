"""'Cite this statement': one CSL-JSON record, formatted by citeproc-py, and
the same facts as BibTeX and RIS for reference managers.

A news report is cited as the outlet's article by its reporter, never as the
speaker's own text.
"""

from functools import cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from django.utils.translation import override

from sscportal.bilingual import shown

# A widely used author-date style that citeproc-py ships, with its English and
# Arabic locales (terms such as "Available at").
STYLE = "harvard-cite-them-right"
LOCALES = {"en": "en-GB", "ar": "ar"}


def _date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def _texts(statement, language):
    with override(language):
        return {
            field: shown(statement, field).text
            for field in ("title", "speaker", "speaker_title", "outlet")
        } | {
            "organization": shown(statement.organization, "name").text
            if statement.organization
            else ""
        }


def csl_item(statement, url, language):
    """The statement as a CSL-JSON item, in `language` where it has that text."""
    texts = _texts(statement, language)
    item = {
        "id": statement.slug,
        "title": texts["title"],
        "URL": url,
        "language": statement.original_language,
    }
    if statement.is_news_report:
        item["type"] = "article-newspaper"
        item["container-title"] = texts["outlet"]
        if statement.byline:
            item["author"] = [{"literal": statement.byline}]
        item["issued"] = _date_parts(statement.issued_on or statement.delivered_on)
    else:
        item["type"] = "speech"
        item["genre"] = statement.get_kind_display()
        if texts["speaker"]:
            item["author"] = [{"literal": texts["speaker"]}]
        if texts["organization"]:
            item["publisher"] = texts["organization"]
        item["issued"] = _date_parts(statement.issued_on or statement.delivered_on)
        if statement.issued_on and statement.issued_on != statement.delivered_on:
            item["event-date"] = _date_parts(statement.delivered_on)
        if statement.document_symbol:
            item["number"] = statement.document_symbol
    return item


@cache
def _style(language):
    return CitationStylesStyle(STYLE, locale=LOCALES[language], validate=False)


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


def bibtex(statement, url, language):
    item = csl_item(statement, url, language)
    day = item["issued"]["date-parts"][0]
    fields = {"title": item["title"]}
    if item.get("author"):
        fields["author"] = item["author"][0]["literal"]
    if statement.is_news_report:
        entry_type = "article"
        fields["journal"] = item["container-title"]
    else:
        entry_type = "misc"
        fields["howpublished"] = item["genre"]
        if item.get("publisher"):
            fields["organization"] = item["publisher"]
        if item.get("number"):
            fields["number"] = item["number"]
    fields |= {
        "year": str(day[0]),
        "month": str(day[1]),
        "day": str(day[2]),
        "url": url,
        "language": item["language"],
    }
    lines = [f"@{entry_type}{{{statement.slug},"]
    lines += [
        f"  {name} = {_bibtex_value(value, as_written=name == 'author')},"
        for name, value in fields.items()
        if value
    ]
    return "\n".join(lines) + "\n}\n"


def ris(statement, url, language):
    item = csl_item(statement, url, language)
    day = item["issued"]["date-parts"][0]
    lines = [("TY", "NEWS" if statement.is_news_report else "GEN"), ("TI", item["title"])]
    lines += [("AU", author["literal"]) for author in item.get("author", [])]
    if statement.is_news_report:
        lines.append(("JO", item["container-title"]))
    else:
        lines.append(("M3", item["genre"]))
        if item.get("publisher"):
            lines.append(("PB", item["publisher"]))
        if item.get("number"):
            lines.append(("M1", item["number"]))
    lines += [
        ("PY", str(day[0])),
        ("DA", f"{day[0]:04d}/{day[1]:02d}/{day[2]:02d}"),
        ("UR", url),
        ("LA", item["language"]),
    ]
    # RIS is line-based: a value never spans lines.
    body = "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines if value)
    return body + "ER  - \r\n"
