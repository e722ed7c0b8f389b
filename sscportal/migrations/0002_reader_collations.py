"""Formerly: collations for sorting names in the reader's language.

It created ICU collations, and on a server built without ICU (the embedded
PostgreSQL 18) it failed: from PostgreSQL 16 on every cluster lists an ICU
collation ("unicode") whether or not the server can use ICU, so the check it
made passed and CREATE COLLATION raised. Names are now sorted in Python with
ICU's collation (sscportal/text/collation.py), the same on every server; this
migration stays, doing nothing, so that databases which ran it keep a
consistent history, and 0003 drops the collations it may have made.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("sscportal", "0001_search_functions")]

    operations = []
