from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from exchange.corpus import generate
from initiatives.models import Initiative


class Command(BaseCommand):
    help = "Fill an empty database with a generated bilingual corpus, for benchmarks only."

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=5_000)
        parser.add_argument("--statements", type=int, default=20_000)
        parser.add_argument("--organizations", type=int, default=500)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        # Generated items are bulk-created without history: keep them away from real content.
        if Initiative.objects.exists():
            raise CommandError("The database already holds initiatives; use an empty one.")
        generate(
            options["initiatives"],
            options["events"],
            options["statements"],
            organizations=options["organizations"],
            seed=options["seed"],
            log=self.stdout.write,
        )
        # Fresh statistics, so the planner knows the tables are big (GIN, not
        # seq scans), and a visibility map, so counts can use index-only scans.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
