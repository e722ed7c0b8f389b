from django.core.management.base import BaseCommand

from pages.legal import LEGAL_SLUGS, create_legal_pages


class Command(BaseCommand):
    help = (
        "Create the privacy notice, terms of use and content licence pages, in both "
        "languages, where they do not exist yet; pages already there are left as edited."
    )

    def handle(self, *args, **options):
        created = create_legal_pages()
        self.stdout.write(f"{created} of {len(LEGAL_SLUGS)} legal pages created")
