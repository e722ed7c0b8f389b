"""When the data last changed (the data page, the data package, the Dataset's
dateModified): a change readers could see, not an editor's draft."""

import pytest
from django.core.cache import cache

from sscportal.open_data.changes import last_change

from .. import factories

pytestmark = pytest.mark.django_db


def newest():
    cache.clear()  # the value is kept until content changes; read it afresh
    return last_change()


def test_publishing_editing_and_withdrawing_move_it_saving_a_draft_does_not():
    published = factories.InitiativeFactory()
    after_publishing = newest()
    assert after_publishing is not None

    draft = factories.InitiativeFactory(status="draft")
    draft.title_en = "Still a draft"
    draft.save()
    assert newest() == after_publishing

    published.title_en = "Edited while public"
    published.save()
    after_editing = newest()
    assert after_editing > after_publishing

    published.status = "draft"
    published.save()
    after_withdrawing = newest()
    assert after_withdrawing > after_editing

    published.title_en = "Edited as a draft again"
    published.save()
    assert newest() == after_withdrawing


def test_deleting_a_public_item_moves_it():
    item = factories.InitiativeFactory()
    before = newest()
    item.delete()
    assert newest() > before
