"""A section of the exchange format: one top-level list of items of one model."""

import datetime
from dataclasses import dataclass, field

from .fields import Reference


@dataclass
class Section:
    """The items of one model, named by a natural key (`slug`, `key`, `year`...).

    `rules` check across fields of one item: rule(data, path, report) -> bool.
    `check`, if given, sees the section's valid items together (a page's parent
    among the file's pages), with those of the sections read before it (a
    statement's Day among the file's observances): check(items, report,
    earlier) -> the items to write, in the order to write them; `earlier` is
    {section name: [(path, data)]}.
    A section with `in_files=False` is reference data (countries): other
    sections point to it by key, but files never carry it.
    """

    name: str
    key: str
    fields: dict = field(default_factory=dict)
    rules: tuple = ()
    check: object = None
    in_files: bool = True
    model: type = None  # the content type's model, given when it is registered

    def bind(self, model):
        self.model = model
        for name, converter in self.fields.items():
            converter.bind(model, name)

    def item(self, instance, public=False):
        """`instance` as the format writes it: the one spelling of every key, for the
        export and the API alike.

        `public`: as readers may see it, without its references to items they
        may not (a draft organization among an initiative's partners), so that
        every key it names can be looked up.
        """
        if public:
            return {name: field.read_public(instance, name) for name, field in self.fields.items()}
        return {name: field.read(instance, name) for name, field in self.fields.items()}

    def with_related(self, queryset):
        """`queryset` with what `item` needs loaded in a fixed number of queries."""
        select = [name for name, f in self.fields.items() if isinstance(f, Reference)]
        prefetch = [p for name, f in self.fields.items() if f.is_relation for p in f.prefetch(name)]
        return queryset.select_related(*select).prefetch_related(*prefetch)

    def export_queryset(self):
        """Every item, with what `item` needs loaded, sorted by natural key."""
        return self.with_related(self.model.objects.all()).order_by(self.key)


def ends_after(start, end):
    """A rule: `end`, when given, is not before `start`."""

    def rule(data, path, report):
        if data[start] and data[end] and _is_day(data[start]) != _is_day(data[end]):
            report.error(
                f"{path}.{end}",
                f"give {start} and {end} both as dates or both as dates with a time",
            )
            return False
        if data[start] and data[end] and data[end] < data[start]:
            report.error(f"{path}.{end}", f"ends before it starts ({start} is later)")
            return False
        return True

    return rule


def in_year(date, year):
    """A rule: `date` falls in the year given by the key `year`."""

    def rule(data, path, report):
        if data[date].year != data[year]:
            report.error(f"{path}.{date}", f"is not in the year {data[year]}")
            return False
        return True

    return rule


def _is_day(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
