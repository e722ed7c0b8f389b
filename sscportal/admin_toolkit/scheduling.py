"""The publishing schedule in the admin: its fields, kept for publishers; its
column and filter on every list; the overview of every type on the home page.

Times are shown in the editor's time zone (the active one: settings.TIME_ZONE)
and, for an item held somewhere (an event, a statement made at one), in the
venue's too, because that is where the embargo is announced.
"""

import zoneinfo

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from sscportal.scheduling import scheduled_items
from sscportal.visibility import Status

SCHEDULE_FIELDS = ("publish_at", "unpublish_at")
PARAMETER = "scheduled"


def _moment(when, zone=None):
    """ "12 Sept 2026, 09:00 UTC": a time in a zone (the active one by default)."""
    local = timezone.localtime(when, zone)
    return f"{formats.localize(local.replace(tzinfo=None))} {local.tzname()}"


def time_lines(item, when):
    """A scheduled time in the editor's zone, then in the venue's if it differs."""
    lines = [_moment(when)]
    zone_name = item.venue_zone()
    if zone_name and zone_name != timezone.get_current_timezone_name():
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return lines
        lines.append(
            _("%(time)s at the venue (%(zone)s)") % {"time": _moment(when, zone), "zone": zone_name}
        )
    return lines


def schedule_cell(item):
    """What the list's "schedule" column says of an item; empty when nothing is scheduled."""
    rows = []
    if item.status == Status.DRAFT and item.publish_at:
        rows.append((_("To be published"), time_lines(item, item.publish_at)))
    if item.status == Status.PUBLISHED and item.unpublish_at:
        rows.append((_("To be unpublished"), time_lines(item, item.unpublish_at)))
    return format_html_join(
        "",
        "<div>{}: {}</div>",
        ((label, " · ".join(str(line) for line in lines)) for label, lines in rows),
    )


class ScheduledFilter(admin.SimpleListFilter):
    title = _("schedule")
    parameter_name = PARAMETER

    def lookups(self, request, model_admin):
        return [
            ("publish", _("To be published")),
            ("unpublish", _("To be unpublished")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "publish":
            return queryset.filter(status=Status.DRAFT, publish_at__isnull=False)
        if self.value() == "unpublish":
            return queryset.filter(status=Status.PUBLISHED, unpublish_at__isnull=False)
        return queryset


class ScheduleCheckedForm:
    """A time set now must still be to come: a past one would act at once, unseen.

    A draft meant to be public now is published with its status instead. Mixed
    into the admin's own form class (ScheduleAdminMixin.get_form).
    """

    def clean(self):
        cleaned = super().clean()
        now = timezone.now()
        messages = {
            "publish_at": _(
                "This time has passed. To publish now, set the status to Published; "
                "otherwise choose a time still to come."
            ),
            "unpublish_at": _(
                "This time has passed. To unpublish now, set the status to Draft; "
                "otherwise choose a time still to come."
            ),
        }
        for name, message in messages.items():
            when = cleaned.get(name)
            if name in self.changed_data and when is not None and when <= now:
                self.add_error(name, message)
        return cleaned


class ScheduleAdminMixin:
    """The schedule's fields in a section of their own, read-only to editors who
    cannot publish; its column and filter on the list."""

    def schedule_editable(self, request):
        return self.can_publish(request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = [field for field in options["fields"] if field not in SCHEDULE_FIELDS]
            fieldsets.append((name, {**options, "fields": fields}))
        return [*fieldsets, (_("Publishing schedule"), {"fields": list(SCHEDULE_FIELDS)})]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.schedule_editable(request):
            fields += [field for field in SCHEDULE_FIELDS if field not in fields]
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not any(field in form.base_fields for field in SCHEDULE_FIELDS):
            return form
        return type(form.__name__, (ScheduleCheckedForm, form), {})

    def save_model(self, request, obj, form, change):
        # What the form says is ignored for those who may not schedule (a
        # hand-made POST included): the item keeps its schedule, a new one has none.
        if not self.schedule_editable(request):
            stored = (
                type(obj).objects.filter(pk=obj.pk).values(*SCHEDULE_FIELDS).first()
                if change
                else None
            ) or dict.fromkeys(SCHEDULE_FIELDS)
            for field, value in stored.items():
                setattr(obj, field, value)
        super().save_model(request, obj, form, change)

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        place = columns.index("status") + 1 if "status" in columns else len(columns)
        return [*columns[:place], "schedule", *columns[place:]]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), ScheduledFilter]

    @admin.display(description=_("schedule"))
    def schedule(self, item):
        return schedule_cell(item)


def overview_rows(admin_site, request, limit=50):
    """Every scheduled item the user may see, soonest first, for the admin's home page."""
    rows = []
    for item, field, when in scheduled_items(limit):
        model_admin = admin_site._registry.get(type(item))
        if model_admin is None or not model_admin.has_view_permission(request, item):
            continue
        opts = item._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            url = ""
        rows.append(
            {
                "item": item,
                "kind": opts.verbose_name,
                "action": _("To be published") if field == "publish_at" else _("To be unpublished"),
                "times": time_lines(item, when),
                "url": url,
            }
        )
    return rows
