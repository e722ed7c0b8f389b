"""The order of a list as the reader chooses it (`sort=`): newest first, or by
title in the reader's alphabetical order; relevance too when words are searched.

Titles are ordered by ICU in Python (sscportal/text/collation.py), as names
are, since the database may not have ICU and no column holds a sort key. The
list of up to SHORT_LIST items is sorted on its own titles. For a longer one,
the order of every published item of its type is computed once per language
and content version and kept as {pk: position}; a page sorted by title then
costs the ids of its list (one query) and the page's items.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sscportal.caching.values import until_content_changes
from sscportal.text.collation import sort_key
from sscportal.text.languages import every_language, shown
from sscportal.visibility import public

RELEVANCE, NEWEST, TITLE = "relevance", "newest", "title"
# Up to this many items, a list is sorted by title without the order of all.
SHORT_LIST = 2000
LABELS = {RELEVANCE: _("Relevance"), NEWEST: _("Newest first"), TITLE: _("Title (A to Z)")}


@dataclass
class SortControl:
    """What includes/sort_control.html draws: the choices and the one in force."""

    value: str
    choices: tuple
    # Whether the reader asked for it (a filter form then carries it on).
    asked: bool

    @property
    def query(self):
        """The query string that keeps the order asked for ("" for the default)."""
        return f"?sort={self.value}" if self.asked else ""

    @property
    def options(self):
        return [(choice, LABELS[choice]) for choice in self.choices]


def sort_control(query, choices):
    """The sort `query` (a QueryDict) asks for among `choices`, the first being the
    default; an unknown or missing `sort=` is the default, never an error."""
    asked = query.get("sort", "")
    if asked in choices:
        return SortControl(asked, tuple(choices), asked != choices[0])
    return SortControl(choices[0], tuple(choices), False)


class TitleOrdered(Sequence):
    """The items of `queryset` by title, as a sequence a Paginator can page:
    its length is the number of items, a slice loads only that slice's items."""

    def __init__(self, queryset, pks):
        self.queryset, self.pks = queryset, pks

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        wanted = self.pks[index]
        loaded = self.queryset.in_bulk(wanted)
        return [loaded[pk] for pk in wanted if pk in loaded]


def in_title_order(queryset, field="title"):
    """`queryset` (a filtered list) by `field` as the reader reads it."""
    model = queryset.model
    # A short list (most filtered ones) is sorted on its own titles; only a
    # long one needs the order of every title, which costs seconds to build
    # at 100,000 items (ICU keys in Python).
    rows = list(queryset.order_by().values_list("pk", *every_language(field))[: SHORT_LIST + 1])
    if len(rows) <= SHORT_LIST:
        return TitleOrdered(queryset.order_by(), [row[0] for row in _sorted_rows(rows, field)])
    positions = until_content_changes(
        f"title-order:{model._meta.label_lower}:{field}",
        lambda: _positions(model, field),
        language=get_language(),
    )
    # Items created since the positions were built sort last (none while the
    # content version holds: saving bumps it).
    after = len(positions)
    pks = sorted(
        queryset.order_by().values_list("pk", flat=True),
        key=lambda pk: (positions.get(pk, after), pk),
    )
    return TitleOrdered(queryset.order_by(), pks)


def _positions(model, field):
    """{pk: place in the reader's order} of every published item of `model`."""
    rows = public(model.objects).values_list("pk", *every_language(field))
    return {row[0]: place for place, row in enumerate(_sorted_rows(rows, field))}


def _sorted_rows(rows, field):
    """(pk, title in each language) rows in the reader's order of the title shown."""
    columns = every_language(field)
    language = get_language()

    def key(row):
        pk, *texts = row
        values = dict(zip(columns, texts, strict=True))
        return sort_key(shown(SimpleNamespace(**values), field).text or "", language), pk

    return sorted(rows, key=key)


class SortedListMixin:
    """For a paginated list view with `filter_form` and `public_items()` (newest
    first): `sort=` chooses the order; it is a page parameter like the filters
    (the page cache keys on it), not a filter (downloads and feeds ignore it)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if getattr(cls, "filter_form", None) is not None:
            cls.query_parameters = (*cls.filter_form.base_fields, "page", "sort")

    def sorted_list(self, queryset, filters):
        """`queryset` (filtered) in the order asked; with words searched, by
        relevance unless the reader chose otherwise."""
        searched = bool(filters.value("q"))
        choices = (RELEVANCE, NEWEST, TITLE) if searched else (NEWEST, TITLE)
        self.sort = sort_control(self.request.GET, choices)
        if self.sort.value == TITLE:
            return in_title_order(queryset)
        if self.sort.value == NEWEST and searched:
            return queryset.order_by(*self.public_items().query.order_by)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sort"] = self.sort
        return context
