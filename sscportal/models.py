"""Building blocks shared by every content model (no tables of their own)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .bilingual import LANGUAGE_CODES
from .sanitize import sanitize_html
from .search.columns import SEARCH_COLUMNS


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class PublishableManager(models.Manager):
    def get_queryset(self):
        # The generated search columns (a tsvector of all the text, ~4 KB a
        # statement) are only ever read by SQL; rows come without them.
        return super().get_queryset().defer(*SEARCH_COLUMNS)


def publishable_manager(queryset_class):
    return PublishableManager.from_queryset(queryset_class)()


class HasPublicationStatus(models.Model):
    """Draft/published state and timestamps, for content named by another key than a
    slug (an organization's key, an observance's year): only Publishers make it public."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Translated HTML fields, cleaned with the one allowlist on every save.
    rich_text_fields = ()

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for field in self.rich_text_fields:
            for code in LANGUAGE_CODES:
                column = f"{field}_{code}"
                setattr(self, column, sanitize_html(getattr(self, column)))
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


class Publishable(HasPublicationStatus):
    """Slug, draft/published state and timestamps: what all public content has."""

    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    objects = publishable_manager(PublishableQuerySet)

    class Meta:
        abstract = True


def has_text_in_some_language(field, name):
    """A check constraint: at least one language column of `field` is non-empty.

    modeltranslation stores one column per language (title_en, title_ar); an
    item may be written in either language only, but never in neither.
    """
    return models.CheckConstraint(
        condition=Q(**{f"{field}_en__gt": ""}) | Q(**{f"{field}_ar__gt": ""}),
        name=name,
        violation_error_message=_("Give a text in English, Arabic or both."),
    )
