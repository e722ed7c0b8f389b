"""Which content versions a change bumps (versions.py holds them).

A change to an item, to a row edited with it (`parts`) or to one of its
many-to-many links bumps its type's area (the item model's label) and the
pages of the countries it is shown on (`country_pages` of its declaration,
statements' for now; a country page depends on other types as a whole):
those of before the change and of after, so a country it no longer mentions
loses it too. The countries before are read in the pre_ signal and kept on
the instance until the post_ signal bumps them with the rest, so a reader
between the two cannot store the old page under the new version.

Telling countries apart costs a query or two per change. A transaction that
has asked PRECISE_LOOKUPS times (some twenty items: an import, an admin action
on many) stops asking and bumps every country page instead, still once, on
commit.
"""

from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)

from . import versions
from .versions import COUNTRY_TAG, EVERY_COUNTRY

PRECISE_LOOKUPS = 100
_BEFORE = "_sscportal_countries_before"
_watched = set()  # every area watched: what a page depends on unless it says otherwise


def area(content_type):
    """The version field of a content type: its model's label."""
    return content_type.model._meta.label


def watched_areas():
    return set(_watched)


def _field_to(part, model):
    """The foreign key from a part row to its item."""
    for field in part._meta.concrete_fields:
        if field.is_relation and field.related_model is model:
            return field.attname
    raise LookupError(f"{part.__name__} has no foreign key to {model.__name__}")


def _precise():
    """False once the open transaction has changed too many items to say their countries."""
    pending = versions.this_transaction()
    if pending is None:
        return True
    if EVERY_COUNTRY in pending.fields:
        return False
    pending.changes += 1
    if pending.changes > PRECISE_LOOKUPS:
        pending.fields.add(EVERY_COUNTRY)
        return False
    return True


class _Watcher:
    def __init__(self, content_type, model):
        self.item_model = content_type.model
        self.area = area(content_type)
        self.lookups = content_type.country_pages
        self.to_item = None if model is content_type.model else _field_to(model, self.item_model)

    def countries(self, instance):
        """Tags of the pages of the countries the instance's item is shown on now."""
        item_pk = instance.pk if self.to_item is None else getattr(instance, self.to_item)
        if not self.lookups or item_pk is None:
            return set()
        if not _precise():
            return {EVERY_COUNTRY}
        codes = set()
        for lookup in self.lookups:
            codes.update(
                self.item_model.objects.filter(pk=item_pk).values_list(f"{lookup}__iso2", flat=True)
            )
        return {COUNTRY_TAG.format(code=code.lower()) for code in codes if code}

    def before(self, instance):
        if self.lookups and instance.pk is not None and not instance._state.adding:
            setattr(instance, _BEFORE, self.countries(instance))

    def after(self, instance):
        tags = {self.area, *self.countries(instance), *instance.__dict__.pop(_BEFORE, ())}
        versions.bump(tags)

    # The signals' receivers.

    def pre_save(self, sender, instance, raw=False, **kwargs):
        self.before(instance)

    def post_save(self, sender, instance, **kwargs):
        self.after(instance)

    def m2m_changed(self, sender, instance, action, **kwargs):
        if not isinstance(instance, self.item_model):
            # Changed from the other side (a country's statements): which items is not said.
            if action.startswith("post_"):
                versions.bump({self.area, EVERY_COUNTRY} if self.lookups else {self.area})
        elif action.startswith("pre_"):
            self.before(instance)
        else:
            self.after(instance)


def watch(content_type):
    """Bump the versions whenever an item of `content_type`, a row edited with
    it or one of its many-to-many links changes (see the module)."""
    _watched.add(area(content_type))
    for model in (content_type.model, *content_type.parts):
        watcher = _Watcher(content_type, model)
        label = model._meta.label
        # weak=False: the watcher lives as long as its receivers.
        pre_save.connect(watcher.pre_save, sender=model, weak=False, dispatch_uid=f"v-pre-{label}")
        post_save.connect(
            watcher.post_save, sender=model, weak=False, dispatch_uid=f"v-save-{label}"
        )
        pre_delete.connect(
            watcher.pre_save, sender=model, weak=False, dispatch_uid=f"v-pre-del-{label}"
        )
        post_delete.connect(
            watcher.post_save, sender=model, weak=False, dispatch_uid=f"v-del-{label}"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                watcher.m2m_changed,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"v-m2m-{label}-{field.name}",
            )
