"""The optimistic lock cannot be skipped (issue 28, part 2).

A change form POST that does not say which version it was opened at (a script,
a tab opened before a deploy, a hand-made form) used to be saved without any
comparison, silently overwriting another editor's save. Every content admin
now refuses it with a form error and saves nothing; the history's revert, the
admin's actions and the import keep working as before.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from sscportal import content_types
from sscportal.admin_toolkit.locking import OptimisticLockingMixin, item_state

from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db

# Registered admins that are not content and keep Django's own change forms:
# reference data (loaded from fixtures, viewed by editors), accounts, login logs.
NOT_CONTENT = {
    "auth.group",
    "auth.user",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    # The media library: a stored file is never replaced, only described, and
    # its items keep no history (media/admin.py).
    "media.document",
    "media.image",
}


def content_admins():
    reference = {ct.model for ct in content_types.registered() if ct.reference}
    return sorted(
        (
            (model, model_admin)
            for model, model_admin in admin.site._registry.items()
            if model._meta.label_lower not in NOT_CONTENT and model not in reference
        ),
        key=lambda pair: pair[0]._meta.label_lower,
    )


CONTENT_ADMINS = [model._meta.label_lower for model, _admin in content_admins()]


def test_every_registered_admin_is_either_locked_content_or_named_as_not_content():
    reference = {ct.model for ct in content_types.registered() if ct.reference}
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if label in NOT_CONTENT or model in reference:
            continue
        assert isinstance(model_admin, OptimisticLockingMixin), f"{label}'s admin has no lock"
    # Every type with a history is edited through a locked admin.
    for content_type in content_types.registered():
        if not content_type.reference:
            assert isinstance(admin.site._registry[content_type.model], OptimisticLockingMixin)


@pytest.fixture
def publisher():
    client = Client()
    client.force_login(User.objects.create_superuser("pub", password="a long password pub"))
    return client


def stored_state(model_admin, item):
    request = RequestFactory().get("/")
    request.user = User.objects.get(username="pub")
    return item_state(model_admin, request, type(item)._default_manager.get(pk=item.pk))


def change_url(model, pk):
    return f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/{pk}/change/"


def a_text_field(data):
    """The name of a text input of the form that a POST can change."""
    for name in ("title_en", "name_en", "theme_en"):
        if name in data:
            return name
    raise AssertionError(f"no English title, name or theme in {sorted(data)}")


@pytest.mark.parametrize("label", CONTENT_ADMINS)
@pytest.mark.parametrize("version", [None, "", "not a version", "0" * 31, "g" * 32])
def test_a_change_post_without_a_valid_opened_version_is_refused(
    demo_content, publisher, label, version
):
    model = next(model for model, _admin in content_admins() if model._meta.label_lower == label)
    model_admin = admin.site._registry[model]
    item = model._default_manager.order_by("pk").first()
    assert item is not None, f"the demo content has no {label}"
    url = change_url(model, item.pk)
    data = change_form_data(publisher, url)
    assert len(data["_opened_version"]) == 32
    before = stored_state(model_admin, item)
    records = item.history.count()
    if version is None:
        del data["_opened_version"]
    else:
        data["_opened_version"] = version
    field = a_text_field(data)
    data[field] = "Overwritten by a script"

    response = publisher.post(url, data)

    assert response.status_code == 200
    assert "did not say which version of the item it was opened at" in response.text
    # The form keeps the values sent, and now carries the stored version.
    assert 'value="Overwritten by a script"' in response.text
    sent_back = re.search(r'name="_opened_version" value="([^"]*)"', response.text)
    assert sent_back and re.fullmatch("[0-9a-f]{32}", sent_back.group(1))
    after = stored_state(model_admin, item)
    assert after == before
    assert item.history.count() == records


@pytest.mark.parametrize("version", [None, "not a version"])
def test_the_refused_form_saved_again_is_kept(demo_content, publisher, version):
    from initiatives.models import Initiative

    item = Initiative.objects.order_by("pk").first()
    url = change_url(Initiative, item.pk)
    data = change_form_data(publisher, url)
    if version is None:
        del data["_opened_version"]
    else:
        data["_opened_version"] = version
    data["title_en"] = "The editor's title"
    refused = publisher.post(url, data)
    assert refused.status_code == 200
    from .test_admin_locking import change_form_data_from

    again = change_form_data_from(publisher, refused.text)
    assert publisher.post(url, again).status_code == 302
    item.refresh_from_db()
    assert item.title_en == "The editor's title"


def test_adding_needs_no_version(publisher):
    from pages.models import Page

    data = change_form_data(publisher, "/en/admin/pages/page/add/")
    assert "_opened_version" not in data
    data.update({"title_en": "A new page", "slug": "a-new-page", "order": "0"})
    response = publisher.post("/en/admin/pages/page/add/", data)
    assert response.status_code == 302, response.text
    assert Page.objects.filter(slug="a-new-page").exists()
