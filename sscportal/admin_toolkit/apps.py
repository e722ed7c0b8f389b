"""django-axes under a name the admin can translate."""

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class SignInRecordsConfig(AxesConfig):
    """django-axes (INSTALLED_APPS names this class instead of "axes").

    Axes gives its app no verbose name, so the admin's index headed its
    section "AXES", in English, in every language. The label, tables and
    addresses (/admin/axes/) stay axes'.
    """

    verbose_name = _("Sign-in records")
