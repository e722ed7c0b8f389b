"""Whether readers may fetch a library file: when something they may see uses it.

A file is public when at least one public item points to it: a row of an
attachment table whose item is published (a resource's file), an item whose
own foreign key names it (a Day's banner), or, for an image, a public item's
rich text. The relations are found from the model's reverse relations and the
content-type registry, and each asked through sscportal.visibility, so a new
attachment anywhere is covered without being named here. Staff see all.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from sscportal import content_types
from sscportal.text.languages import LANGUAGE_CODES
from sscportal.visibility import public

from .models import Image


def attached_to_public(model):
    """Q: the files of `model` (Document or Image) some public item points to."""
    conditions = [
        Q(pk__in=public(relation.related_model._default_manager).values(relation.field.attname))
        for relation in model._meta.related_objects
        if relation.one_to_many
    ]
    return reduce(or_, conditions, Q(pk__in=[]))


def is_public(item):
    """Whether readers may fetch `item`, a Document or an Image."""
    model = type(item)
    if model._default_manager.filter(attached_to_public(model), pk=item.pk).exists():
        return True
    return model is Image and in_public_rich_text(item)


def in_public_rich_text(image):
    """Whether a public item's rich text shows `image`, in any language."""
    marker = f'data-media-id="{image.pk}"'
    for content_type in content_types.registered():
        fields = getattr(content_type.model, "rich_text_fields", ())
        if not fields:
            continue
        columns = [f"{field}_{code}" for field in fields for code in LANGUAGE_CODES]
        condition = reduce(or_, (Q(**{f"{column}__contains": marker}) for column in columns))
        if public(content_type.model.objects).filter(condition).exists():
            return True
    return False


def may_fetch(user, item):
    return user.is_staff or is_public(item)
