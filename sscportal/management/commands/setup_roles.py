"""Create (or refresh) the Editors and Publishers groups and their permissions.

Both come from the content types' declarations (sscportal.content_types):
editors work on content and only see reference data; publishers also hold
each publishable type's `publish_<model>` permission.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

from sscportal import content_types


def _codenames(model, actions):
    opts = model._meta
    return [(opts.app_label, f"{action}_{opts.model_name}") for action in actions]


def roles():
    editors, publishing = [], []
    for content_type in content_types.registered():
        if content_type.reference:
            editors += _codenames(content_type.model, ["view"])
            continue
        # Editors write and correct, and can delete (deletion asks first and
        # can be undone from history), but never make anything public.
        for model in (content_type.model, *content_type.parts):
            editors += _codenames(model, ["view", "add", "change", "delete"])
        if content_type.publishable:
            publishing.append((content_type.model._meta.app_label, content_type.publish_permission))
    for model in content_types.supporting():
        editors += _codenames(model, ["view", "add", "change", "delete"])
    return {"Editors": editors, "Publishers": editors + publishing}


class Command(BaseCommand):
    help = "Create the Editors and Publishers groups with their permissions (idempotent)."

    def handle(self, *args, **options):
        for name, wanted in roles().items():
            group, _created = Group.objects.get_or_create(name=name)
            permissions = [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in wanted
            ]
            group.permissions.set(permissions)
            self.stdout.write(f"{name}: {len(permissions)} permissions")
