"""Template tags for text that may exist in one language only.

{% tr obj "title" %}          inline text; isolated in <bdi lang dir> when it is a fallback
<h1{% lang_attrs obj "title" %}>{% tr_text obj "title" %}</h1>
                              a block (a heading) whose text may be a fallback: lang and dir
                              on the block itself, so it takes its own language's alignment
{% tr_block obj "body" %}     rich text block (already sanitized HTML) with a visible note
                              (note=False on a card, whose badge already says it)
{% other_language_url %}      the same page in the other language
{% language_badge obj "title" "summary" %}   "English only" / "بالعربية فقط" on a list item
{% short_name organization %}  acronym or name, the reader's language first
{% if event|has_text:"venue" %}   the field has text in some language
{% if org|has_own_text:"acronym" %}  ... in the reader's language
{{ statement.byline|isolated }}  a text with no language column, marked by its script
{% list_separator %}          ", " or "، ": between inline list items, from the catalogue
{% site_language_names %}     "English and Arabic": every site language, named in the reader's
{{ body.lang|only_in }}       "This text is available in English only." (a fallback's note)
{% other_languages as codes %}, code|own_name   the language switch: every other language
"""

from django import template
from django.urls import reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext, override

from sscportal.configuration.site import absolute_url
from sscportal.text import rich_images
from sscportal.text.languages import (
    LANGUAGE_CODES,
    current_language,
    direction,
    languages_with_text,
    list_separator,
    other_languages,
    shown,
    site_language_name,
    site_language_names,
    written_in,
)
from sscportal.text.languages import short_name as _short_name

register = template.Library()


def _note(lang):
    # Arabic glues the preposition to the name: "متوفر بالإنجليزية فقط".
    return gettext("This text is available in %(language)s only.") % {
        "language": site_language_name(lang)
    }


def _isolated(value):
    # <bdi>: a fragment in the other script inside a line neither reorders the
    # line around it nor is read with the page's voice.
    if value.is_fallback:
        return format_html('<bdi lang="{}" dir="{}">{}</bdi>', value.lang, value.dir, value.text)
    return value.text


@register.simple_tag
def tr(obj, field):
    return _isolated(shown(obj, field))


@register.filter
def fallback_attrs(value):
    """` lang=".." dir=".."` for the block that holds `value` (a shown text), when it
    is in another language: on an Arabic page an English heading is then aligned
    left and read as English, which a span inside it could not do."""
    if value.is_fallback:
        return format_html(' lang="{}" dir="{}"', value.lang, direction(value.lang))
    return ""


@register.simple_tag
def lang_attrs(obj, field):
    """`fallback_attrs` of an item's `field` as the page shows it."""
    return fallback_attrs(shown(obj, field))


@register.simple_tag
def tr_text(obj, field):
    """The plain text (escaped by the template), for attributes and <title>."""
    return shown(obj, field).text


@register.inclusion_tag("includes/translated_block.html")
def tr_block(obj, field, rich=True, css_class="", note=True):
    value = shown(obj, field)
    return {
        "value": value,
        # Rich text was sanitized with the allowlist on save and on import.
        # Library images are drawn in with their alternative text in the page's language.
        "html": mark_safe(rich_images.render(value.text)) if rich else None,  # noqa: S308
        "note": _note(value.lang) if value.is_fallback and note else "",
        "css_class": css_class,
    }


def _path_in(request, code):
    """request.path in language `code`, worked out once per request and language.

    A page asks for it five times (canonical, alternates, og:url, the language
    switch); reversing the URL the request already resolved to avoids
    translate_url resolving it again each time.
    """
    paths = request.__dict__.setdefault("_sscportal_paths", {})
    if code not in paths:
        match = getattr(request, "resolver_match", None)
        if match is None or not match.url_name:  # an error page, say
            paths[code] = translate_url(request.path, code)
        else:
            with override(code):
                paths[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    return paths[code]


@register.simple_tag(takes_context=True)
def page_in(context, code):
    """This page's URL in language `code`, query string kept."""
    request = context["request"]
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))  # as get_full_path() gives it
    return _path_in(request, code) + (f"?{query}" if query else "")


@register.simple_tag(takes_context=True)
def absolute_page_in(context, code):
    return absolute_url(_path_in(context["request"], code))


@register.simple_tag(takes_context=True)
def absolute_language_neutral_page(context):
    """This page without its language prefix: the x-default, which redirects by Accept-Language."""
    request = context["request"]
    prefix = f"/{get_language()}/"
    path = request.path
    if path.startswith(prefix):
        path = "/" + path[len(prefix) :]
    return absolute_url(path)


@register.simple_tag(name="other_languages")
def other_languages_tag():
    """The site's languages but the reader's, for the language switch."""
    return other_languages(get_language())


@register.filter
def own_name(code):
    """A site language's name in that language: "العربية" on the switch of an English page."""
    with override(code):
        return site_language_name(code)


@register.filter
def language_name(code):
    """The name of a language code in the active language (e.g. 'ar' -> 'Arabic')."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.filter
def text_direction(code):
    return direction(code)


@register.simple_tag
def site_languages():
    return LANGUAGE_CODES


@register.filter
def isolated(text):
    """Text without a language column (a byline), isolated and marked with the
    language its script says, when that is not the reader's: "بقلم Bilin Lin"."""
    code = written_in(text)
    if code == current_language():
        return text
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', code, direction(code), text)


@register.filter
def has_text(obj, field):
    """Whether `field` has text in some language: {% if event|has_text:"venue" %}."""
    return bool(languages_with_text(obj, [field]))


@register.filter
def has_own_text(obj, field):
    """Whether `field` has text in the reader's language, not only in another:
    an acronym in brackets after an Arabic name says nothing if it is English
    ("الأمم المتحدة (UN)")."""
    value = shown(obj, field)
    return bool(value.text) and not value.is_fallback


@register.filter
def only_in(code):
    """The note on text shown in language `code` because the reader's has none."""
    return _note(code)


@register.simple_tag(name="site_language_names")
def site_language_names_tag():
    return site_language_names()


@register.simple_tag(name="list_separator")
def list_separator_tag():
    """What separates inline list items in the reader's language (", " or "، ")."""
    return list_separator()


@register.simple_tag
def short_name(obj):
    return _isolated(_short_name(obj))


@register.simple_tag
def language_badge(obj, *fields):
    """A badge on a list item whose text exists in one language only, in the
    reader's language: a reader learns before clicking what they will get."""
    languages = languages_with_text(obj, fields)
    if len(languages) != 1:
        return ""
    text = gettext("%(language)s only") % {"language": site_language_name(languages[0])}
    # In the reader's language, though the heading it sits in may be marked as the other's.
    code = current_language()
    return format_html(
        ' <span class="language-badge" lang="{}" dir="{}">{}</span>', code, direction(code), text
    )
