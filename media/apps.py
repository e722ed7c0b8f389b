from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """The media library: documents and images that content apps attach.

    It stands on the ground and names no content app: whether readers may see
    a file is asked of whatever points to it (media/visibility.py).
    """

    name = "media"
    verbose_name = _("Media library")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from sscportal import content_types
        from sscportal.text import rich_images

        from . import rich_text
        from .models import Document, Image

        # Editors upload and describe files; only their items are published.
        content_types.register_supporting(Document, Image)
        # An image in rich text is drawn from the library, with its alternative
        # text in the page's language.
        rich_images.set_resolver(rich_text.images_by_id)
        for model in (Document, Image):
            # A new alternative text or title shows on every page using it.
            post_save.connect(rich_text.renew_pages, sender=model, dispatch_uid=f"media-{model}")
            post_delete.connect(rich_text.renew_pages, sender=model, dispatch_uid=f"media-d{model}")
