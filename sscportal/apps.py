import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class SscportalConfig(AppConfig):
    """The ground: shared helpers and the SQL functions search relies on (its migrations).

    Content types register themselves (sscportal.content_types), so nothing
    here names a model of another app.
    """

    name = "sscportal"
    verbose_name = _("Site")

    def ready(self):
        from sscportal import content_types
        from sscportal.models import GlossaryEntry
        from sscportal.operations import sentry

        # The search's glossary is reference data: its edits change rankings,
        # which are kept until content changes, and it keeps no history.
        content_types.register(content_types.ContentType(GlossaryEntry, reference=True))

        # Said here, once logging is configured, rather than from the settings.
        if settings.SENTRY_DSN and not sentry.started:
            logger.warning(
                "SENTRY_DSN is set but sentry-sdk is not installed (pip install '.[sentry]'): "
                "errors are not sent to Sentry."
            )
