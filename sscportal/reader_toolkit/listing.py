"""List pages: pagination that never raises on a bad `page`, and filter forms
whose bad values are ignored with a visible note instead of an error page."""

import html
import re
from dataclasses import dataclass

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from sscportal.caching.values import cached_count
from sscportal.operations.errors import ExplainedHttp404
from sscportal.search import MAX_QUERY_LENGTH


class SearchText(forms.CharField):
    """A `q` parameter: trimmed and cut to a sane length rather than refused."""

    def to_python(self, value):
        return super().to_python(value)[:MAX_QUERY_LENGTH].strip()


class KnownValue(forms.CharField):
    """A code that must name an existing row (a country's ISO code, an organization's key)."""

    def __init__(self, *, queryset, field, normalize, unknown, **kwargs):
        super().__init__(**kwargs)
        self.queryset, self.lookup_field = queryset, field
        self.normalize, self.unknown = normalize, unknown

    def to_python(self, value):
        return self.normalize(super().to_python(value).strip())

    def clean(self, value):
        # After the field's own validators, which refuse NUL bytes and over-long input.
        value = super().clean(value)
        if value and not self.queryset.filter(**{self.lookup_field: value}).exists():
            raise forms.ValidationError(self.unknown)
        return value


@dataclass
class Control:
    """One field of a filter form as includes/filter_form.html draws it."""

    id: str
    name: str
    label: str
    value: object
    # The <option>s of a <select>; None for an <input>.
    options: str | None = None
    input_type: str = "text"
    attributes: tuple = ()
    # The value as a reader reads it (an option's label, not its code).
    shown_value: str = ""
    # This page's query string without this filter (and back to page 1).
    without: str = ""
    # A <datalist> of suggestions for an <input> (type-ahead without JavaScript).
    suggestions: str | None = None

    @property
    def is_active(self):
        return self.value != ""


class FilterForm(forms.Form):
    """A GET form; invalid fields are dropped and reported, the rest still apply.

    The page draws it from the class (`controls`): the fields' order, labels,
    limits and choices are said once, here in the form.
    """

    def __init__(self, data):
        super().__init__(data, auto_id="f-%s")
        self.full_clean()
        # Option labels without counts, per field (see options()).
        self._labels = {}
        self.ignored = []
        for name, errors in list(self.errors.items()):
            field = self.fields.get(name)
            label = field.label if field else name
            self.ignored.append(
                _("%(label)s: “%(value)s” is not valid and was ignored (%(error)s)")
                % {"label": label, "value": data.get(name, "")[:40], "error": errors[0]}
            )
            self.cleaned_data.pop(name, None)

    def value(self, name):
        value = self.cleaned_data.get(name)
        return value if value not in (None, "") else None

    @property
    def active(self):
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    def options(self, name, tags=None, selected=None, counts=None):
        """The <option>s of field `name` (or the given `option_tags`), its value selected,
        after an "Any" option unless the choices have an empty one of their own.

        Cheaper than rendering the form's <select> widget, which goes through
        the template engine once per option.
        """
        if tags is None:
            tags = option_tags(self.fields[name].choices)
        selected = self.value(name) if selected is None else selected
        if counts is not None:
            # The active-filter chip names the choice without its count.
            self._labels[name] = "".join(tag for _value, tag in tags)
            tags = counted(tags, counts, selected)
        if not any(value == "" for value, _tag in tags):
            tags = [("", str(format_html('<option value="">{}</option>', _("Any")))), *tags]
        return select_options(tags, selected)

    def controls(self, options, suggestions=None):
        """Every field, in order; `options` gives the <option>s of those drawn as a
        <select>, `suggestions` those of an <input> that offers a type-ahead list."""
        suggestions = suggestions or {}
        drawn = []
        for name, field in self.fields.items():
            value = self.value(name)
            control = Control(
                id=self.auto_id % name,
                name=name,
                label=field.label,
                value="" if value is None else value,
                options=options.get(name),
                suggestions=suggestions.get(name),
            )
            if control.options is None:
                control.input_type, control.attributes = _input(field)
                if control.suggestions is not None:
                    control.attributes += (("list", f"{control.id}-list"),)
            if control.is_active:
                choices = self._labels.get(name) or control.options or control.suggestions
                control.shown_value = (choices and selected_label(choices, control.value)) or str(
                    control.value
                )
                control.without = self._query_without(name)
            drawn.append(control)
        return drawn

    def _query_without(self, name):
        query = self.data.copy() if hasattr(self.data, "copy") else dict(self.data)
        for dropped in (name, "page"):
            query.pop(dropped, None)
        encoded = query.urlencode() if hasattr(query, "urlencode") else ""
        return f"?{encoded}" if encoded else ""


def active_controls(controls):
    """The controls with a value: the page's chips and its title say these."""
    return [control for control in controls or () if control.is_active]


_OPTION = re.compile(r'<option value="([^"]*)"[^>]*>(.*?)</option>', re.S)


def selected_label(options_html, value):
    """The text of the option whose value is `value`, from <option> HTML; "" if none."""
    wanted = str(value).lower()
    for option_value, label in _OPTION.findall(str(options_html)):
        if html.unescape(option_value).lower() == wanted:
            return html.unescape(re.sub(r"<[^>]+>", "", label)).strip()
    return ""


def _input(field):
    """The <input> type and attributes (name, value) of a field not drawn as a <select>."""
    if isinstance(field, SearchText):
        return "search", (("maxlength", MAX_QUERY_LENGTH),)
    if isinstance(field, forms.IntegerField):
        limits = (("min", field.min_value), ("max", field.max_value))
        return "number", tuple((name, limit) for name, limit in limits if limit is not None)
    return "text", ()


def option_tags(pairs):
    """Escaped <option> elements for (value, label) pairs; worth caching for long lists."""
    return [
        (str(value), str(format_html('<option value="{}">{}</option>', value, label)))
        for value, label in pairs
    ]


def grouped_option_tags(groups):
    """`option_tags` in <optgroup>s: groups is [(label, [(value, label), ...])].

    The group tags ride in the same list under a value no option can have, so
    select_options and selected_label pass over them.
    """
    tags = []
    for label, pairs in groups:
        tags.append(("\x00", str(format_html('<optgroup label="{}">', label))))
        tags.extend(option_tags(pairs))
        tags.append(("\x00", "</optgroup>"))
    return tags


def counted(tags, counts, selected):
    """`option_tags` with the number of results each would give, "Kenya (12)".

    An option that would give nothing says "(0)" and is disabled, so that it
    reads as unavailable, unless it is the one chosen (it must stay visible).
    Counts use Latin digits in every language, like all numbers on the site.
    """
    chosen = "" if selected is None else str(selected)
    marked = []
    for value, tag in tags:
        if value not in ("", "\x00"):  # not "Any", not an <optgroup> tag
            n = counts.get(value, 0)
            tag = tag.replace("</option>", f" ({n})</option>")
            if not n and value != chosen:
                tag = tag.replace("<option ", "<option disabled ", 1)
        marked.append((value, tag))
    return marked


def select_options(tags, selected):
    """The options of `option_tags` as HTML, the one whose value is `selected` marked."""
    chosen = "" if selected is None else str(selected)
    # Values are escaped, so the first '">' closes the value attribute.
    return mark_safe(  # noqa: S308 - every tag was built by format_html
        "".join(
            tag.replace('">', '" selected>', 1) if value == chosen and chosen else tag
            for value, tag in tags
        )
    )


def no_such_page(number, last):
    """The 404 for a page number past the end, saying where the end is."""
    return ExplainedHttp404(
        _("There is no page %(number)s; the last page is %(last)s.")
        % {"number": number, "last": last}
    )


class CachedCountPaginator(Paginator):
    """A paginator whose total comes from cached_count (one COUNT per content version)."""

    @cached_property
    def count(self):
        return cached_count(self.object_list)


class SafePaginationMixin:
    """`page=abc` shows the first page; a page past the end is a 404 with a clear message."""

    paginate_by = 20

    def paginate_queryset(self, queryset, page_size):
        page = paginate(self.request, queryset, page_size)
        return page.paginator, page, page.object_list, page.has_other_pages()


def paginate(request, queryset, page_size):
    """The page of `queryset` that request's `page` parameter asks for (see SafePaginationMixin)."""
    # A list already in Python's order (sorting.TitleOrdered) knows its length.
    counted = CachedCountPaginator if isinstance(queryset, QuerySet) else Paginator
    paginator = counted(queryset, page_size, allow_empty_first_page=True)
    raw = request.GET.get("page", "1")
    # isdecimal, not isdigit: "²" and "①" are digits int() cannot read. Decimal
    # digits of any script ("٣") are numbers, as Django's IntegerField reads them.
    number = int(raw) if raw.isdecimal() and len(raw) < 7 else 1
    try:
        return paginator.page(number)
    except InvalidPage:
        raise no_such_page(number, paginator.num_pages) from None
