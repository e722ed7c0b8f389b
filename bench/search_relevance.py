"""Relevance of each Arabic normalisation step, and of PostgreSQL's own `arabic` configuration.

Creates a scratch database on the server named by DATABASE_URL (or the
embedded one), loads tests/search/relevance_content.json, then measures the
Arabic and English query sets (tests/search/relevance_queries.json) with the
normalisation switched on step by step. For each variant the function
`ssc_arabic_normalize` is redefined and the generated search columns are
recomputed, so documents and queries always go through the same steps.
The baseline ranks with to_tsvector('arabic', ...) / plainto_tsquery('arabic', ...).

Run: .venv/bin/python bench/search_relevance.py
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ["marks", "letters", "digits", "prefixes", "suffixes"]


def measure():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sscportal.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tests.search.relevance import CONTENT, QUERIES, evaluate
    from tests.search.test_relevance import site_search

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    call_command("import_content", str(CONTENT), verbosity=0)

    def baseline(raw):
        sql = """
            SELECT slug FROM (
                SELECT slug, status, to_tsvector('arabic', coalesce(title_ar, '') || ' ' ||
                       coalesce(summary_ar, '') || ' ' || coalesce(description_ar, '')) ||
                       to_tsvector('english', coalesce(title_en, '') || ' ' ||
                       coalesce(summary_en, '') || ' ' || coalesce(description_en, '')) AS v
                FROM initiatives_initiative
                UNION ALL
                SELECT slug, status, to_tsvector('arabic', coalesce(title_ar, '') || ' ' ||
                       coalesce(body_ar, '')) || to_tsvector('english', coalesce(title_en, '') ||
                       ' ' || coalesce(body_en, '')) FROM statements_statement
                UNION ALL
                SELECT slug, status, to_tsvector('arabic', coalesce(title_ar, '') || ' ' ||
                       coalesce(description_ar, '')) || to_tsvector('english',
                       coalesce(title_en, '') || ' ' || coalesce(description_en, ''))
                FROM events_event
            ) AS documents
            WHERE status = 'published'
              AND v @@ (websearch_to_tsquery('arabic', %s) || websearch_to_tsquery('english', %s))
            ORDER BY ts_rank_cd(v, websearch_to_tsquery('arabic', %s) ||
                     websearch_to_tsquery('english', %s)) DESC, slug
            LIMIT 10"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [raw] * 4)
            return [row[0] for row in cursor.fetchall()]

    from events.models import Event
    from initiatives.models import Initiative
    from sscportal import search
    from statements.models import Statement

    def full_text_only(raw):
        """The site's ranking without the trigram fallback, to see each step's own effect."""
        parsed = search.parse(raw)
        if not parsed:
            return []
        ranked = []
        for model in (Initiative, Event, Statement):
            for item in search.full_text(model.objects.published(), parsed)[:10]:
                ranked.append((item.search_rank, item.slug))
        return [slug for _rank, slug in sorted(ranked, key=lambda entry: -entry[0])]

    def use_steps(steps):
        array = "ARRAY[" + ", ".join(f"'{s}'" for s in steps) + "]::text[]"
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE OR REPLACE FUNCTION ssc_arabic_normalize(document text) RETURNS text "
                "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS "
                f"$$ SELECT ssc_arabic_normalize_steps(document, {array}) $$"
            )
            for table in ("initiatives_initiative", "events_event", "statements_statement"):
                cursor.execute(f"UPDATE {table} SET title_en = title_en")  # regenerate columns

    rows = [
        (
            "PostgreSQL `arabic` configuration",
            evaluate(QUERIES["arabic"], baseline),
            evaluate(QUERIES["arabic"], baseline),
            evaluate(QUERIES["english"], baseline),
        )
    ]
    for count in range(len(STEPS) + 1):
        steps = STEPS[:count]
        use_steps(steps)
        label = "no normalisation (simple)" if not steps else "+ " + steps[-1]
        rows.append(
            (
                label,
                evaluate(QUERIES["arabic"], full_text_only),
                evaluate(QUERIES["arabic"], site_search),
                evaluate(QUERIES["english"], site_search),
            )
        )
    print(
        "| variant | Arabic, full text only | Arabic, with near misses | English |\n"
        "|---|---:|---:|---:|"
    )
    for label, *figures in rows:
        cells = " | ".join(f"{f.recall_at_10:.3f} / {f.mrr:.3f}" for f in figures)
        print(f"| {label} | {cells} |")
    print("(each cell: recall@10 / MRR)")


def main():
    import psycopg

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sscportal.settings")
    import django

    django.setup()
    from django.db import connection

    from bench.postgres_programs import database_url

    name = f"sscportal_relevance_{uuid.uuid4().hex[:8]}"
    admin = database_url(connection.settings_dict, "postgres")
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    try:
        env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, name)}
        subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True)
    finally:
        with psycopg.connect(admin, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--measure"]:
        measure()
    else:
        main()
