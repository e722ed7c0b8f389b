"""Admin pages of the apps before this one (users, groups, django-axes' logs):
their changelists get the same protection from hostile parameters as ours."""

from django.contrib import admin

from sscportal.admin_toolkit.model_admin import SafeChangelistMixin, TranslatedAdmin
from sscportal.models import GlossaryEntry
from sscportal.text.languages import default_language, every_language

for model, model_admin in list(admin.site._registry.items()):
    if not isinstance(model_admin, SafeChangelistMixin):
        admin_class = type(model_admin)
        admin.site.unregister(model)
        admin.site.register(
            model, type(f"Safe{admin_class.__name__}", (SafeChangelistMixin, admin_class), {})
        )


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(TranslatedAdmin):
    """The search's bilingual glossary: reference data, edited without history."""

    list_display = every_language("term")
    list_filter = ["topic"]
    search_fields = every_language("term", "variants")
    ordering = [default_language("term")]
    # Django's own, not admin/sscportal/*.html: those are the content admins'
    # (history, deleted items), which Django would pick for this app's model.
    change_list_template = "admin/change_list.html"
    change_form_template = "admin/change_form.html"
