"""Collations for sorting names in the reader's language (sscportal.bilingual.collated).

ICU collations where the server has ICU (PostgreSQL from Debian does): Arabic
names in Arabic alphabetical order, English ones ignoring case and accents
(Côte d'Ivoire among the Cs). A server built without ICU gets the same names
as aliases of "C", which orders Arabic letters by code point: close to the
alphabet, and never an error.
"""

from django.db import migrations

COLLATIONS = {"sscportal_ar": "ar", "sscportal_en": "en"}


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i')")
        has_icu = cursor.fetchone()[0]
        for name, locale in COLLATIONS.items():
            if has_icu:
                cursor.execute(
                    f"CREATE COLLATION IF NOT EXISTS {name} (provider = icu, locale = '{locale}')"
                )
            else:
                cursor.execute(f'CREATE COLLATION IF NOT EXISTS {name} FROM "C"')


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for name in COLLATIONS:
            cursor.execute(f"DROP COLLATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("sscportal", "0001_search_functions")]

    operations = [migrations.RunPython(create, drop)]
