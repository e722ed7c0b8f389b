"""Keys whose values live in other tables: written after the item is saved.

A list in the file is the whole truth: importing it replaces what was there.
"""

from sscportal.visibility import public_related, public_rows

from .fields import MISSING, ListOf, Record, Reference, object_schema


class Rows(ListOf):
    """Rows of another table that belong to the item (an initiative's countries with roles).

    `related_name` is the item's reverse accessor; `order_by` names the entry
    keys that sort the exported list. With `position` (a column of the rows,
    e.g. `order`) the list's own order is the truth: kept on import, written
    back on export (an event's speakers, in the order they speak).
    """

    is_relation = True

    def __init__(
        self, related_name, fields, *, order_by=(), position=None, unique_by=MISSING, **kwargs
    ):
        super().__init__(Record(fields), unique_by=unique_by, **kwargs)
        self.related_name = related_name
        self.order_by = order_by
        self.position = position

    def bind(self, model, name):
        row_model = model._meta.get_field(self.related_name).related_model
        self.item.bind(row_model, name)

    def write(self, instance, name, value, resolve):
        rows = getattr(instance, self.related_name)
        rows.all().delete()
        for index, entry in enumerate(value):
            row = rows.model(**{rows.field.name: instance})
            if self.position:
                setattr(row, self.position, index)
            for key, field in self.item.fields.items():
                field.write(row, key, entry[key], resolve)
            row.save()

    def read(self, instance, name):
        return self._read(instance, public=False)

    def read_public(self, instance, name):
        return self._read(instance, public=True)

    def _read(self, instance, public):
        fields = self.item.fields
        rows = getattr(instance, self.related_name).all()
        if public:
            # A row is about what it names (a partner): without it, the row goes too.
            rows = public_rows(rows)
        if self.position:
            rows = sorted(rows, key=lambda row: (getattr(row, self.position), row.pk))
        entries = [
            {
                key: field.read_public(row, key) if public else field.read(row, key)
                for key, field in fields.items()
            }
            for row in rows
        ]
        if self.position:
            return entries
        return sorted(entries, key=lambda entry: tuple(entry[key] for key in self.order_by))

    def prefetch(self, name):
        return [
            f"{self.related_name}__{field.attribute or key}"
            for key, field in self.item.fields.items()
            if isinstance(field, Reference)
        ] or [self.related_name]


class Links(ListOf):
    """A many-to-many field: a list of references, or of the related rows' primary keys."""

    is_relation = True

    def __init__(self, item, **kwargs):
        super().__init__(item, unique_by=None, **kwargs)

    def write(self, instance, name, value, resolve):
        if isinstance(self.item, Reference):
            value = [resolve(self.item.kind, key) for key in value]
        getattr(instance, name).set(value)

    def read(self, instance, name):
        related = getattr(instance, name).all()
        if isinstance(self.item, Reference):
            return sorted(self.item.key_of(item) for item in related)
        return sorted(item.pk for item in related)

    def read_public(self, instance, name):
        if not isinstance(self.item, Reference):
            return self.read(instance, name)
        return sorted(self.item.key_of(item) for item in public_related(instance, name))

    def prefetch(self, name):
        return [name]


class Grouped(Record):
    """An object whose keys are relations of the item stored in separate fields:
    `mentions: {"countries": [...]}` is the field `mentioned_countries`.
    Each key may be left out (an empty list); export writes every key.
    """

    is_relation = True

    def __init__(self, fields, *, prefix, **kwargs):
        super().__init__(fields, **kwargs)
        self.prefix = prefix

    def bind(self, model, name):
        for key, field in self.fields.items():
            field.bind(model, self.prefix + key)

    def empty(self):
        return {key: field.empty() for key, field in self.fields.items()}

    def write(self, instance, name, value, resolve):
        for key, field in self.fields.items():
            field.write(instance, self.prefix + key, value[key], resolve)

    def read(self, instance, name):
        return {key: field.read(instance, self.prefix + key) for key, field in self.fields.items()}

    def read_public(self, instance, name):
        return {
            key: field.read_public(instance, self.prefix + key)
            for key, field in self.fields.items()
        }

    def prefetch(self, name):
        return [p for key, field in self.fields.items() for p in field.prefetch(self.prefix + key)]

    def value_schema(self):
        return object_schema(self.fields)
