"""The robustness tests reach every route of the URLconf (issue 28, part 6).

Their URLs used to be a hand list that lacked resources, organizations,
regions, groups, site pages, Day pages and every detail page; they are now
derived from the URLconf (public_urls.py). A route for which no sample URL
can be made fails here, named.
"""

import pytest
from django.conf import settings
from django.urls import get_resolver, resolve
from django.utils.translation import override

from sscportal.reader_toolkit.listing import FilterForm

from .public_urls import public_urls, route_names, routes, sample_urls

pytestmark = pytest.mark.django_db


def test_every_named_route_but_the_admins_is_attacked():
    # Django's own index of names, independent of public_urls.py's walk.
    resolver = get_resolver()
    names = {name for name in resolver.reverse_dict if isinstance(name, str)}
    for namespace, (_prefix, inner) in resolver.namespace_dict.items():
        if namespace != "admin":
            names |= {f"{namespace}:{n}" for n in inner.reverse_dict if isinstance(n, str)}
    assert set(route_names()) == names
    assert {"resources:resource_list", "pages:page_detail", "countries:group_detail"} <= names
    assert {"people:person_detail", "api:people_list", "api:people_detail"} <= names


@pytest.mark.parametrize("name", route_names())
def test_every_route_has_sample_urls_that_answer(client, demo_content, name):
    route = next(route for route in routes() if route.name == name)
    for language in route.languages():
        urls = sample_urls(route, language)
        assert urls, f"no sample URL for {name}: give its arguments in public_urls.py"
        for url in urls:
            with override(language or settings.LANGUAGE_CODE):
                match = resolve(url)
            assert match.view_name == name, url
            assert client.get(url).status_code == 200, url


def _filter_forms(cls=FilterForm):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _filter_forms(subclass)


def test_every_filter_forms_fields_are_swept(demo_content):
    swept = {name for route, _url in public_urls() for name in route.parameters}
    forms = list(_filter_forms())
    assert {form.__name__ for form in forms} >= {
        "InitiativeFilterForm",
        "StatementFilterForm",
        "ResourceFilterForm",
    }
    for form in forms:
        assert set(form.base_fields) <= swept, form.__name__
