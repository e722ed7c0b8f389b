import json

from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.views.generic import DetailView, ListView

from events.models import Observance
from initiatives.models import Initiative, Organization
from sscportal.caching.values import EVERY_LANGUAGE, until_content_changes
from sscportal.configuration.site import absolute_url
from sscportal.reader_toolkit.listing import SafePaginationMixin, option_tags, select_options
from sscportal.reader_toolkit.mixins import PublishedOrStaffMixin
from sscportal.reader_toolkit.sorting import SortedListMixin
from sscportal.text.collation import by_name
from sscportal.text.languages import (
    LANGUAGE_CODES,
    default_language,
    direction,
    short_name,
    shown,
    written_in,
)
from sscportal.visibility import public, public_prefetch, public_related, published_through
from statements import citation
from statements.filters import StatementFilterForm
from statements.models import Statement
from statements.paragraphs import aligned, paragraphs

from ..opendata.links import OpenDataLinksMixin


class StatementListView(OpenDataLinksMixin, SortedListMixin, SafePaginationMixin, ListView):
    template_name = "front/statements/statement_list.html"
    context_object_name = "statements"
    # Its parameters, besides `page`: the download and the feed take the same.
    filter_form = StatementFilterForm
    open_data = "statements"

    @staticmethod
    def public_items():
        """Every published statement, newest first (the downloads and feed's order too)."""
        return Statement.objects.published().order_by("-delivered_on", "slug")

    def get_queryset(self):
        self.filters = self.filter_form(self.request.GET)
        return self.sorted_list(self.filters.filter(self.public_items().for_list()), self.filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        # Organizations that made a published statement: a DISTINCT over all
        # statements, which only changes with content.
        organizations = until_content_changes(
            "options:organizations", _organization_options, language=get_language()
        )
        # Years: the same in every language.
        observances = until_content_changes(
            "options:observances", _observance_options, language=EVERY_LANGUAGE
        )
        # The organization is typed with suggestions (a <datalist>: a type-ahead
        # that needs no JavaScript) rather than picked from a long <select>.
        context["controls"] = self.filters.controls(
            {
                "observance": self.filters.options("observance", observances),
                "kind": self.filters.options("kind"),
                "text_kind": self.filters.options("text_kind"),
            },
            suggestions={"organization": select_options(organizations, None)},
        )
        return context


def _organization_options():
    organizations = public(Organization.objects).filter(published_through("statements"))
    organizations = by_name(organizations.distinct())
    return option_tags((org.key, _suggestion(org)) for org in organizations)


def _suggestion(organization):
    """What the type-ahead matches on: the short name and the full name."""
    name, short = shown(organization, "name").text, short_name(organization).text
    return name if short == name else f"{short} — {name}"


def _observance_options():
    years = public(Observance.objects).order_by("-year").values_list("year", flat=True)
    return option_tags((year, year) for year in years)


class StatementMixin(PublishedOrStaffMixin):
    """A statement with everything its pages show loaded in a fixed number of queries."""

    model = Statement
    context_object_name = "statement"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_list()
            .prefetch_related(
                "files__document",
                "mentioned_countries",
                # A draft is not named on a public page.
                public_prefetch("mentioned_organizations", Organization.objects),
                public_prefetch(
                    "mentioned_initiatives",
                    Initiative.objects.order_by(default_language("title"), "slug"),
                ),
            )
        )


def language_versions(statement):
    """Each language's version: its code, whether it exists, and how it came to be."""
    versions = []
    for code in LANGUAGE_CODES:
        versions.append(
            {
                "code": code,
                "exists": bool(getattr(statement, f"body_{code}")),
                "original": code == statement.original_language,
                "translation": statement.translation_of(code),
            }
        )
    return versions


class StatementDetailView(StatementMixin, DetailView):
    template_name = "front/statements/statement_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statement = self.object
        body = shown(statement, "body")
        context["body"] = body
        context["paragraphs"] = paragraphs(body.text, body.lang)
        versions = context["versions"] = language_versions(statement)
        # Offered only when there is something to set side by side.
        context["side_by_side"] = sum(version["exists"] for version in versions) > 1
        context["absolute_url"] = absolute_url(statement.get_absolute_url())
        context["citations"] = []
        for code in LANGUAGE_CODES:
            # Each citation points to the page in its own language.
            with override(code):
                url = absolute_url(statement.get_absolute_url())
            text = citation.formatted(statement, url, code)
            cited = citation.cited_url(statement, url)
            isolated = _other_language_fragments(statement, code)
            if cited:
                isolated.append((cited, None))
            context["citations"].append({"code": code, "html": _isolate(text, isolated)})
        return context


def _other_language_fragments(statement, code):
    """The texts a citation in `code` quotes in another language: a title, an
    outlet, a speaker or an organization shown as a fallback, and the original
    title of a translation. [(text, its language)]"""
    with override(code):
        organization = public_related(statement, "organization")
        values = [shown(statement, field) for field in ("title", "outlet", "speaker")]
        if organization:
            values.append(shown(organization, "name"))
    fragments = [(value.text, value.lang) for value in values if value.is_fallback and value.text]
    if statement.byline and written_in(statement.byline) != code:
        fragments.append((statement.byline, written_in(statement.byline)))
    original = statement.original_language
    if original != code and original in LANGUAGE_CODES:
        title = getattr(statement, f"title_{original}", "")
        if title:
            fragments.append((title, original))
    return fragments


def _isolate(text, fragments):
    """The citation as HTML, each fragment isolated from the text around it: a
    text in the other script in <bdi lang dir> (so an Arabic title inside an
    English reference neither reorders the line nor is read with the English
    voice), an address (language None) kept left-to-right."""
    parts, rest = [], text
    while True:
        found = [(rest.find(t), t, lang) for t, lang in fragments if t and t in rest]
        if not found:
            parts.append(escape(rest))
            return mark_safe("".join(parts))  # noqa: S308 - every part escaped
        start, fragment, lang = min(found, key=lambda f: (f[0], -len(f[1])))
        parts.append(escape(rest[:start]))
        if lang is None:
            parts.append(format_html('<span dir="ltr">{}</span>', fragment))
        else:
            parts.append(
                format_html('<bdi lang="{}" dir="{}">{}</bdi>', lang, direction(lang), fragment)
            )
        rest = rest[start + len(fragment) :]


class StatementSideBySideView(StatementMixin, DetailView):
    """Both language versions in two columns, paragraph beside paragraph."""

    template_name = "front/statements/statement_side_by_side.html"

    def get(self, request, *args, **kwargs):
        statement = self.object = self.get_object()
        # One version only: nothing to set beside it, so the statement itself.
        if sum(bool(getattr(statement, f"body_{code}")) for code in LANGUAGE_CODES) < 2:
            return redirect(statement)
        return self.render_to_response(self.get_context_data(object=statement))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statement = self.object
        # The original language first (inline start), then the other.
        codes = sorted(LANGUAGE_CODES, key=lambda code: code != statement.original_language)
        columns = [paragraphs(getattr(statement, f"body_{code}"), code) for code in codes]
        context["languages"] = [
            version
            for code in codes
            for version in language_versions(statement)
            if version["code"] == code
        ]
        context["rows"] = [
            [
                {"code": code, "dir": direction(code), "paragraph": paragraph}
                for code, paragraph in zip(codes, row, strict=True)
            ]
            for row in aligned(*columns)
        ]
        return context


class StatementCitationView(StatementMixin, DetailView):
    """The reference as a file for reference managers: CSL-JSON, BibTeX or RIS."""

    FORMATS = {
        "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
        "bib": ("application/x-bibtex; charset=utf-8", "bib"),
        "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    }

    def render_to_response(self, context, **response_kwargs):
        statement = self.object
        url = absolute_url(statement.get_absolute_url())
        language = get_language()
        fmt = self.kwargs["format"]
        if fmt == "json":
            text = json.dumps(
                [citation.csl_item(statement, url, language)], ensure_ascii=False, indent=2
            )
        elif fmt == "bib":
            text = citation.bibtex(statement, url, language)
        else:
            text = citation.ris(statement, url, language)
        content_type, extension = self.FORMATS[fmt]
        response = HttpResponse(text, content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{statement.slug}-{language}.{extension}"'
        )
        return response
