"""Rendered list items, cached per item, language and content version.

Most of a list page's cost is rendering its twenty items (a title in one of two
languages, countries, goals) through the template engine. An item's HTML
depends only on the item, the language and the rest of the content (names of
countries and goals), so, like whole pages, it is kept until content changes;
so is the list of ids a query returned. A page whose lists were all shown
before, in any language, asks the database nothing for them.
"""

from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .page_cache import cached_ids, content_version, versioned_get_many, versioned_set_many


def rendered_items(items, template_name, request=None, **options):
    """The HTML of `items` (a queryset, sliced or not, or a list), in order.

    Each item is rendered with `template_name`, which sees it under its model's
    name (`initiative`, `event`, `statement`) and sees `options` (e.g. heading=2).
    """
    if isinstance(items, QuerySet) and items._result_cache is None:
        pks = cached_ids(items)
        objects = None  # loaded (with their prefetches) only if an item is missing
    else:
        objects = list(items)
        pks = [item.pk for item in objects]
    if not pks:
        return ""
    prefix = ":".join(
        [
            "sscportal:item",
            template_name,
            get_language(),
            str(content_version()),
            *(f"{name}={value}" for name, value in sorted(options.items())),
        ]
    )

    def key(pk):
        return f"{prefix}:{pk}"

    found = versioned_get_many([key(pk) for pk in pks])
    if len(found) < len(pks):
        if objects is None:
            # The full query decides the order (rows tied in the ordering may
            # come back in another order than the id query's).
            objects = list(items)
            pks = [item.pk for item in objects]
        template = get_template(template_name)
        fresh = {
            key(item.pk): template.render({item._meta.model_name: item, **options}, request)
            for item in objects
            if key(item.pk) not in found
        }
        versioned_set_many(fresh)
        found.update(fresh)
    # Every part was rendered by the template engine, which escaped it.
    return mark_safe("".join(found[key(pk)] for pk in pks))  # noqa: S308
