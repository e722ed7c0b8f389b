"""What every content admin shares.

- tabbed EN/AR fields, each input typed in its own direction;
- history of every save, with restore of any earlier version (simple-history);
- no lost edit: a save over someone else's newer save is refused, with what
  differs, and no request waits long for a lock (admin_locking.py);
- a list of deleted items that can be brought back;
- publishing reserved to those with the model's `publish_<model>` permission,
  at once or at a time set in advance (scheduling.py);
- a rich-text editor on the fields in the model's `rich_text_fields` (rich_text.py);
- a translation column and filter, counted on the admin's home page (translation_status.py);
- every committed save counted for /metrics, per content type (metrics.py).
"""

import datetime

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG, IGNORED_PARAMS, PAGE_VAR, ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, OperationalError, models
from django.db.models import Field
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from sscportal import content_types
from sscportal.models import Status
from sscportal.operations import metrics
from sscportal.search import search_queryset
from sscportal.text.languages import LANGUAGE_CODES, direction
from sscportal.text.rich_text import RichTextWidget, is_rich_text

from .history_links import (
    links_recorded_once,
    record_links,
    relink_others,
    restore_links,
    restore_parts,
)
from .locking import (
    LockTimeoutMixin,
    OptimisticLockingMixin,
    admin_lock_timeout,
    disk_full_message,
    is_disk_full,
    is_lock_timeout,
    lock_timeout,
)
from .scheduling import ScheduleAdminMixin
from .translation_status import TranslationStatusMixin


def _language_of_column(name):
    prefix, _sep, code = name.rpartition("_")
    return code if prefix and code in LANGUAGE_CODES else None


# Web and e-mail addresses and slugs read left to right in every language.
LEFT_TO_RIGHT_FIELDS = (models.URLField, models.EmailField, models.SlugField)


class BidiWidgetsMixin:
    """Give each translated input its language's `lang` and `dir`, and each
    address its left-to-right `dir`.

    modeltranslation only adds a CSS class to right-to-left inputs; with `dir`
    set, the browser itself lays out and types Arabic from the right, whatever
    the admin's own language.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        code = _language_of_column(db_field.name)
        if code and getattr(db_field, "translated_field", None):
            field.widget.attrs.update(lang=code, dir=direction(code))
        if isinstance(db_field, LEFT_TO_RIGHT_FIELDS):
            # An address typed right to left in the Arabic admin puts
            # "https://" at the wrong end and hides where a typo is.
            field.widget.attrs["dir"] = "ltr"
        return field


class RichTextMixin:
    """The rich-text editor on every language column of the model's `rich_text_fields`."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Chosen before the field is built, so modeltranslation's tab classes
        # and the bidi attributes land on the editor's textarea.
        if is_rich_text(self.model, db_field):
            kwargs["widget"] = RichTextWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class CountedSavesMixin:
    """Each save through the admin counts in /metrics once its transaction commits.

    A save refused afterwards (someone else's newer save, a lock timeout) is
    rolled back, and with it the count.
    """

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        metrics.count_admin_save(type(obj), "change" if change else "add")


class UnofferedLookups(Exception):  # noqa: N818 - what the editor is told about
    """Query parameters a changelist received that none of its filters offers."""

    def __init__(self, names):
        super().__init__(", ".join(names))
        self.names = names


class SafeChangeList(ChangeList):
    """A changelist that applies only the lookups its own filters offer.

    Django applies any other `field__lookup=value` of the query string that
    `lookup_allowed` lets through, straight to the query: `end_date__year=0`,
    `updated_at__iso_year=99999999999`, `status__range=0` or a lookup of no
    field reached PostgreSQL or `datetime` and answered 500 (or, for a
    relation, 400). Such parameters are refused here, before any query
    runs with them; SafeChangelistMixin leaves them out and says so.
    """

    def get_filters(self, request):
        lookup_params = self.get_filters_params()
        # Django's own check raises DisallowedModelAdminLookup (a 400) for these.
        refused = [
            name
            for name, values in lookup_params.items()
            if not all(self.model_admin.lookup_allowed(name, value, request) for value in values)
        ]
        if refused:
            raise UnofferedLookups(refused)
        specs, has_filters, remaining, duplicates, active = super().get_filters(request)
        # What no filter took, less the range the date drill-down made of its own.
        drilled = {f"{self.date_hierarchy}__gte", f"{self.date_hierarchy}__lt"}
        unoffered = [
            name
            for name in remaining
            if not (self.date_hierarchy and name in drilled and name not in lookup_params)
        ]
        if unoffered:
            raise UnofferedLookups(unoffered)
        return specs, has_filters, remaining, duplicates, active


def _shown(name):
    """A parameter name as a message may quote it: printable, and short."""
    printable = "".join(c if c.isprintable() else "\ufffd" for c in name)
    return printable if len(printable) <= 60 else f"{printable[:59]}…"


class SafeChangelistMixin:
    """Hostile list parameters never give a 500.

    A lookup the list does not offer (see SafeChangeList) is left out: the
    editor is sent to the list with the other parameters kept, and told which
    were left out. Hostile values of the lookups it offers are "wacky
    lookups" (Django's redirect to `?e=1`): Django lets a NUL reach
    PostgreSQL (which refuses it) and a year of 11 digits reach `datetime`
    (OverflowError) from the list filters and the date drill-down.
    """

    def get_changelist(self, request, **kwargs):
        return SafeChangeList

    def changelist_view(self, request, extra_context=None):
        try:
            names = self._unfiltered_names(request)
            if not names:
                return super().changelist_view(request, extra_context)
        except UnofferedLookups as unoffered:
            names = unoffered.names
        self.message_user(
            request,
            ngettext(
                "The list does not offer this filter, so it was left out: %(names)s",
                "The list does not offer these filters, so they were left out: %(names)s",
                len(names),
            )
            % {"names": ", ".join(_shown(name) for name in names[:5])},
            messages.WARNING,
        )
        kept = [
            (name, value)
            for name, values in request.GET.lists()
            if name not in names
            for value in values
        ]
        return redirect(f"{request.path}?{urlencode(kept)}" if kept else request.path)

    def _unfiltered_names(self, request):
        """Parameters no filter of the list can take, whatever their value.

        The cheap part of SafeChangeList's check, made before the list is
        built (its filters query the database): a filter's parameters start
        with its field's path (or are its `parameter_name`), the date
        drill-down's with its field's. Anything else is left out at once.
        """
        prefixes = [self.date_hierarchy] if self.date_hierarchy else []
        for list_filter in self.get_list_filter(request):
            if isinstance(list_filter, (tuple, list)):
                list_filter = list_filter[0]
            if isinstance(list_filter, str):
                prefixes.append(list_filter)
            elif isinstance(list_filter, Field):
                prefixes.append(list_filter.name)
            else:
                prefixes.append(getattr(list_filter, "parameter_name", None) or "")
        return [
            name
            for name in request.GET
            if name not in (*IGNORED_PARAMS, PAGE_VAR, ERROR_FLAG)
            and not any(name == p or name.startswith(f"{p}__") for p in prefixes if p)
        ]

    def get_changelist_instance(self, request):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise IncorrectLookupParameters("a NUL character in the query")
        if self.date_hierarchy:
            for part in ("year", "month", "day"):
                value = request.GET.get(f"{self.date_hierarchy}__{part}")
                if value is not None and not (value.isdecimal() and len(value) <= 4):
                    raise IncorrectLookupParameters(f"{part} {value!r} is not a small number")
        return super().get_changelist_instance(request)


class RecoverDeletedMixin:
    """A page listing deleted items of this model, each restorable from its history."""

    change_list_template = "admin/sscportal/change_list.html"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name=f"{name}_deleted",
            ),
            path(
                "deleted/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{name}_restore",
            ),
            *super().get_urls(),
        ]

    def deleted_records(self):
        return deleted_history(self.model)

    def deleted_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Deleted %(name)s") % {"name": self.model._meta.verbose_name_plural},
            "records": self.deleted_records().order_by("-history_date")[:200],
        }
        return TemplateResponse(request, "admin/sscportal/deleted_list.html", context)

    def restore_view(self, request, history_id):
        """Bring a deleted item back as it stood when it was deleted, all or nothing."""
        if not self.has_add_permission(request) or request.method != "POST":
            raise PermissionDenied
        record = get_object_or_404(self.deleted_records(), history_id=history_id)
        instance = record.instance
        if hasattr(instance, "status") and not self.can_publish(request):
            instance.status = Status.DRAFT
        try:
            # A slug taken since by another item, say: said plainly, nothing changed.
            instance.validate_unique()
            with lock_timeout(admin_lock_timeout()):
                instance.save()
                # The deletion record has no links left (they went first); the
                # version saved just before it has them.
                restore_links(record.prev_record or record, instance)
                restore_parts(instance, record.history_date, deleted_at=record.history_date)
                # The deletion unlinked the items pointing to it, without a record.
                relinked, left = relink_others(instance, record.history_date)
                metrics.count_admin_save(type(instance), "add")
        except (ValidationError, IntegrityError, OperationalError) as error:
            if isinstance(error, ValidationError):
                reasons = error.messages
            elif isinstance(error, IntegrityError):
                reasons = [str(error)]
            elif is_lock_timeout(error):
                reasons = [self.lock_timeout_message(form=False)]
            elif is_disk_full(error):
                reasons = [disk_full_message(form=False)]
            else:
                raise
            self.message_user(
                request,
                _("“%(item)s” could not be restored: %(reasons)s")
                % {"item": instance, "reasons": " ".join(reasons)},
                messages.ERROR,
            )
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_deleted")
        self.log_addition(request, instance, [{"added": {}}])
        self.message_user(
            request, _("“%(item)s” was restored.") % {"item": instance}, messages.SUCCESS
        )
        if relinked:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item that pointed to it when it was deleted points to it "
                    "again: %(items)s",
                    "%(count)d items that pointed to it when it was deleted point to it "
                    "again: %(items)s",
                    len(relinked),
                )
                % {"count": len(relinked), "items": _named(relinked)},
                messages.SUCCESS,
            )
        if left:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item that pointed to it when it was deleted was saved since "
                    "without it, and is left as it is: %(items)s",
                    "%(count)d items that pointed to it when it was deleted were saved since "
                    "without it, and are left as they are: %(items)s",
                    len(left),
                )
                % {"count": len(left), "items": _named(left)},
                messages.WARNING,
            )
        return redirect(
            f"admin:{instance._meta.app_label}_{instance._meta.model_name}_change", instance.pk
        )

    def save_related(self, request, form, formsets, change):
        # The item's history record was written before its links were saved:
        # they are recorded on it, not in a record of their own.
        with links_recorded_once(form.instance):
            super().save_related(request, form, formsets, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to an earlier version brings back its links and rows too."""
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        return self._refuse_on_lock_timeout(
            request, self._revert, object_id, version_id, extra_context
        )

    def _revert(self, request, object_id, version_id, extra_context):
        response = super().history_form_view(request, object_id, version_id, extra_context)
        if response.status_code == 302:
            record = get_object_or_404(self.model.history, history_id=version_id)
            instance = self.model._default_manager.get(pk=record.id)
            restore_links(record, instance)
            # The version's rows: those it had until the next version was saved.
            following = record.next_record
            moment = (
                following.history_date - datetime.timedelta(microseconds=1)
                if following
                else timezone.now()
            )
            restore_parts(instance, moment)
            record_links(instance)
        return response

    def can_publish(self, request):
        return False


def _named(items, most=10):
    """ "statement “A”, event “B”…": items as a message names them."""
    names = [f"{item._meta.verbose_name} “{item}”" for item in items[:most]]
    return ", ".join(names) + ("…" if len(items) > most else "")


def deleted_history(model, **lookup):
    """The last historical record of every row of `model` (matching `lookup`) that was deleted."""
    latest = (
        model.history.filter(**lookup)
        .exclude(id__in=model.objects.values("pk"))
        .order_by("id", "-history_date", "-history_id")
        .distinct("id")
    )
    return model.history.filter(history_id__in=latest.values("history_id"), history_type="-")


class PublishingAdminMixin(ScheduleAdminMixin):
    """Only users with `publish_<model>` can change `status` and the publishing
    schedule (scheduling.py).

    An editor's save keeps the status the item had (a new item is a draft),
    whatever the form or a hand-made POST says.
    """

    actions = ["publish_selected", "unpublish_selected"]

    def can_publish(self, request):
        permission = content_types.of(self.model).publish_permission
        return request.user.has_perm(f"{self.model._meta.app_label}.{permission}")

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.can_publish(request):
            fields.append("status")
        return fields

    def save_model(self, request, obj, form, change):
        if not self.can_publish(request):
            if change:
                obj.status = type(obj).objects.values_list("status", flat=True).get(pk=obj.pk)
            else:
                obj.status = Status.DRAFT
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, status):
        changed = 0
        # One save per item, so each change is in its history.
        for item in queryset.exclude(status=status):
            item.status = status
            item.save()
            metrics.count_admin_save(type(item), "change")
            changed += 1
        return changed

    @admin.action(permissions=["publish"], description=_("Publish selected items"))
    def publish_selected(self, request, queryset):
        count = self._set_status(request, queryset, Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
        )

    @admin.action(permissions=["publish"], description=_("Unpublish selected items"))
    def unpublish_selected(self, request, queryset):
        count = self._set_status(request, queryset, Status.DRAFT)
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
        )


class SearchAdminMixin:
    """The admin's search box uses the site search (both languages, Arabic normalised),
    plus exact matches on the slug."""

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        by_slug = queryset.filter(slug=term) if hasattr(self.model, "slug") else queryset.none()
        found = search_queryset(queryset, term)
        return queryset.filter(pk__in=found.values("pk")) | by_slug, False


class TranslatedAdmin(
    CountedSavesMixin,
    LockTimeoutMixin,
    SafeChangelistMixin,
    BidiWidgetsMixin,
    TabbedTranslationAdmin,
):
    """Reference data: translated, no history of its own."""


class HistoryAdmin(
    CountedSavesMixin,
    TranslationStatusMixin,
    RichTextMixin,
    OptimisticLockingMixin,
    SafeChangelistMixin,
    RecoverDeletedMixin,
    BidiWidgetsMixin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
):
    """Content without a publication state (organizations, observances)."""


class ContentAdmin(SearchAdminMixin, PublishingAdminMixin, HistoryAdmin):
    """Initiatives, events and statements."""
