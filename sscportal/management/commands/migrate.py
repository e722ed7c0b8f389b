"""Django's migrate, with the autodetector of this project's makemigrations
(Django checks that the two agree: migrate uses it to warn of model changes
that no migration holds yet)."""

from django.core.management.commands import migrate

from sscportal.search.operations import RebuildingAutodetector


class Command(migrate.Command):
    autodetector = RebuildingAutodetector
