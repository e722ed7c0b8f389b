"""{% frame_part %}: a part of the page frame rendered once per language and
version (sscportal/caching/frame.py says why).

    {% frame_part "menu" section %} ... {% endframe_part %}
    {% frame_part "footer" areas="pages.Page" %} ... {% endframe_part %}

Arguments after the name are what the part varies with; `areas` (comma-
separated model labels) the content it shows. What is inside must depend on
nothing else: not the request, not the object shown. A page rendered with
`frame_uncacheable` in its context (the error pages: the footer's links may be
missing because the database is down) renders its parts without keeping them.
"""

from django import template

from sscportal.caching.frame import frame_part

register = template.Library()


class FramePartNode(template.Node):
    def __init__(self, name, vary, areas, nodelist):
        self.name, self.vary, self.areas, self.nodelist = name, vary, areas, nodelist

    def render(self, context):
        def render():
            return self.nodelist.render(context)

        if context.get("frame_uncacheable"):
            return render()
        vary = [value.resolve(context) for value in self.vary]
        return frame_part(self.name, render, areas=self.areas, vary=vary)


@register.tag(name="frame_part")
def do_frame_part(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError(f"{bits[0]} needs the part's name, quoted")
    name = bits[1][1:-1]
    areas = ()
    vary = []
    for bit in bits[2:]:
        if bit.startswith("areas="):
            areas = tuple(bit.removeprefix("areas=").strip("\"'").split(","))
        else:
            vary.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endframe_part",))
    parser.delete_first_token()
    return FramePartNode(name, vary, areas, nodelist)
