"""/{lang}/<list>/download.csv and .xlsx: every row of a list with its page's filters.

The rows are the list page's items (its view's `public_items`, narrowed by its
filter form: one implementation of each filter), read in chunks, so a download
of 100,000 initiatives holds a chunk in memory at a time:

- CSV (RFC 4180: commas, double quotes, CRLF) in UTF-8 with a byte order mark,
  which is what makes Excel read Arabic right; streamed as it is written;
- XLSX through openpyxl's write-only mode, which writes each row to a temporary
  file as it comes (the workbook is zipped, so it is sent once written), its
  sheet right-to-left on Arabic pages.

Headers and texts are in the page's language (front/opendata/columns.py).
A cell that a spreadsheet would take for a formula (starting with = + - @, a
tab or a carriage return) starts with an apostrophe instead: a text someone
wrote must not run when the file is opened. Drafts are never rows, whoever
asks (signed-in editors included): this is the public data.
"""

import csv
import io
import tempfile
from urllib.parse import quote

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import get_language, get_language_bidi
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .columns import columns, header_row, row
from .lists import LISTS

# Rows read (and their lists prefetched) per query.
CHUNK_SIZE = 2000
# CSV text handed to the server at a time.
CSV_BUFFER = 64 * 1024

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralised(value):
    """`value` as a cell no spreadsheet evaluates."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def download(request, list_name, format):
    public_list = LISTS[list_name]
    items, _form = public_list.filtered(request.GET)
    section = public_list.section
    drawn = columns(section)
    header = [neutralised(cell) for cell in header_row(drawn)]
    language = get_language()

    def rows():
        # Iterated after the view returns (while the response streams): the
        # page's language is said again for the texts and labels.
        with translation.override(language):
            for item in section.with_related(items).iterator(chunk_size=CHUNK_SIZE):
                yield [neutralised(cell) for cell in row(drawn, item)]

    name = file_name(list_name, language, format)
    if format == "csv":
        response = StreamingHttpResponse(csv_chunks(header, rows()), content_type=TYPES["csv"])
    else:
        response = FileResponse(xlsx_file(public_list, header, rows()), content_type=TYPES["xlsx"])
    response["Content-Disposition"] = attachment(name)
    response["Content-Language"] = language
    return response


def file_name(list_name, language, extension):
    """sscportal-initiatives-ar-2026-12-07.csv: the list, the language and the day."""
    return f"sscportal-{list_name}-{language}-{timezone.localdate().isoformat()}.{extension}"


def attachment(name):
    """Content-Disposition (RFC 6266): the plain name, and the same as filename* (RFC 8187)."""
    plain = name.encode("ascii", "replace").decode().replace('"', "")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


def csv_chunks(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: "," and '"', CRLF line ends
    buffer.write("\ufeff")
    writer.writerow(header)
    for cells in rows:
        writer.writerow(cells)
        if buffer.tell() >= CSV_BUFFER:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def xlsx_file(public_list, header, rows):
    """The workbook in a temporary file (deleted when closed), at its start."""
    workbook = Workbook(write_only=True)
    # Sheet names hold at most 31 characters and none of []:*?/\.
    sheet = workbook.create_sheet(title=str(public_list.label)[:31])
    if get_language_bidi():
        sheet.sheet_view.rightToLeft = True
    sheet.append(header)
    for cells in rows:
        # Control characters XML forbids cannot be stored; saving strips them from
        # new text already (sscportal/text/safety.py), older rows are cleaned here.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in cells])
    file = tempfile.TemporaryFile()
    workbook.save(file)
    file.seek(0)
    return file
