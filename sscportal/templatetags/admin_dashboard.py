"""The translation dashboard and the publishing schedule on the admin's home page
(templates/admin/index.html)."""

from django import template
from django.contrib import admin

from sscportal.admin_toolkit.scheduling import overview_rows
from sscportal.admin_toolkit.translation_status import dashboard_rows

register = template.Library()


@register.inclusion_tag("admin/sscportal/translation_dashboard.html", takes_context=True)
def translation_dashboard(context):
    return {"rows": dashboard_rows(admin.site, context["request"])}


@register.inclusion_tag("admin/sscportal/scheduled_overview.html", takes_context=True)
def scheduled_overview(context):
    """Every item waiting to be published or unpublished, of every type."""
    return {"rows": overview_rows(admin.site, context["request"])}
