"""How a library file is handed to a browser: its type, its name, inline or saved.

Content-Disposition carries the name twice (RFC 6266): `filename` in ASCII,
the stored name, for old clients, and `filename*` in UTF-8 (RFC 5987) with
the title in the file's own language, Arabic letters kept. Both are made of
letters, digits, hyphens and one dot: no quote, slash or line break from a
title can reach the header.
"""

import posixpath
from urllib.parse import quote

# Opened in the browser; anything else (office files) is saved.
SHOWN_INLINE = ("application/pdf", "audio/", "image/")


def disposition(item):
    inline = item.content_type.startswith(SHOWN_INLINE)
    return content_disposition(
        "inline" if inline else "attachment",
        item.download_name(),
        posixpath.basename(item.file.name),
    )


def content_disposition(kind, name, ascii_name):
    header = f'{kind}; filename="{ascii_name}"'
    if name != ascii_name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header
