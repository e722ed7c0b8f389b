"""The translation dashboard on the admin's home page (templates/admin/index.html)."""

from django import template
from django.contrib import admin

from sscportal.admin_toolkit.translation_status import dashboard_rows

register = template.Library()


@register.inclusion_tag("admin/sscportal/translation_dashboard.html", takes_context=True)
def translation_dashboard(context):
    return {"rows": dashboard_rows(admin.site, context["request"])}
