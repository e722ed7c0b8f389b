"""A published statement never shows what is still a draft elsewhere (issue 12, item 11)."""

import pytest

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_published_statement_hides_its_draft_events_title(client, language):
    event = factories.EventFactory(status="draft", title_en="Secret panel", title_ar="ندوة سرية")
    statement = factories.StatementFactory(event=event)
    page = client.get(f"/{language}/statements/{statement.slug}/").content.decode()
    assert "Secret panel" not in page
    assert "ندوة سرية" not in page
    assert event.get_absolute_url() not in page


def test_a_published_statement_links_its_published_event(client):
    event = factories.EventFactory(title_en="Open panel")
    statement = factories.StatementFactory(event=event)
    page = client.get(f"/en/statements/{statement.slug}/").content.decode()
    assert "Open panel" in page
