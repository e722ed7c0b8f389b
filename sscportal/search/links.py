"""The names of what an item is linked to, folded into its search document.

Half the items exist in one language only. Their countries, partners, goals
and Day have names in every language, so an item's `linked_names` column
holds those names (each type declares its links, content_types.Search.links)
and the search document indexes it with the lowest weight: "Sri Lanka" finds
an event written only in Arabic that Sri Lanka's mission organized.

A generated column cannot read other rows, so the column is kept here: one
UPDATE recomputes it whenever the item, one of its links or a linked thing's
name changes (connected by content_types.register for every type with links);
an import notes those rows and refreshes them once, at its end (refreshed_on_leaving).
"""

import threading
from contextlib import contextmanager

from django.contrib.postgres.aggregates import StringAgg
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Func, OuterRef, Subquery, Value
from django.db.models.signals import m2m_changed, post_delete, post_save

from sscportal.visibility import has_status, published_through

from .languages import search_languages


class _ConcatWs(Func):
    """concat_ws(' ', ...): NULLs (a missing link, an empty language) are skipped."""

    function = "concat_ws"
    output_field = models.TextField()

    def __init__(self, *expressions):
        super().__init__(Value(" "), *expressions)


def _related_model(model, relation):
    for name in relation.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def _columns(model, field):
    """The columns of `field`: one per language when it is translated."""
    try:
        return [
            model._meta.get_field(f"{field}_{language.code}").name
            for language in search_languages()
        ]
    except FieldDoesNotExist:
        return [field]


def _exists(model, relation):
    try:
        _related_model(model, relation)
    except FieldDoesNotExist:
        return False
    return True


def linked_names_expression(model, links):
    """An SQL expression of `model`'s row: the linked names, in every language.

    A migration's model (apps.get_model) may predate a link declared today (an
    event speaker's person): a relation it does not have yet lends no names.
    """
    parts = []
    for relation, fields in links:
        if not _exists(model, relation):
            continue
        related = _related_model(model, relation)
        columns = [column for field in fields for column in _columns(related, field)]
        # No ordering: the model's default one orders nothing in a one-row
        # subquery and cost a sort per row.
        rows = model._base_manager.filter(pk=OuterRef("pk")).order_by()
        # Only public things lend their names (sscportal/visibility.py): a draft
        # organization's name must not find the initiatives it partners.
        if has_status(related):
            rows = rows.filter(published_through(relation))
        names = StringAgg(
            _ConcatWs(*(F(f"{relation}__{column}") for column in columns)),
            delimiter=" ",
            distinct=True,
        )
        parts.append(Subquery(rows.values("pk").annotate(names=names).values("names")))
    return _ConcatWs(*parts)


def refresh_linked_names(model, links, pks=None):
    """Recompute `linked_names` of the rows `pks` of `model` (all when None), in one UPDATE."""
    rows = model._base_manager.all()
    if pks is not None:
        pks = [pk for pk in pks if pk is not None]
        if not pks:
            return
        rows = rows.filter(pk__in=pks)
    rows.update(linked_names=linked_names_expression(model, links))


# Rows per UPDATE when a deferred refresh catches up.
DEFERRED_BATCH = 1000

_deferred = threading.local()


@contextmanager
def refreshed_on_leaving():
    """Inside, saves only note whose linked names are stale; on leaving, each
    model's noted rows are refreshed a batch per UPDATE.

    An import saves an initiative, then each of its lists and parts: every one
    of those saves refreshed the item again (five UPDATEs an item, half the
    time of an import). The names depend only on the rows as they end up, so
    one refresh at the end, in the same transaction, gives the same column.
    """
    if getattr(_deferred, "stale", None) is not None:  # nested: the outer one refreshes
        yield
        return
    _deferred.stale = {}
    try:
        yield
        stale = _deferred.stale
    finally:
        _deferred.stale = None
    for model, (links, pks) in stale.items():
        pks = sorted(pks)
        for start in range(0, len(pks), DEFERRED_BATCH):
            refresh_linked_names(model, links, pks[start : start + DEFERRED_BATCH])


def watch_links(model, links):
    """Keep `model`'s linked names right after any save of it, its links or a linked thing."""
    label = model._meta.label

    def refresh(pks):
        stale = getattr(_deferred, "stale", None)
        if stale is None:
            refresh_linked_names(model, links, pks)
        else:
            stale.setdefault(model, (links, set()))[1].update(pk for pk in pks if pk is not None)

    def item_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            refresh([instance.pk])

    post_save.connect(item_saved, sender=model, weak=False, dispatch_uid=f"links-{label}")
    for relation, _fields in links:
        first = model._meta.get_field(relation.split("__")[0])
        if first.many_to_many and not first.auto_created:
            _watch_many_to_many(model, first, refresh)
        elif first.one_to_many:
            _watch_part(first, refresh)
        _watch_target(model, relation, refresh)


def _watch_many_to_many(model, field, refresh):
    def changed(sender, instance, action, reverse, pk_set, **kwargs):
        if action.startswith("post_"):
            refresh((pk_set or []) if reverse else [instance.pk])

    m2m_changed.connect(
        changed,
        sender=field.remote_field.through,
        weak=False,
        dispatch_uid=f"links-{model._meta.label}-{field.name}",
    )


def _watch_part(rel, refresh):
    """A row edited with the item (an initiative's country and role)."""
    part = rel.related_model
    parent = rel.field.attname

    def part_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            refresh([getattr(instance, parent)])

    uid = f"links-part-{part._meta.label}"
    post_save.connect(part_changed, sender=part, weak=False, dispatch_uid=uid)
    post_delete.connect(part_changed, sender=part, weak=False, dispatch_uid=uid)


def _watch_target(model, relation, refresh):
    """A linked thing renamed or (un)published: the items linked to it."""
    target = _related_model(model, relation)

    def renamed(sender, instance, raw=False, **kwargs):
        if not raw:
            linked = model._base_manager.filter(**{relation: instance.pk})
            refresh(list(linked.values_list("pk", flat=True).distinct()))

    post_save.connect(
        renamed,
        sender=target,
        weak=False,
        dispatch_uid=f"links-{model._meta.label}-{relation}",
    )
