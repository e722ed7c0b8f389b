"""Drop the collations 0002 used to create: nothing orders by them any more."""

from django.db import migrations

DROP = "DROP COLLATION IF EXISTS sscportal_ar; DROP COLLATION IF EXISTS sscportal_en;"


class Migration(migrations.Migration):
    dependencies = [("sscportal", "0002_reader_collations")]

    operations = [migrations.RunSQL(DROP, migrations.RunSQL.noop)]
