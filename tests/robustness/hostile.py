"""Hostile values and the parameters they are sent in, shared by the robustness tests.

The values are our own short list in the spirit of the Big List of Naughty
Strings: control characters, digits that are not ASCII digits, numbers no
column can hold, injection attempts, right-to-left marks, emoji, very long
text. Written as raw query-string text, so bytes a browser would never send
(a lone surrogate's UTF-8, an invalid UTF-8 byte) are sent too.
"""

import re
from urllib.parse import parse_qsl, quote

from django.contrib import admin

NAUGHTY = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e9",
    "²",
    "①",
    "٣",
    "߂",
    "𝟙",
    "9" * 30,
    "99999999999",
    "-99999999999",
    "2147483648",
    "9223372036854775808",
    "0x10",
    "NaN",
    "Infinity",
    "None",
    "null",
    "true",
    "[]",
    "{}",
    "\x00",
    "a\x00b",
    "\x0b",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u202e",
    "\u200f\u200e",
    "\ufeff",
    "\uffff",
    "🌍",
    "👨‍👩‍👧",
    "ﷺ",
    "ـ",
    "التعاون",
    "' OR 1=1 --",
    '"; DROP TABLE x; --',
    "%",
    "%%",
    "_",
    "\\",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "${7*7}",
    "%s%s%n",
    "a" * 5000,
    "و" * 3000,
    "1,2",
    "1;2",
    "2023-13-45",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
]

# Query-string text that is not even valid UTF-8 once decoded, or holds a surrogate.
RAW = ["%ED%A0%80", "%FF%FE", "%C0%AF", "%00%00", "%E2%80%AE"]


def encoded(value):
    return quote(value, safe="")


def every_value():
    return [encoded(value) for value in NAUGHTY] + RAW


def changelist_parameters(client, url, model_admin):
    """Every parameter a changelist's filters, date drill-down, sorting and paging use."""
    names = {"q", "o", "p", "all", "_popup", "_to_field"}
    html = client.get(url).text
    for query in re.findall(r'href="\?([^"]*)"', html):
        names.update(name for name, _value in parse_qsl(query.replace("&amp;", "&")))
    if model_admin.date_hierarchy:
        names.update(f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day"))
    return sorted(names)


def content_admins():
    """(changelist URL, model admin) for every model in the admin."""
    return [
        (f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/", model_admin)
        for model, model_admin in admin.site._registry.items()
    ]
