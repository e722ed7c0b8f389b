"""Building blocks shared by every content model, and the search's glossary."""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sscportal.search.columns import SEARCH_COLUMNS
from sscportal.text.languages import LANGUAGE_CODES, default_language, every_language
from sscportal.text.sanitize import sanitize_html

# Status is the rule's vocabulary; content apps take it from here with the
# other building blocks of their models.
from sscportal.visibility import Status, is_public, published_through


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What readers may see (sscportal/visibility.py decides)."""
        return self.filter(published_through())


class PublishableManager(models.Manager):
    def get_queryset(self):
        # The generated search columns (a tsvector of all the text, ~4 KB a
        # statement) are only ever read by SQL; rows come without them.
        columns = [column for column in SEARCH_COLUMNS if hasattr(self.model, column)]
        return super().get_queryset().defer(*columns)


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
    # The embargo: `manage.py publish_scheduled`, run every minute, publishes a
    # draft once its publish_at has come and takes a published item down once
    # its unpublish_at has; each field is emptied when it has been acted on.
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A draft is published at this time, within a minute. Empty: by hand."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A published item returns to draft at this time. Empty: it stays."),
    )

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

    def clean(self):
        super().clean()
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            raise ValidationError(
                {"unpublish_at": _("Unpublish after the time of publication, not before it.")}
            )

    @property
    def is_published(self):
        return is_public(self)

    def venue_zone(self):
        """The IANA time zone of where the item happens, if it happens somewhere:
        the admin shows scheduled times in it too."""
        return None

    @property
    def is_scheduled(self):
        """A draft waiting for its time of publication."""
        return self.status == Status.DRAFT and self.publish_at is not None


class Publishable(HasPublicationStatus):
    """Slug, draft/published state and timestamps: what all public content has."""

    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    objects = publishable_manager(PublishableQuerySet)

    class Meta:
        abstract = True


def has_text_in_some_language(field, name):
    """A check constraint: at least one language column of `field` is non-empty.

    modeltranslation stores one column per language (title_en, title_ar); an
    item may be written in any one language only, but never in none.
    """
    return models.CheckConstraint(
        condition=reduce(or_, (Q(**{f"{column}__gt": ""}) for column in every_language(field))),
        name=name,
        violation_error_message=_("Give a text in at least one language."),
    )


class GlossaryTopic(models.TextChoices):
    SECTOR = "sector", _("Sector")
    INSTRUMENT = "instrument", _("Instrument of cooperation")
    GOALS = "goals", _("Sustainable Development Goals")
    UNITED_NATIONS = "un", _("United Nations")
    GENERAL = "general", _("Development, general")


class GlossaryEntry(models.Model):
    """One term of South-South cooperation in every language, with its variants.

    The search finds a query's words also in their other languages through
    these (sscportal.search.glossary): "food security" finds an item written
    only in Arabic about "الأمن الغذائي". The entries come from
    sscportal/search/glossary.json (load_reference_data); editors add more.
    """

    term = models.CharField(_("term"), max_length=200, blank=True)
    variants = models.TextField(
        _("variants"),
        blank=True,
        help_text=_("Other ways of writing it (plural, acronym, spelling), one a line."),
    )
    topic = models.CharField(_("topic"), max_length=12, choices=GlossaryTopic)

    class Meta:
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary")
        ordering = [default_language("term")]
        constraints = [has_text_in_some_language("term", "glossary_entry_has_term")]

    def __str__(self):
        return self.term

    def phrases(self, code):
        """The term and its variants in the language `code`."""
        lines = [getattr(self, f"term_{code}") or ""]
        lines += (getattr(self, f"variants_{code}") or "").splitlines()
        return [line.strip() for line in lines if line.strip()]
