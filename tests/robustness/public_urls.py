"""Every public URL and the query parameters it reads, drawn from the forms that read them."""

from front.search import SearchForm
from initiatives.filters import InitiativeFilterForm
from statements.filters import StatementFilterForm


def public_parameters():
    """(path, parameter names) for every public page; pages that read none still get a
    `page` and a `q`, which they must ignore."""
    ignored = ["page", "q"]
    return [
        ("/en/", ignored),
        ("/en/initiatives/", [*InitiativeFilterForm.base_fields, "page"]),
        ("/ar/initiatives/", [*InitiativeFilterForm.base_fields, "page"]),
        ("/en/statements/", [*StatementFilterForm.base_fields, "page"]),
        ("/en/search/", list(SearchForm.base_fields)),
        ("/en/events/", ignored),
        ("/en/events/2023/", ["page"]),
        ("/en/events/calendar.ics", ignored),
        ("/en/statements/feed/", ignored),
        ("/en/countries/", ignored),
        ("/en/countries/ke/", ignored),
        ("/sitemap.xml", ["p"]),
        ("/sitemap-initiatives.xml", ["p"]),
    ]
