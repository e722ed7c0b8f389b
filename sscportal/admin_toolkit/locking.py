"""No lost edit in the admin: optimistic locking of change forms, and short lock waits.

Optimistic locking: a change form carries the version of the item it was
opened at (a digest of everything the form edits: fields, many-to-many links
and inline rows). Saving compares it with the stored item, under a row lock;
if someone else saved in between, nothing is kept, and the form comes back
with the editor's values, the reason, and, field by field, the stored value
next to theirs. Saving that form again (its version is now the stored one)
is the merge: what the editor leaves is what is kept.

A change form POST that does not carry a version of the right form (a script,
a tab opened before a deploy, a hand-made form) is refused the same way, with
nothing saved: without it no comparison is possible, and accepting it would
overwrite whatever was saved meanwhile. Adding, the history's revert (which
takes the row lock through `history_form_view`), the actions and the import
need no version.

Lock waits: an admin request waits at most ADMIN_LOCK_TIMEOUT for a row
another transaction holds (an import, say), then says so instead of hanging
until the worker is killed. A write the database refuses because its disk is
full is answered the same way: the form back with the editor's values and
the reason, nothing half-written (bench/disk_full.py).
"""

import hashlib
import json
import re
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import OperationalError, connection, transaction
from django.forms.models import _get_foreign_key
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

VERSION_FIELD = "_opened_version"
# What version_of() writes: 32 lowercase hexadecimal digits.
VERSION_FORM = re.compile(r"[0-9a-f]{32}")
# Columns that change on every save, or are derived: not what an editor edits.
IGNORED_FIELDS = {"created_at", "updated_at"}


def admin_lock_timeout():
    return getattr(settings, "ADMIN_LOCK_TIMEOUT", "3s")


@contextmanager
def lock_timeout(duration):
    """Inside a transaction: wait at most `duration` for a lock, then fail with 55P03."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [duration])
        yield


def is_lock_timeout(error):
    return getattr(error.__cause__, "sqlstate", None) == "55P03"


def is_disk_full(error):
    """PostgreSQL could not extend a table or write a file: its disk is full (53100)."""
    return getattr(error.__cause__, "sqlstate", None) == "53100"


def disk_full_message(form=True):
    if not form:
        return _(
            "The database cannot store anything at the moment (its disk is full), so "
            "nothing was changed. Reading still works; try again once the administrator "
            "has freed space."
        )
    return _(
        "The database cannot store anything at the moment (its disk is full), so this "
        "item was not saved. Nothing was lost: your changes are still in the form below; "
        "save again once the administrator has freed space."
    )


def _text(field, obj):
    if getattr(field, "generated", False):
        return None
    if field.is_relation:
        related = getattr(obj, field.name)
        return "" if related is None else str(related)
    value = field.value_from_object(obj)
    if field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    return "" if value is None else str(value)


def item_state(model_admin, request, obj):
    """{label: text} of everything the change form of `obj` edits."""
    state = {}
    opts = obj._meta
    for field in opts.concrete_fields:
        if field.primary_key or field.name in IGNORED_FIELDS:
            continue
        text = _text(field, obj)
        if text is not None:
            state[str(field.verbose_name)] = text
    for field in opts.many_to_many:
        related = getattr(obj, field.name).all()
        state[str(field.verbose_name)] = "; ".join(sorted(str(item) for item in related))
    for inline in model_admin.get_inline_instances(request, obj):
        foreign_key = _get_foreign_key(type(obj), inline.model, fk_name=inline.fk_name)
        rows = inline.model._default_manager.filter(**{foreign_key.name: obj})
        texts = []
        for row in rows:
            fields = [
                f
                for f in row._meta.concrete_fields
                if not f.primary_key and f.name != foreign_key.name
            ]
            texts.append(", ".join(_text(f, row) or "" for f in fields))
        state[str(inline.model._meta.verbose_name_plural)] = "; ".join(sorted(texts))
    return state


def version_of(state):
    text = json.dumps(state, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Refusal(Exception):  # noqa: N818 - a refusal is what the editor is shown
    """Why a save was undone; the form comes back with the editor's values and this."""

    def __init__(self, message, differences=()):
        super().__init__(message)
        self.message = message
        # (label, stored value, the editor's value) for each difference.
        self.differences = differences


class LockTimeoutMixin:
    """Every admin request that writes waits a few seconds at most for a row lock."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        try:
            with lock_timeout(admin_lock_timeout()):
                return super().changeform_view(request, object_id, form_url, extra_context)
        except Refusal as refusal:
            request._admin_refusal = refusal
        except OperationalError as error:
            if is_lock_timeout(error):
                request._admin_refusal = Refusal(self.lock_timeout_message())
            elif is_disk_full(error):
                request._admin_refusal = Refusal(disk_full_message())
            else:
                raise
        # Once more, saving nothing: the form with the editor's values and the reason.
        return super().changeform_view(request, object_id, form_url, extra_context)

    def lock_timeout_message(self, form=True):
        if not form:
            return _(
                "Other changes (an import, or another editor's save) are being written "
                "to the same items, so nothing was changed. Try again in a minute."
            )
        return _(
            "This item is being changed by another process (an import, or another "
            "editor's save) and could not be saved. Nothing was lost: your changes are "
            "still in the form below; save again in a minute."
        )

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        refusal = getattr(request, "_admin_refusal", None)
        if refusal is None:
            return form_class

        class RefusedForm(form_class):
            def clean(self):
                cleaned = super().clean()
                raise forms.ValidationError(refusal.message, code="refused")
                return cleaned  # pragma: no cover

        return RefusedForm

    def _refuse_on_lock_timeout(self, request, view, *args, **kwargs):
        try:
            with lock_timeout(admin_lock_timeout()):
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                return response
        except OperationalError as error:
            if is_lock_timeout(error):
                message = self.lock_timeout_message(form=False)
            elif is_disk_full(error):
                message = disk_full_message(form=False)
            else:
                raise
        self.message_user(request, message, messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        if request.method != "POST":
            return super().delete_view(request, object_id, extra_context)
        return self._refuse_on_lock_timeout(request, super().delete_view, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method != "POST":
            return super().changelist_view(request, extra_context)
        return self._refuse_on_lock_timeout(request, super().changelist_view, extra_context)


class OptimisticLockingMixin(LockTimeoutMixin):
    """A change form saved over someone else's newer save is refused (see the module)."""

    change_form_template = "admin/sscportal/change_form.html"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self._changing(request, object_id) and not VERSION_FORM.fullmatch(
            request.POST.get(VERSION_FIELD, "")
        ):
            # get_form() turns this into a form error: nothing is saved, and the
            # form comes back with the values sent and the stored version.
            request._admin_refusal = Refusal(self.missing_version_message())
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _changing(self, request, object_id):
        if request.method != "POST" or object_id is None:
            return False
        return not (self.save_as and "_saveasnew" in request.POST)

    def missing_version_message(self):
        return _(
            "This form did not say which version of the item it was opened at (it may "
            "come from a page opened before an update of the site, or from a script), "
            "so nothing was saved: it could have overwritten someone else's changes. "
            "The form below holds the values sent; check them against the item as "
            "stored now, then save again."
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        refusal = getattr(request, "_admin_refusal", None)
        posted = request.POST.get(VERSION_FIELD, "") if request.method == "POST" else ""
        if obj is not None and change:
            if VERSION_FORM.fullmatch(posted) and not (refusal and refusal.differences):
                # A form sent back for another reason keeps the version it was opened at.
                context["opened_version"] = posted
            else:
                # Read again: after a POST, `obj` holds the form's values, not the stored ones.
                stored = type(obj)._default_manager.get(pk=obj.pk)
                context["opened_version"] = version_of(item_state(self, request, stored))
        if refusal is not None:
            context["admin_refusal"] = refusal
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        opened = request.POST.get(VERSION_FIELD)
        if change and opened:
            # Locked until the end of the request's transaction: no save can slip
            # in between this comparison and ours.
            stored = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
            theirs = item_state(self, request, stored)
            if version_of(theirs) != opened:
                request._stored_state = theirs
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        theirs = getattr(request, "_stored_state", None)
        if theirs is None:
            return
        fresh = type(form.instance)._default_manager.get(pk=form.instance.pk)
        yours = item_state(self, request, fresh)
        differences = tuple(
            (label, theirs.get(label, ""), yours.get(label, ""))
            for label in dict.fromkeys([*theirs, *yours])
            if theirs.get(label) != yours.get(label)
        )
        if not differences:
            return  # both arrived at the same item: nothing to merge
        # Raised inside the view's transaction: everything this save wrote is undone.
        raise Refusal(
            _(
                "Someone else saved this item after you opened it, so your changes were "
                "not saved. Below, each field that differs shows the stored value and "
                "yours; the form still holds yours. Correct what you need to keep of "
                "theirs, then save again."
            ),
            differences,
        )
