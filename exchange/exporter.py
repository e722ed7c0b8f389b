"""Export: the whole database as one content document."""

from sscportal import content_types

from .document import FORMAT, VERSION

# Items read, with their relations, per round of queries: enough to keep the
# queries few, few enough that memory does not grow with the corpus.
CHUNK_SIZE = 500


def export_content():
    """Every item of every section, sorted by natural key, as one dict (for callers
    that look into it; `export_sections` is the export that scales)."""
    document = {"format": FORMAT, "version": VERSION}
    document.update((name, list(items)) for name, items in export_sections())
    return document


def export_sections(chunk_size=CHUNK_SIZE):
    """(name, items) for every section, in `export_content`'s order; the items are
    read lazily, a chunk at a time with its relations prefetched per chunk."""
    for section in content_types.sections():
        yield section.name, _items(section, chunk_size)


def _items(section, chunk_size):
    for item in section.export_queryset().iterator(chunk_size=chunk_size):
        yield section.item(item)
