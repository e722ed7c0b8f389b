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
from contextlib import contextmanager

from django.db import transaction
from django.db.models import SET_NULL
from django.forms.models import _get_foreign_key

from sscportal import content_types

# A deletion removes the item's rows first (the cascade), then the item, all
# within a moment; a row whose deletion is recorded longer than this before
# the item's was removed on purpose earlier, and is not brought back.
CASCADE_WINDOW = datetime.timedelta(seconds=5)


def history_m2m_fields(model):
    return list(getattr(model.history.model, "_history_m2m_fields", []))


@contextmanager
def links_recorded_once(instance):
    """Set `instance`'s many-to-many links inside the block, then record them.

    simple-history writes a whole new record for each list an item's links
    change in (an import or an admin save of a resource made four records);
    inside the block it writes none, and at its end the links are stored on
    the record the item's save wrote (record_links). The block must not save
    the item itself: that save would go unrecorded.
    """
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving
    record_links(instance)


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
    """Give `instance` the many-to-many links history `record` holds (and record them)."""
    with links_recorded_once(instance):
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


def links_from_others(model):
    """(model, field, many) for each field of a kept type that points to `model` and
    that deleting a row of `model` clears without a record in the pointing item's
    history: foreign keys set to null, many-to-many links the history keeps."""
    for content_type in content_types.registered():
        if content_type.reference:
            continue
        other = content_type.model
        for field in other._meta.concrete_fields:
            if (
                field.is_relation
                and field.related_model is model
                and field.remote_field.on_delete is SET_NULL
            ):
                yield other, field, False
        for field in history_m2m_fields(other):
            if field.related_model is model:
                yield other, field, True


def _pointing(other, field, many, pk, before=None):
    """{item id: history id} of the items of `other` whose last record (at or
    before `before`) has `field` pointing to row `pk`."""
    records = other.history.all()
    if before is not None:
        records = records.filter(history_date__lte=before)
    latest = records.order_by("id", "-history_date", "-history_id").distinct("id")
    if many:
        kept = getattr(other.history.model, field.name).model
        records = other.history.filter(
            history_id__in=kept.objects.filter(
                **{f"{field.m2m_reverse_field_name()}_id": pk}
            ).values("history_id")
        )
    else:
        records = other.history.filter(**{field.attname: pk})
    pointing = records.filter(history_id__in=latest.values("history_id"))
    return dict(pointing.values_list("id", "history_id"))


def relink_others(instance, deleted_at):
    """After `instance` is restored: the items that pointed to it when it was deleted
    point to it again, unless they were saved since (then their editor's save counts).

    Returns (the items linked again, the items left as they are).
    """
    relinked, left = {}, {}
    for other, field, many in links_from_others(type(instance)):
        then = _pointing(other, field, many, instance.pk, before=deleted_at)
        if not then:
            continue
        still = _pointing(other, field, many, instance.pk)
        for item in other._default_manager.filter(pk__in=then):
            if many and getattr(item, field.name).filter(pk=instance.pk).exists():
                continue
            if not many and getattr(item, field.attname) == instance.pk:
                continue
            if item.pk not in still:
                left[(other, item.pk)] = item
            elif many:
                with links_recorded_once(item):
                    getattr(item, field.name).add(instance)
                relinked[(other, item.pk)] = item
            else:
                setattr(item, field.attname, instance.pk)
                item.save()
                relinked[(other, item.pk)] = item
    return list(relinked.values()), list(left.values())
