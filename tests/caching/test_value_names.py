"""Every cached value says its language: a code, or EVERY_LANGUAGE, never a name
that has the language formatted into it (or forgot to)."""

import ast
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation

from initiatives.models import Initiative
from sscportal.caching import values
from sscportal.caching.fragments import fragment_key, rendered_items
from sscportal.caching.values import (
    EVERY_LANGUAGE,
    cached_count,
    cached_ids,
    per_query,
    until_content_changes,
)

from .. import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Where cache calls are made: the pages (front/) and the ground (sscportal/),
# and the content apps too, which call cached_count and per_query.
SOURCES = ("front", "sscportal", "initiatives", "events", "statements", "resources", "pages")


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0
    return settings


@pytest.fixture(params=[True, False], ids=["worker-memory", "shared-cache-only"])
def worker_memory(request, settings, monkeypatch):
    settings.CACHE_WORKER_MEMORY = request.param
    monkeypatch.setattr(values, "_this_process", {})
    return request.param


# The language has to be said.


def test_naming_a_value_without_its_language_is_a_type_error():
    with pytest.raises(TypeError, match="language"):
        until_content_changes("probe", lambda: "value")
    with pytest.raises(TypeError, match="language"):
        values.value_key("probe")
    with pytest.raises(TypeError, match="language"):
        fragment_key("item", "includes/initiative_link.html", 1)
    with pytest.raises(TypeError, match="language"):
        rendered_items(Initiative.objects.all(), "includes/initiative_link.html")


def test_the_language_is_checked_even_while_the_cache_does_not_answer(monkeypatch):
    monkeypatch.setattr(values, "cache_available", lambda: False)
    assert until_content_changes("probe", lambda: "built", language="ar") == "built"
    with pytest.raises(TypeError, match="language"):
        until_content_changes("probe", lambda: "built")
    with pytest.raises(ValueError, match="EVERY_LANGUAGE"):
        until_content_changes("probe", lambda: "built", language=None)


@pytest.mark.parametrize("language", [None, "", "fr", "ar-eg", "KE", True])
def test_a_language_must_be_a_configured_code_or_every_language(language):
    # None in particular: get_language() returns it when translation is
    # deactivated, and it must not pass for "the same in every language".
    with pytest.raises(ValueError, match="EVERY_LANGUAGE"):
        until_content_changes("probe", lambda: "value", language=language)


def test_a_fragment_is_always_in_one_language():
    with pytest.raises(ValueError, match="language code"):
        fragment_key("item", "includes/initiative_link.html", 1, language=EVERY_LANGUAGE)
    with pytest.raises(ValueError, match="language code"):
        rendered_items(
            Initiative.objects.all(), "includes/initiative_link.html", language=EVERY_LANGUAGE
        )


# Two languages, two values; every language, one.


def test_the_same_name_in_two_languages_is_two_values(worker_memory):
    builds = []

    def build(text):
        def built():
            builds.append(text)
            return text

        return built

    assert until_content_changes("options:probe", build("English"), language="en") == "English"
    assert until_content_changes("options:probe", build("عربي"), language="ar") == "عربي"
    # Each is kept: asked again, neither is built again nor served to the other language.
    assert until_content_changes("options:probe", build("again"), language="en") == "English"
    assert until_content_changes("options:probe", build("again"), language="ar") == "عربي"
    assert builds == ["English", "عربي"]
    assert values.value_key("options:probe", language="en") != values.value_key(
        "options:probe", language="ar"
    )


def test_a_value_the_same_in_every_language_is_built_once_and_shared(worker_memory):
    builds = []

    def count():
        builds.append(1)
        return 42

    for language in ("en", "ar", "en"):
        with translation.override(language):
            assert until_content_changes("home-probe", count, language=EVERY_LANGUAGE) == 42
    assert builds == [1]
    # ...and apart from a value of the same name kept for one language.
    assert until_content_changes("home-probe", lambda: 7, language="ar") == 7
    assert until_content_changes("home-probe", lambda: 0, language=EVERY_LANGUAGE) == 42


def test_counts_ids_and_per_query_values_are_shared_by_both_languages(
    worker_memory, django_assert_num_queries
):
    factories.InitiativeFactory.create_batch(3)
    published = Initiative.objects.published()
    with translation.override("en"):
        count = cached_count(published)
        ids = cached_ids(published.order_by("slug")[:2])
        facet = per_query("facet:probe", published, lambda: {"bilateral": published.count()})
    with translation.override("ar"), django_assert_num_queries(0):
        assert cached_count(published) == count == 3
        assert cached_ids(published.order_by("slug")[:2]) == ids
        assert per_query("facet:probe", published, lambda: None) == facet == {"bilateral": 3}


def test_items_are_rendered_and_kept_in_the_language_their_keys_name(worker_memory):
    factories.InitiativeFactory(slug="named", title_en="Named in English", title_ar="مسماة")
    listed = Initiative.objects.filter(slug="named")
    template = "includes/initiative_link.html"
    with translation.override("en"):
        english = rendered_items(listed, template, language="en")
        # Asked for Arabic while English is active: Arabic, under the Arabic key.
        arabic = rendered_items(listed, template, language="ar")
    assert "Named in English" in english and "مسماة" not in english
    assert "مسماة" in arabic and "Named in English" not in arabic
    with translation.override("ar"):
        assert rendered_items(listed, template, language="ar") == arabic
        assert rendered_items(listed, template, language="en") == english


def test_readers_of_each_language_get_the_countries_index_in_theirs(client, no_page_cache):
    factories.InitiativeCountryFactory()  # Kenya, now on the index
    kenya = factories.country("KE")
    english = client.get("/en/countries/").text
    arabic = client.get("/ar/countries/").text
    assert kenya.name_en in english and kenya.name_ar not in english
    assert kenya.name_ar in arabic and kenya.name_en not in arabic
    cache.clear()  # the other order, from nothing cached
    assert kenya.name_ar in client.get("/ar/countries/").text
    assert kenya.name_en in client.get("/en/countries/").text


# No call site writes the language into a name.

# Where the name is: the first argument, or (for fragments and the key
# scheme) every positional argument.
NAME_ARGUMENTS = {
    "until_content_changes": 1,
    "value_key": 1,
    "per_query": 1,
    "fragment_key": None,
    "key": None,
}
# Calls that must say language= (a value, a fragment).
SAY_LANGUAGE = {"until_content_changes", "value_key", "fragment_key", "rendered_items"}
LANGUAGE_CALLS = {"get_language", "current_language", "get_language_from_request"}


def _called(node):
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _mentions_language(expression):
    for node in ast.walk(expression):
        if isinstance(node, ast.Call) and _called(node) in LANGUAGE_CALLS:
            return True
        name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
        if isinstance(node, ast.Name | ast.Attribute) and "lang" in name.lower():
            return True
    return False


def naming_mistakes(source, filename, *, key_scheme=False):
    """The cache calls in `source` that put the language into a name, or leave it unsaid.

    `key_scheme`: the module is sscportal.caching itself, the one place that
    writes a language into a key (`versions.key`).
    """
    mistakes = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        called = _called(node)
        where = f"{filename}:{node.lineno}: {ast.unparse(node)[:100]}"
        if called in NAME_ARGUMENTS and not (called == "key" and key_scheme):
            names = node.args[: NAME_ARGUMENTS[called]]
            if any(_mentions_language(name) for name in names):
                mistakes.append(f"{where} (the language is in the name: pass language=)")
        if called in SAY_LANGUAGE:
            said = {keyword.arg for keyword in node.keywords}
            if "language" not in said and None not in said:  # None: **kwargs
                mistakes.append(f"{where} (no language=)")
    return mistakes


def test_no_call_site_writes_the_language_into_a_name():
    mistakes = []
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            relative = path.relative_to(ROOT)
            key_scheme = relative.parts[:2] == ("sscportal", "caching")
            mistakes += naming_mistakes(path.read_text(), str(relative), key_scheme=key_scheme)
    assert mistakes == []


@pytest.mark.parametrize(
    "call",
    [
        'until_content_changes(f"options:countries:{language}", build)',
        'until_content_changes(f"options:countries:{language}", build, language=language)',
        'until_content_changes(f"footer-pages:{get_language()}", build, language=EVERY_LANGUAGE)',
        'values.until_content_changes(f"charts:{pk}:{translation.get_language()}", b, language=x)',
        'until_content_changes("index:" + request.LANGUAGE_CODE, build, language="en")',
        'until_content_changes("index:{}".format(lang), build, language="en")',
        'per_query(f"facet:{name}:{get_language()}", queryset, build)',
        'fragment_key("result", digest, language, language=language)',
        'key("result", get_language(), digest)',
        'until_content_changes("home-counts", build)',
        "rendered_items(items, template_name, request)",
    ],
)
def test_the_check_finds_a_language_written_into_a_name_or_left_unsaid(call):
    assert naming_mistakes(call, "example.py") != []


@pytest.mark.parametrize(
    "call",
    [
        'until_content_changes("options:countries", build, language=language)',
        'until_content_changes("options:countries", build, language=get_language())',
        'until_content_changes(f"country-groups:{country.pk}", b, language=EVERY_LANGUAGE)',
        'per_query(f"facet:{name}", queryset, build)',
        'fragment_key("item", template_name, settings_part, pk, language=language)',
        "rendered_items(items, template_name, request, language=get_language(), **options)",
        'key("page", encoding, path)',
    ],
)
def test_the_check_lets_a_name_with_its_language_said_apart_pass(call):
    assert naming_mistakes(call, "example.py") == []
