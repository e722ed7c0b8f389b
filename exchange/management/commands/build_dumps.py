"""Build the full dumps of the current content now, ahead of the first reader who
asks for them (after an import, say); a dump already built is left as it is."""

from django.core.management.base import BaseCommand

from sscportal.open_data import dumps


class Command(BaseCommand):
    help = "Build /data/sscportal-content.json.gz and /data/sscportal-datapackage.zip now."

    def handle(self, *args, **options):
        for name in dumps.declared():
            path, version = dumps.current(name)
            self.stdout.write(f"{name}: {path} (content version {version})")
