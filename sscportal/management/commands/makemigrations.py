"""Django's makemigrations, except that a generated column whose expression
changed is rebuilt rather than altered, which PostgreSQL cannot do in place
(sscportal/search/operations.py). A language added to LANGUAGES needs it."""

from django.core.management.commands import makemigrations

from sscportal.search.operations import RebuildingAutodetector


class Command(makemigrations.Command):
    autodetector = RebuildingAutodetector
