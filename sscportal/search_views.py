"""/{lang}/search/: one search over initiatives, events and statements."""

import hashlib

from django import forms
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from events.models import Event
from initiatives.models import Initiative
from statements.models import Statement

from . import search
from .listing import no_such_page
from .page_cache import (
    content_version,
    until_content_changes,
    versioned_get_many,
    versioned_set_many,
)

PAGE_SIZE = 20
MAX_PAGE = 50

TYPES = {
    # Results show titles and snippets only: no prefetching of countries and goals,
    # no statement's event or organization; an event's URL needs its observance.
    "initiative": (_("Initiatives"), lambda: Initiative.objects.published()),
    "event": (_("Events"), lambda: Event.objects.published().for_list()),
    "statement": (_("Statements"), lambda: Statement.objects.published()),
}
# Which text gives the snippet, first that is non-empty.
SNIPPET_FIELDS = {
    "initiative": ["summary", "description"],
    "event": ["description", "venue"],
    "statement": ["body"],
}


class SearchForm(forms.Form):
    q = forms.CharField(required=False)
    type = forms.ChoiceField(
        required=False, choices=[("", _("Everything"))] + [(k, v[0]) for k, v in TYPES.items()]
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)


class SearchView(TemplateView):
    template_name = "search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET, auto_id="s-%s")
        form.is_valid()
        data = form.cleaned_data
        raw = search.clean_query(data.get("q") or "")
        chosen = data.get("type") or ""
        page = data.get("page") or 1
        names = [chosen] if chosen else list(TYPES)
        # Ranking is most of a search's cost and its answer only changes with
        # content: a query asked again (a popular one) is ranked once per
        # content version, whatever the language of the page.
        digest = hashlib.sha256(f"{raw}|{','.join(names)}|{page}".encode()).hexdigest()
        counts, mode, page_keys = until_content_changes(
            f"search:{digest}", lambda: _ranked_page(raw, names, page)
        )
        total = sum(counts.values())
        last_page = max(1, -(-total // PAGE_SIZE))
        if page > last_page and total:
            raise no_such_page(page, last_page)
        results = _rendered_results(page_keys, raw, digest)
        context.update(
            form=form,
            query=raw,
            chosen_type=chosen,
            mode=mode,
            total=total,
            counts=counts,
            types=[(key, label) for key, (label, _qs) in TYPES.items()],
            results=results,
            page=page,
            previous_page=page - 1 if page > 1 else None,
            next_page=page + 1 if page < min(last_page, MAX_PAGE) else None,
            last_page=last_page,
            section="search",
        )
        return context


def _ranked_page(raw, names, page):
    """(counts by type, mode, [(type, pk)] of the page's results, best first)."""
    querysets, counts, mode = search.search_querysets(
        {name: TYPES[name][1]() for name in names}, raw
    )
    wanted = PAGE_SIZE * page
    if wanted - PAGE_SIZE >= sum(counts.values()):
        return counts, mode, []  # past the end
    # The best PAGE_SIZE * page of each type, merged by score, then the page.
    ranked = [
        (item.search_rank, name, item.pk)
        for name, qs in querysets.items()
        for item in qs.values_list("pk", "search_rank", named=True)[:wanted]
    ]
    ranked.sort(key=lambda entry: -entry[0])
    return counts, mode, [(name, pk) for _score, name, pk in ranked[wanted - PAGE_SIZE : wanted]]


def _rendered_results(page_keys, raw, digest):
    """The HTML of the page's results, each rendered (title and snippet highlighted
    for this query) once per query, language and content version."""
    prefix = f"sscportal:result:{get_language()}:{content_version()}:{digest}"
    keys = {key: f"{prefix}:{key[0]}:{key[1]}" for key in page_keys}
    found = versioned_get_many(list(keys.values()))
    missing = [key for key in page_keys if keys[key] not in found]
    if missing:
        items = _load(missing)
        snippets = search.build_snippets(items, search.parse(raw), SNIPPET_FIELDS)
        template = get_template("includes/search_result.html")
        fresh = {
            keys[(name, item.pk)]: template.render(
                {"result": {"type": name, "item": item, "title": title, "snippet": snippet}}
            )
            for (item, name), (title, snippet) in zip(items, snippets, strict=True)
        }
        versioned_set_many(fresh)
        found.update(fresh)
    # Rendered by the template engine, which escaped them.
    return mark_safe("".join(found[keys[key]] for key in page_keys if keys[key] in found))  # noqa: S308


def _load(page_keys):
    """The (item, type) pairs of a page's results, in order, one query per type."""
    wanted = {}
    for name, pk in page_keys:
        wanted.setdefault(name, []).append(pk)
    loaded = {
        (name, item.pk): item
        for name, pks in wanted.items()
        for item in TYPES[name][1]().filter(pk__in=pks)
    }
    return [(loaded[key], key[0]) for key in page_keys if key in loaded]
