"""Whether readers may see a thing: the one rule, for every type and every relation.

An item is public when it is published. A kind without a status of its own is
public when the items it cannot be without are: reference data (countries,
regions, groups, goals) always; a row of a through table (an initiative's
partner role) when its initiative and its organization are (an event
speaker's organization is optional: a draft one is left out, the speaker
stays). A missing item (an empty foreign key) never is.

What is not public is named nowhere and linked from nowhere: no page, feed,
calendar, citation, sitemap, download, dump or API answer lists it, and none
names it beside a public item (a statement's organization, an event's
organizers or Day, an initiative's partners). They all ask here:

- `public(items)`: the public rows of a queryset, manager or related manager,
  for what a page lists or counts (the content apps' `published()` is the
  same filter); `published_through(path)` says it inside a lookup ("the
  organizations with a public statement");
- `public_prefetch(lookup, queryset)`: a relation prefetched with its public
  rows only, so that a list names no draft at no cost of a query per row;
- `public_related(item, name)`: what an item already loaded points to, if
  readers may see it (a foreign key: the item or None; a many relation: the
  list of its public items, from the prefetch when there is one); templates
  say it `{{ item|public:"name" }}` (front/templatetags/visibility.py);
- `is_public(item)`: the rule itself, for one item.

The leak this closes came back each time a content type grew a relation
(issue 12's draft events, issue 28's organizations), each place checking in
its own way; tests/robustness/test_unpublished_everywhere.py makes one item
of each type a draft in turn and reads every public answer for its name.
"""

from functools import cache

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def has_status(model):
    """Whether items of `model` can be unpublished: reference data cannot."""
    return any(field.name == "status" for field in model._meta.concrete_fields)


@cache
def _required_items(model):
    """The foreign keys a row of `model` cannot be without, to kinds with a status."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and not field.null and has_status(field.related_model)
    ]


def is_public(item):
    """Whether readers may see `item`."""
    if item is None:
        return False
    if has_status(type(item)):
        return item.status == Status.PUBLISHED
    # A partner role is about its organization: without it, the row says nothing.
    return all(is_public(getattr(item, name)) for name in _required_items(type(item)))


def published_through(path=""):
    """The condition "the item at `path` is published", for filter() and Q objects
    ("statements" for the organizations that made a public statement)."""
    return Q(**{f"{path}__status" if path else "status": Status.PUBLISHED})


def public(items):
    """The public items of a queryset, a manager or a related manager: `is_public`
    said in SQL."""
    queryset = items.all()
    if has_status(queryset.model):
        return queryset.filter(published_through())
    return queryset.filter(*(published_through(name) for name in _required_items(queryset.model)))


def public_prefetch(lookup, queryset):
    """A Prefetch of relation `lookup` that holds its public items only."""
    return Prefetch(lookup, queryset=public(queryset))


def public_related(item, name):
    """What `item.<name>` points to that readers may see: the related item or None
    for a foreign key; the list of public items for a many relation (prefetched or
    not: the rule is applied to the rows either way)."""
    related = getattr(item, name)
    if related is None or isinstance(related, models.Model):
        return related if is_public(related) else None
    return public_rows(related.all())


def public_rows(rows):
    """The public ones of rows already loaded (a prefetched relation's)."""
    return [row for row in rows if is_public(row)]
