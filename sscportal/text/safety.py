"""Characters no stored text may hold: those XML 1.0 forbids.

A vertical tab pasted from a word processor, a NUL or a lone surrogate in an
import file would otherwise reach the Atom feed, the sitemap or PostgreSQL
(which refuses NUL outright), and fail there, far from where they came in.
Saving strips them (content models, connected by content_types.register);
the import refuses them with their path, so the file can be corrected.
"""

import re

# XML 1.0 allows tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000 up.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def first_forbidden(text):
    """The first forbidden character of `text` as U+XXXX, or None."""
    found = FORBIDDEN.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def strip_forbidden(text):
    return FORBIDDEN.sub("", text) if isinstance(text, str) else text


def strip_forbidden_characters(sender, instance, **kwargs):
    """pre_save receiver: every text column of `instance` without forbidden characters."""
    for field in instance._meta.concrete_fields:
        if getattr(field, "generated", False):
            continue
        if field.get_internal_type() in ("CharField", "TextField", "SlugField", "URLField"):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and FORBIDDEN.search(value):
                setattr(instance, field.attname, strip_forbidden(value))
