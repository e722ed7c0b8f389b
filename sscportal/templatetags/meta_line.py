"""Short facts in a row, joined by a middle dot: "12 September 2023 · New York".

    <p class="meta">{% meta_line %}
      <time datetime="...">...</time>
    {% part %}
      {% if event|has_text:"venue" %}{% tr event "venue" %}{% endif %}
      {% for organization in organizations %}{% part %}{{ organization }}{% endfor %}
    {% endmeta_line %}</p>

`{% part %}` starts a new part wherever it is rendered, in a loop or an
`{% if %}` too (it must be written inside the `{% meta_line %}` itself, not in
a template included from it). A part that renders nothing but whitespace is
left out with its separator: no " · " ever dangles.

A meta line is one line of text, so its template may take as many lines as
reads best: inside `{% meta_line %}`, a line break written in the template and
the indentation around it are not output (a space that matters is written
between two things on one line), and each part is stripped of the whitespace
around it. What variables and translations render is left as it is. The
separator is " · " in every language (in Arabic the dot reads as it does in
English). `{% meta_line list %}` joins its parts with the catalogue's list
separator instead (", " / "، "), for a list of like items: names, or a name
and a title, where an absent one leaves no comma either.
"""

import re

from django import template
from django.template.base import TextNode
from django.utils.safestring import mark_safe

from sscportal.text.languages import list_separator

register = template.Library()

SEPARATOR = " · "
# HTML's whitespace, which a browser collapses; a no-break space is content.
_HTML_WHITESPACE = " \t\n\r\f"
_LINE_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\n\r\f]*")


class MetaLineNode(template.Node):
    def __init__(self, nodelist, is_list=False):
        self.nodelist = nodelist
        self.is_list = is_list
        # Where a part starts in the rendered text. PostgreSQL text cannot
        # hold a NUL, so no content can fake it.
        self.marker = f"\x00{id(self)}\x00"

    def render(self, context):
        parts = self.nodelist.render(context).split(self.marker)
        stripped = (part.strip(_HTML_WHITESPACE) for part in parts)
        separator = list_separator() if self.is_list else SEPARATOR
        # Each part is already escaped (or not) by the engine, as written.
        return mark_safe(separator.join(part for part in stripped if part))


class PartNode(template.Node):
    line = None

    def render(self, context):
        return self.line.marker


@register.tag
def meta_line(parser, token):
    """{% meta_line %}first{% part %}second{% part %}...{% endmeta_line %}"""
    arguments = token.split_contents()[1:]
    if arguments not in ([], ["list"]):
        raise template.TemplateSyntaxError('meta_line takes no argument but "list"')
    depth = getattr(parser, "meta_line_depth", 0)
    parser.meta_line_depth = depth + 1
    try:
        nodelist = parser.parse(("endmeta_line",))
    finally:
        parser.meta_line_depth = depth
    parser.delete_first_token()
    for text in nodelist.get_nodes_by_type(TextNode):
        text.s = _LINE_BREAK.sub("", text.s)
    node = MetaLineNode(nodelist, is_list=arguments == ["list"])
    # A nested meta_line has claimed its own parts already.
    for part in nodelist.get_nodes_by_type(PartNode):
        if part.line is None:
            part.line = node
    return node


@register.tag
def part(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("part takes no arguments")
    if not getattr(parser, "meta_line_depth", 0):
        raise template.TemplateSyntaxError("part belongs inside {% meta_line %}")
    return PartNode()
