"""Labels that name a language work for any language in settings.LANGUAGES.

They were written for two ("Needs Arabic", "English only"): with French
added the admin's translation filter raised KeyError and French-only text
was labelled "Arabic only".
"""

import re

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sscportal.admin_toolkit.translation_status import needs_label
from sscportal.search.columns import search_document
from sscportal.search.query import parse, tsquery_sql
from sscportal.templatetags.bilingual import _note

# As in settings: names translated when used (French from Django's own catalogue).
WITH_FRENCH = [("en", _("English")), ("ar", _("Arabic")), ("fr", _("French"))]


@override_settings(LANGUAGES=WITH_FRENCH)
def test_the_translation_filter_and_column_name_a_third_language():
    with translation.override("en"):
        assert needs_label("fr") == "Needs French"
        assert needs_label("ar") == "Needs Arabic"
    with translation.override("ar"):
        assert needs_label("en") == "تحتاج إلى الإنجليزية"


@override_settings(LANGUAGES=WITH_FRENCH)
def test_text_in_one_language_says_which():
    with translation.override("en"):
        assert _note("fr") == "This text is available in French only."
        assert _note("ar") == "This text is available in Arabic only."
    with translation.override("ar"):
        assert _note("en") == "هذا النص متوفر بالإنجليزية فقط."


FRENCH_SEARCH = {
    "en": {"configuration": "english"},
    "ar": {"configuration": "simple", "normalize": "ssc_arabic_normalize"},
    "fr": {"configuration": "french"},
}


@override_settings(LANGUAGES=WITH_FRENCH, SEARCH_LANGUAGES=FRENCH_SEARCH)
def test_a_third_language_is_indexed_and_queried_with_its_own_configuration():
    document = search_document(a=("title",)).expression
    assert "title_fr" in repr(document) and "'french'" in repr(document)
    sql, params = tsquery_sql(parse("coopération"))
    assert "plainto_tsquery('french', %s)" in sql
    # A stop word of any stemming language is dropped, not looked up as is.
    assert "numnode(plainto_tsquery('french', %s)) = 0" in sql
    assert params == ["coopération"] * sql.count("%s")


@override_settings(LANGUAGES=WITH_FRENCH, SEARCH_LANGUAGES={})
def test_a_language_without_a_configuration_is_searched_simply():
    sql, _params = tsquery_sql(parse("word"))
    assert sql.count("plainto_tsquery('simple', %s)") == 3
    assert "CASE" not in sql


@pytest.mark.django_db
def test_the_language_switch_names_each_other_language_in_itself(client):
    html = client.get("/en/").content.decode()
    switch = re.findall(r'<a class="language-switch" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert switch == [("/ar/", "العربية")]


def test_each_language_falls_back_to_the_others_in_settings_order():
    from sscportal.settings import language_fallbacks

    assert language_fallbacks(WITH_FRENCH) == {
        "default": ("en", "ar", "fr"),
        "en": ("ar", "fr"),
        "ar": ("en", "fr"),
        "fr": ("en", "ar"),
    }


def test_a_citation_is_written_with_the_csl_locale_of_its_language():
    from statements.citation import csl_locale

    assert csl_locale("en") == "en-GB"  # as UN documents spell it
    assert csl_locale("ar") == "ar"
    assert csl_locale("fr") == "fr-FR"
    # A language CSL has no locale for is cited in the site's default language.
    assert csl_locale("xx") == "en-GB"


def test_opengraph_locales_follow_the_language():
    from front.templatetags.sharing import og_locale

    assert [og_locale(code) for code in ("en", "ar", "fr", "es")] == [
        "en_US",
        "ar_AR",
        "fr_FR",
        "es_ES",
    ]


def test_a_language_without_share_images_gets_the_default_languages():
    from front.templatetags.sharing import _image_language

    assert _image_language("ar") == "ar"
    assert _image_language("fr") == "en"


def test_languages_are_named_together_in_the_readers_language():
    from sscportal.text.languages import site_language_names

    with override_settings(LANGUAGES=WITH_FRENCH), translation.override("en"):
        assert site_language_names(["en", "ar"]) == "English and Arabic"
        assert site_language_names(["en", "ar", "fr"]) == "English, Arabic and French"
        assert site_language_names(["fr"]) == "French"


def test_side_by_side_rows_take_a_paragraph_from_every_version():
    from statements.paragraphs import aligned

    assert aligned(["a1", "a2"], ["b1"], ["c1", "c2", "c3"]) == [
        ("a1", "b1", "c1"),
        ("a2", None, "c2"),
        (None, None, "c3"),
    ]
