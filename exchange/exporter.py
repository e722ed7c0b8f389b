"""Export: the whole database as one content document."""

from sscportal import content_types

from .document import FORMAT, VERSION


def export_content():
    """Every item of every section, sorted by natural key, as a dict."""
    document = {"format": FORMAT, "version": VERSION}
    for section in content_types.sections():
        document[section.name] = [section.item(item) for item in section.export_queryset()]
    return document
