"""{% meta_line %}: facts joined by " · ", with no separator left dangling."""

import pytest
from django.template import Context, Template, TemplateSyntaxError, engines
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation


def render(source, **context):
    return engines["django"].from_string("{% load meta_line %}" + source).render(context)


def test_parts_are_joined_with_a_middle_dot():
    assert render("{% meta_line %}a{% part %}b{% part %}c{% endmeta_line %}") == "a · b · c"


def test_one_part_has_no_separator():
    assert render("{% meta_line %}{{ date }}{% endmeta_line %}", date="2023") == "2023"


@pytest.mark.parametrize(
    ("first", "second", "third", "expected"),
    [
        ("", "b", "c", "b · c"),
        ("a", "", "c", "a · c"),
        ("a", "b", "", "a · b"),
        ("", "", "c", "c"),
        ("", "", "", ""),
    ],
)
def test_an_empty_part_leaves_no_separator(first, second, third, expected):
    source = (
        "{% meta_line %}{% if first %}{{ first }}{% endif %}"
        "{% part %}{{ second }}{% part %}{% if third %}{{ third }}{% endif %}{% endmeta_line %}"
    )
    assert render(source, first=first, second=second, third=third) == expected


def test_a_part_may_start_in_a_loop_or_a_condition():
    source = (
        "{% meta_line %}Report"
        "{% for name, published in organizations %}{% if published %}{% part %}{{ name }}{% endif %}"
        "{% endfor %}{% endmeta_line %}"
    )
    organizations = [("UNDP", False), ("UNOSSC", True), ("OIC", False), ("SESRIC", True)]
    assert render(source, organizations=organizations) == "Report · UNOSSC · SESRIC"
    assert render(source, organizations=[("UNDP", False)]) == "Report"


def test_a_meta_line_inside_a_part_keeps_its_own_parts():
    source = "{% meta_line %}a{% part %}({% meta_line %}b{% part %}c{% endmeta_line %}){% endmeta_line %}"
    assert render(source) == "a · (b · c)"


def test_whitespace_around_a_part_is_dropped_so_parts_may_stand_on_their_own_lines():
    source = """{% meta_line %}
      <time>19 December 2008</time>
    {% part %}
      {% if venue %}
        {{ venue }}
      {% endif %}
    {% part %}
    {% endmeta_line %}"""
    assert render(source, venue="New York") == "<time>19 December 2008</time> · New York"
    assert render(source, venue="") == "<time>19 December 2008</time>"


def test_line_breaks_in_the_template_and_their_indentation_are_not_output():
    source = """{% meta_line %}
      <a href="/x">
        {{ name }}</a> <span>(
        {{ acronym }}
        )</span>
    {% part %}
      {% for country in countries %}
        {% if not forloop.first %}, {% endif %}
        {{ country }}
      {% endfor %}
    {% endmeta_line %}"""
    html = render(source, name="UN", acronym="ACR", countries=["China", "Chile"])
    assert html == '<a href="/x">UN</a> <span>(ACR)</span> · China, Chile'


def test_line_breaks_in_what_variables_render_are_kept():
    source = "{% meta_line %}\n  {{ a }}\n{% part %}{{ b }}{% endmeta_line %}"
    assert render(source, a="one\n  two", b="three") == "one\n  two · three"


def test_spaces_inside_a_line_and_no_break_spaces_are_kept():
    source = "{% meta_line %}\xa0a  b\xa0{% part %} c\td {% endmeta_line %}"
    assert render(source) == "\xa0a  b\xa0 · c\td"


def test_parts_are_escaped_once_and_the_separator_not_at_all():
    source = "{% meta_line %}<b>{{ name }}</b>{% part %}{{ acronym }}{% endmeta_line %}"
    html = render(source, name="R&D <Unit>", acronym="A&B")
    assert html == "<b>R&amp;D &lt;Unit&gt;</b> · A&amp;B"


def test_the_result_is_not_escaped_again_by_an_enclosing_tag():
    source = "{% filter upper %}{% meta_line %}{{ a }}{% part %}x{% endmeta_line %}{% endfilter %}"
    assert render(source, a="<i>") == "&LT;I&GT; · X"


def test_without_autoescape_parts_are_left_as_they_are():
    source = (
        "{% autoescape off %}{% meta_line %}{{ a }}{% part %}b{% endmeta_line %}{% endautoescape %}"
    )
    assert render(source, a="<i>") == "<i> · b"


def test_right_to_left_pages_use_the_same_separator():
    source = "{% meta_line %}{{ a }}{% part %}{{ b }}{% endmeta_line %}"
    with translation.override("ar"):
        assert translation.get_language_bidi()
        assert render(source, a="19 ديسمبر", b="نيويورك") == "19 ديسمبر · نيويورك"


def test_a_list_line_joins_with_the_catalogue_list_separator():
    source = (
        "{% meta_line list %}{% for name in names %}{% part %}{{ name }}{% endfor %}"
        "{% part %}{{ title }}{% endmeta_line %}"
    )
    assert render(source, names=["China", "", "Chile"], title="") == "China, Chile"
    with translation.override("ar"):
        assert render(source, names=["الصين"], title="مدير") == "الصين، مدير"


def test_a_block_inside_a_part_can_be_overridden_by_a_child_template(tmp_path):
    (tmp_path / "parent.html").write_text(
        "{% load meta_line %}{% meta_line %}{% block title %}Parent{% endblock %}"
        "{% part %}Site{% endmeta_line %}"
    )
    (tmp_path / "child.html").write_text(
        '{% extends "parent.html" %}{% block title %}Child of {{ block.super }}{% endblock %}'
    )
    (tmp_path / "empty.html").write_text(
        '{% extends "parent.html" %}{% block title %}{% endblock %}'
    )
    templates = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [tmp_path]}]
    with override_settings(TEMPLATES=templates):
        assert render_to_string("child.html") == "Child of Parent · Site"
        assert render_to_string("empty.html") == "Site"


@pytest.mark.parametrize(
    "source",
    [
        "{% meta_line x %}a{% endmeta_line %}",
        "{% meta_line list x %}a{% endmeta_line %}",
        "{% meta_line %}a{% part x %}b{% endmeta_line %}",
        "{% meta_line %}a{% part %}b",
        "a{% part %}b",
        "{% meta_line %}a{% endmeta_line %}{% part %}b",
    ],
)
def test_arguments_a_missing_end_and_a_part_outside_are_refused(source):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load meta_line %}" + source).render(Context())
