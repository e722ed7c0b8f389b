"""The site's own pages: about the Day, its history, accessibility, contact."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sscportal.models import (
    Publishable,
    PublishableQuerySet,
    has_text_in_some_language,
    publishable_manager,
)
from sscportal.search.columns import search_document, search_indexes, search_text


class PageQuerySet(PublishableQuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)


class Page(Publishable):
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("body"), blank=True)
    # One level of nesting: "History and resolutions" under "About the Day".
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text=_("A page may sit under a top-level page, one level deep."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in menus and lists.")
    )

    rich_text_fields = ("body",)
    search_document = search_document(a=["title"], c=["body"], html=["body"])
    search_text = search_text()
    objects = publishable_manager(PageQuerySet)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish and unpublish pages"))]
        indexes = [*search_indexes("page")]
        ordering = ["order", "slug"]
        constraints = [
            has_text_in_some_language("title", "page_has_title"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="page_is_not_its_own_parent"
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A page cannot sit under itself.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("Choose a top-level page: pages nest one level.")})
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This page has pages under it, so it must stay at the top level.")}
            )

    def get_absolute_url(self):
        return reverse("pages:page_detail", args=[self.slug])
