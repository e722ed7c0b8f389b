"""/{lang}/search/: one search over every searchable content type.

The search engine (sscportal.search) ranks; this page decides what to keep:
each query's ranked page once per content version, whatever the language, and
each result's HTML (title and snippet highlighted) once per language too.
A query that names a country, an organization, a region, a group or a Day
shows that thing first, as the best bet (sscportal.search.best_bets); every
type's count is shown as a tab, whichever type is chosen.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django import forms
from django.db.models import F
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from sscportal import content_types, search
from sscportal.caching.fragments import fragment_key, render_missing
from sscportal.caching.values import EVERY_LANGUAGE, cached_count, until_content_changes
from sscportal.reader_toolkit.listing import no_such_page
from sscportal.reader_toolkit.sorting import NEWEST, RELEVANCE, TITLE, in_title_order, sort_control
from sscportal.text.collation import sort_key
from sscportal.text.languages import shown

PAGE_SIZE = 20
MAX_PAGE = 50


@dataclass
class ResultsPage:
    """What includes/pagination.html asks of a page, for ranked results (no Paginator:
    the total is known without a queryset, and only the first MAX_PAGE pages are offered)."""

    number: int
    last: int

    @property
    def paginator(self):
        return self  # the include reads page_obj.paginator.num_pages

    @property
    def num_pages(self):
        return self.last

    def has_previous(self):
        return self.number > 1

    @property
    def last_offered(self):
        return min(self.last, MAX_PAGE)

    def has_next(self):
        return self.number < self.last_offered

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


class SearchForm(forms.Form):
    q = forms.CharField(required=False)
    sort = forms.CharField(required=False)
    type = forms.ChoiceField(required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Everything"))] + [
            (name, ct.label) for name, ct in content_types.searchable().items()
        ]


class SearchView(TemplateView):
    template_name = "front/search/search.html"
    query_parameters = tuple(SearchForm.base_fields)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET, auto_id="s-%s")
        form.is_valid()
        data = form.cleaned_data
        raw = search.clean_query(data.get("q") or "")
        chosen = data.get("type") or ""
        page = data.get("page") or 1
        types = content_types.searchable()
        names = [chosen] if chosen else list(types)
        # Ranking is most of a search's cost and its answer only changes with
        # content: a query asked again (a popular one) is ranked once per
        # content version, whatever the language of the page.
        sort = sort_control(self.request.GET, (RELEVANCE, NEWEST, TITLE))
        digest = hashlib.sha256(f"{raw}|{','.join(names)}|{page}|{sort.value}".encode()).hexdigest()
        counts, mode, page_keys, bet = until_content_changes(
            f"search:{digest}",
            lambda: _ranked_page(raw, names, page, sort.value),
            # Titles are in the reader's alphabetical order; the rest is the same
            # in every language.
            language=get_language() if sort.value == TITLE else EVERY_LANGUAGE,
        )
        total = sum(counts[name] for name in names)
        last_page = max(1, -(-total // PAGE_SIZE))
        if page > last_page and total:
            raise no_such_page(page, last_page)
        context.update(
            form=form,
            query=raw,
            chosen_type=chosen,
            mode=mode,
            total=total,
            counts=counts,
            every_count=sum(counts.values()),
            types=[(name, ct.label) for name, ct in types.items()],
            tabs=[(name, ct.label, counts[name]) for name, ct in types.items() if counts[name]],
            results=_rendered_results(page_keys, raw, digest, bet),
            sort=sort,
            # The type tabs keep the order the reader chose.
            sort_query=f"&sort={sort.value}" if sort.asked else "",
            page_obj=ResultsPage(page, last_page),
            suggestions=_suggestions(raw, digest) if raw and mode != "full-text" else [],
        )
        return context


def _suggestions(raw, digest):
    """ "Did you mean" for a query no word of which matched: names in the page's language."""
    return until_content_changes(
        f"suggestions:{digest}", lambda: search.suggestions(raw), language=get_language()
    )


def _results(name):
    """The public items of type `name` that results may show: titles and
    snippets only, no prefetching of their relations."""
    return content_types.searchable()[name].public_items()


def _ranked_page(raw, names, page, sort=RELEVANCE):
    """(counts by type, mode, [(type, pk)] of the page's results, best first, the
    best bet's (type, pk) or None). Every type is counted (the tabs); only the
    types in `names` are ranked."""
    querysets, counts, mode = search.search_querysets(
        {name: _results(name) for name in content_types.searchable()}, raw, count=cached_count
    )
    wanted = PAGE_SIZE * page
    if wanted - PAGE_SIZE >= sum(counts[name] for name in names):
        return counts, mode, [], None  # past the end
    if sort != RELEVANCE:
        chosen = {name: querysets[name] for name in names if counts[name]}
        ordered = _newest_first(chosen, wanted) if sort == NEWEST else _by_title(chosen, wanted)
        return counts, mode, ordered[wanted - PAGE_SIZE : wanted], None
    # The best PAGE_SIZE * page of each type, merged by score, then the page.
    ranked = [
        (item.search_rank, name, item.pk)
        for name in names
        if counts[name]
        for item in querysets[name].values_list("pk", "search_rank", named=True)[:wanted]
    ]
    ranked.sort(key=lambda entry: -entry[0])
    keys = [(name, pk) for _score, name, pk in ranked]
    bet = _best_bet(keys, raw) if mode == "full-text" else None
    if bet:
        keys.remove(bet)
        keys.insert(0, bet)
    return counts, mode, keys[wanted - PAGE_SIZE : wanted], bet


def _newest_first(querysets, wanted):
    """The first `wanted` (type, pk) of the ranked results by date, newest first;
    things without a date (countries, organizations) after them."""
    dated = []
    for name, queryset in querysets.items():
        field = content_types.searchable()[name].search.recency
        if field is None:
            dated += [(datetime.date.min, name, pk) for pk in queryset.values_list("pk", flat=True)]
            continue
        rows = queryset.order_by(F(field).desc(nulls_last=True), "pk").values_list("pk", field)
        dated += [(_day(moment), name, pk) for pk, moment in rows[:wanted]]
    dated.sort(key=lambda entry: entry[0], reverse=True)
    return [(name, pk) for _day_, name, pk in dated[:wanted]]


def _day(moment):
    if moment is None:
        return datetime.date.min
    return moment.date() if isinstance(moment, datetime.datetime) else moment


def _by_title(querysets, wanted):
    """The first `wanted` (type, pk) of the ranked results by title, in the reader's
    alphabetical order: the first `wanted` of each type, then merged by title."""
    titled = []
    for name, queryset in querysets.items():
        field = content_types.searchable()[name].search.title
        first = in_title_order(queryset.order_by(), field)[:wanted]
        titled += [(sort_key(shown(item, field).text), name, item.pk) for item in first]
    titled.sort(key=lambda entry: entry[0])
    return [(name, pk) for _key, name, pk in titled[:wanted]]


# Of the best-ranked things with names, how many may be the best bet.
BET_CANDIDATES = 3


def _best_bet(keys, raw):
    """The (type, pk) of the thing the query names, among the best ranked, or None."""
    types = content_types.searchable()
    candidates = [key for key in keys if types[key[0]].search.names][:BET_CANDIDATES]
    items = dict(_load_pairs(candidates))
    bet = search.best_bet([items[key] for key in candidates if key in items], raw)
    return (bet._meta.model_name, bet.pk) if bet else None


def _rendered_results(page_keys, raw, digest, bet):
    """The HTML of the page's results, in order."""
    language = get_language()
    names = {
        page_key: fragment_key("result", digest, *page_key, language=language)
        for page_key in page_keys
    }

    def render(missing):
        wanted = [page_key for page_key in page_keys if names[page_key] in set(missing)]
        items = _load(wanted)
        snippets = search.build_snippets([item for item, _name in items], search.parse(raw))
        template = get_template("includes/search_result.html")
        types = content_types.searchable()
        return {
            names[(name, item.pk)]: template.render(
                {
                    "result": {
                        "type": name,
                        "kind": types[name].singular,
                        "item": item,
                        "title": title,
                        "snippet": snippet,
                        "best_bet": (name, item.pk) == bet,
                    }
                }
            )
            for (item, name), (title, snippet) in zip(items, snippets, strict=True)
        }

    found = render_missing(list(names.values()), render)
    # Rendered by the template engine, which escaped them.
    return mark_safe(  # noqa: S308
        "".join(found[names[page_key]] for page_key in page_keys if names[page_key] in found)
    )


def _load_pairs(page_keys):
    """{(type, pk): item} of the keys, one query per type."""
    wanted = {}
    for name, pk in page_keys:
        wanted.setdefault(name, []).append(pk)
    return {
        (name, item.pk): item
        for name, pks in wanted.items()
        for item in _results(name).filter(pk__in=pks)
    }


def _load(page_keys):
    """The (item, type) pairs of a page's results, in order, one query per type."""
    loaded = _load_pairs(page_keys)
    return [(loaded[page_key], page_key[0]) for page_key in page_keys if page_key in loaded]
