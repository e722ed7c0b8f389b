"""Cached output is keyed by the release too: a deploy that changes a template
is not served the HTML the previous release cached (until the next edit)."""

from sscportal.caching import release, versions


def test_a_changed_template_changes_every_key(tmp_path, settings):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "item.html"
    template.write_text("<p>{{ item }}</p>")
    (tmp_path / "app.py").write_text("X = 1\n")
    settings.BASE_DIR = tmp_path
    release.code_release.cache_clear()
    try:
        before = versions.key("item", "en", 7)
        template.write_text("<p class=new>{{ item }}</p>")
        release.code_release.cache_clear()
        after = versions.key("item", "en", 7)
    finally:
        release.code_release.cache_clear()

    assert before != after
    assert before.split(":")[3:] == after.split(":")[3:] == ["item", "en", "7"]


def test_tests_benchmarks_and_the_virtualenv_do_not_count(tmp_path, settings):
    (tmp_path / "app.py").write_text("X = 1\n")
    settings.BASE_DIR = tmp_path
    release.code_release.cache_clear()
    try:
        first = release.code_release()
        for folder in ("tests", "bench", ".venv", "media", "x.egg-info"):
            (tmp_path / folder).mkdir()
            (tmp_path / folder / "more.py").write_text("Y = 2\n")
        release.code_release.cache_clear()
        assert release.code_release() == first
        (tmp_path / "app.py").write_text("X = 2\n")
        release.code_release.cache_clear()
        assert release.code_release() != first
    finally:
        release.code_release.cache_clear()
