from django.core.management.base import BaseCommand

from exchange.schema import SCHEMA_FILE, schema_text


class Command(BaseCommand):
    help = "Write the JSON Schema of content documents (docs/content-format.schema.json)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="fail if the file is stale")

    def handle(self, *args, check=False, **options):
        text = schema_text()
        if check:
            if SCHEMA_FILE.read_text(encoding="utf-8") != text:
                self.stderr.write(f"{SCHEMA_FILE} is stale: run manage.py content_schema")
                raise SystemExit(1)
            return
        SCHEMA_FILE.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {SCHEMA_FILE}")
