"""An item's history with its links: many-to-many fields and the rows edited with it.

simple-history records an item's many-to-many links when the item is saved,
but the admin and the import save the item first and its links after: the
record would hold the links of the version before. `record_links` rewrites
them on the item's latest record once the links are saved.

An item's parts (an initiative's country and partner rows, declared as
`parts` of its content type) have histories of their own; the rows an item
had at a moment are read back from them.
"""

import datetime

from django.db import transaction
from django.forms.models import _get_foreign_key

from . import content_types

# A deletion removes the item's rows first (the cascade), then the item, all
# within a moment; a row whose deletion is recorded longer than this before
# the item's was removed on purpose earlier, and is not brought back.
CASCADE_WINDOW = datetime.timedelta(seconds=5)


def history_m2m_fields(model):
    return list(getattr(model.history.model, "_history_m2m_fields", []))


def record_links(instance):
    """Store `instance`'s current many-to-many links on its latest history record."""
    fields = history_m2m_fields(type(instance))
    if not fields:
        return
    record = instance.history.order_by("-history_date", "-history_id").first()
    if record is None:
        return
    for field in fields:
        stored = getattr(record, field.name)
        through = getattr(instance, field.name).through
        source = field.m2m_field_name()
        rows = through.objects.filter(**{source: instance})
        stored.all().delete()
        stored.model.objects.bulk_create(
            stored.model(
                history=record, **{f.name: getattr(row, f.name) for f in through._meta.fields}
            )
            for row in rows
        )


def restore_links(record, instance):
    """Give `instance` the many-to-many links history `record` holds."""
    for field in history_m2m_fields(type(instance)):
        target = field.m2m_reverse_field_name()
        getattr(instance, field.name).set(
            getattr(row, target) for row in getattr(record, field.name).all()
        )


def parts_of(model):
    """(part model, its foreign key to `model`) for each kind of row edited with `model`."""
    try:
        parts = content_types.of(model).parts
    except LookupError:
        return []
    return [(part, _get_foreign_key(model, part)) for part in parts]


def _last_records(part, foreign_key, pk, before):
    latest = (
        part.history.filter(**{foreign_key.attname: pk}, history_date__lte=before)
        .order_by("id", "-history_date", "-history_id")
        .distinct("id")
    )
    return part.history.filter(history_id__in=latest.values("history_id"))


def rows_at(part, foreign_key, pk, moment, *, deleted_at=None):
    """The history records of the `part` rows item `pk` had at `moment`.

    With `deleted_at` (the item's deletion), rows deleted by that deletion's
    cascade count as still there.
    """
    rows = []
    for record in _last_records(part, foreign_key, pk, moment):
        cascaded = deleted_at is not None and record.history_date >= deleted_at - CASCADE_WINDOW
        if record.history_type != "-" or cascaded:
            rows.append(record)
    return rows


def restore_parts(instance, moment, *, deleted_at=None):
    """Make `instance`'s part rows those it had at `moment` (see rows_at)."""
    with transaction.atomic():
        for part, foreign_key in parts_of(type(instance)):
            records = rows_at(part, foreign_key, instance.pk, moment, deleted_at=deleted_at)
            part._default_manager.filter(**{foreign_key.name: instance}).delete()
            for record in records:
                row = record.instance
                setattr(row, foreign_key.attname, instance.pk)
                row.save()
