"""/{lang}/search/: one search over every searchable content type.

The search engine (sscportal.search) ranks; this page decides what to keep:
each query's ranked page once per content version, whatever the language, and
each result's HTML (title and snippet highlighted) once per language too.
A query that names a country, an organization, a region, a group or a Day
shows that thing first, as the best bet (sscportal.search.best_bets); every
type's count is shown as a tab, whichever type is chosen.
"""

import hashlib
from dataclasses import dataclass

from django import forms
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from sscportal import content_types, search
from sscportal.caching.fragments import fragment_key, render_missing
from sscportal.caching.values import EVERY_LANGUAGE, cached_count, until_content_changes
from sscportal.reader_toolkit.listing import no_such_page

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

    def has_next(self):
        return self.number < min(self.last, MAX_PAGE)

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


class SearchForm(forms.Form):
    q = forms.CharField(required=False)
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
        digest = hashlib.sha256(f"{raw}|{','.join(names)}|{page}".encode()).hexdigest()
        counts, mode, page_keys, bet = until_content_changes(
            f"search:{digest}", lambda: _ranked_page(raw, names, page), language=EVERY_LANGUAGE
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
            page_obj=ResultsPage(page, last_page),
            section="search",
        )
        return context


def _results(name):
    """The public items of type `name` that results may show: titles and
    snippets only, no prefetching of their relations."""
    return content_types.searchable()[name].public_items()


def _ranked_page(raw, names, page):
    """(counts by type, mode, [(type, pk)] of the page's results, best first, the
    best bet's (type, pk) or None). Every type is counted (the tabs); only the
    types in `names` are ranked."""
    querysets, counts, mode = search.search_querysets(
        {name: _results(name) for name in content_types.searchable()}, raw, count=cached_count
    )
    wanted = PAGE_SIZE * page
    if wanted - PAGE_SIZE >= sum(counts[name] for name in names):
        return counts, mode, [], None  # past the end
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
