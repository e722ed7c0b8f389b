"""Search support: pg_trgm and the SQL functions the generated search columns use.

The Arabic normalisation lives in the database so that stored documents and
queries go through the very same code. See sscportal/search.py.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FUNCTIONS = r"""
-- Arabic text normalisation for search, applied identically to stored
-- documents (generated columns) and to queries.
--
-- steps, in order (each can be switched off for measurement):
--   marks     diacritics (harakat, tanween, shadda, sukun, dagger alef) and tatweel removed
--   letters   alef forms أ إ آ ٱ -> ا ; ى -> ي ; ة -> ه ; ؤ -> و ; ئ -> ي
--   digits    Arabic-Indic and Persian digits -> 0-9
--   prefixes  clitics: (و|ف)?(ب|ك|ل)?ال and (و|ف)?لل, then a leading و/ف
--             conjunction when at least five letters remain (fewer, and it is
--             more often a root letter: واحة, وزارة), then a bare
--             preposition ل when at least four remain (ب and ك are left:
--             too many roots begin with them, بلدان among them)
--   suffixes  light suffix stripping, longest endings first, each only when
--             at least three letters remain: nisba endings (يات يه يين يون),
--             then plural, dual and pronoun endings (ات ون ين ان ها هم) twice,
--             then a final ه or ي
CREATE OR REPLACE FUNCTION ssc_arabic_normalize_steps(document text, steps text[])
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    result text := document;
BEGIN
    IF 'marks' = ANY(steps) THEN
        result := regexp_replace(result, '[\u064B-\u065F\u0670\u0640]', '', 'g');
    END IF;
    IF 'letters' = ANY(steps) THEN
        result := translate(result, 'أإآٱىةؤئ', 'اااايهوي');
    END IF;
    IF 'digits' = ANY(steps) THEN
        result := translate(result, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789');
    END IF;
    IF 'prefixes' = ANY(steps) THEN
        -- One pass, so a conjunction is only taken off the front of a word,
        -- never from what is left once an article is gone (الفيضانات).
        result := regexp_replace(
            result,
            '(^|[^ء-ي])(?:[وف]?[بكل]?ال|[وف]?لل|[وف](?!ال)(?=[ء-ي]{5}))([ء-ي]{2,})',
            '\1\2', 'g');
        result := regexp_replace(result, '(^|[^ء-ي])ل([ء-ي]{4,})', '\1\2', 'g');
    END IF;
    IF 'suffixes' = ANY(steps) THEN
        result := regexp_replace(result, '([ء-ي]{3,})(يات|يه|يين|يون)(?=[^ء-ي]|$)', '\1', 'g');
        -- Twice: a plural ending can sit on a dual or plural stem (فيضانات).
        result := regexp_replace(result, '([ء-ي]{3,})(ات|ون|ين|ان|ها|هم)(?=[^ء-ي]|$)', '\1', 'g');
        result := regexp_replace(result, '([ء-ي]{3,})(ات|ون|ين|ان|ها|هم)(?=[^ء-ي]|$)', '\1', 'g');
        result := regexp_replace(result, '([ء-ي]{3,})(ه|ي)(?=[^ء-ي]|$)', '\1', 'g');
    END IF;
    RETURN result;
END;
$$;

-- SET search_path: pg_restore runs with an empty search path, and this body
-- names another function of ours.
CREATE OR REPLACE FUNCTION ssc_arabic_normalize(document text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT
AS $$
    SELECT ssc_arabic_normalize_steps(
        document, ARRAY['marks', 'letters', 'digits', 'prefixes', 'suffixes']);
$$;

-- Rich text is stored as sanitized HTML; search sees only its words.
CREATE OR REPLACE FUNCTION ssc_strip_tags(document text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT regexp_replace(document, '<[^>]*>', ' ', 'g');
$$;
"""

DROP = """
DROP FUNCTION IF EXISTS ssc_strip_tags(text);
DROP FUNCTION IF EXISTS ssc_arabic_normalize(text);
DROP FUNCTION IF EXISTS ssc_arabic_normalize_steps(text, text[]);
"""


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        TrigramExtension(),
        migrations.RunSQL(FUNCTIONS, DROP),
    ]
