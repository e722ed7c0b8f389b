"""Admin pages of the apps before this one (users, groups, django-axes' logs):
their changelists get the same protection from hostile parameters as ours."""

from django.contrib import admin

from .admin_helpers import SafeChangelistMixin

for model, model_admin in list(admin.site._registry.items()):
    if not isinstance(model_admin, SafeChangelistMixin):
        admin_class = type(model_admin)
        admin.site.unregister(model)
        admin.site.register(
            model, type(f"Safe{admin_class.__name__}", (SafeChangelistMixin, admin_class), {})
        )
