"""Create (or refresh) the Editors and Publishers groups and their permissions."""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

# Content editors work on; reference data (countries, regions, SDGs) they only see.
CONTENT = [
    ("initiatives", "organization"),
    ("initiatives", "initiative"),
    ("initiatives", "initiativecountry"),
    ("initiatives", "initiativepartner"),
    ("events", "observance"),
    ("events", "event"),
    ("statements", "statement"),
]
REFERENCE = [
    ("initiatives", "country"),
    ("initiatives", "region"),
    ("initiatives", "sustainabledevelopmentgoal"),
]
PUBLISHABLE = [("initiatives", "initiative"), ("events", "event"), ("statements", "statement")]

ROLES = {
    # Editors write and correct, and can delete (deletion asks first and can be
    # undone from history), but never make anything public.
    "Editors": [
        *[
            (app, f"{action}_{model}")
            for app, model in CONTENT
            for action in ("view", "add", "change", "delete")
        ],
        *[(app, f"view_{model}") for app, model in REFERENCE],
    ],
}
ROLES["Publishers"] = [
    *ROLES["Editors"],
    *[(app, f"publish_{model}") for app, model in PUBLISHABLE],
]


class Command(BaseCommand):
    help = "Create the Editors and Publishers groups with their permissions (idempotent)."

    def handle(self, *args, **options):
        for name, wanted in ROLES.items():
            group, _created = Group.objects.get_or_create(name=name)
            permissions = [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in wanted
            ]
            group.permissions.set(permissions)
            self.stdout.write(f"{name}: {len(permissions)} permissions")
