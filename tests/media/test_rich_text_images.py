"""Images in rich text: from the library only, drawn with the page language's alternative text."""

import pytest

from sscportal.text.sanitize import sanitize_html
from tests.factories import EventFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "written",
    [
        '<p>x<img src="https://tracker.example/pixel.gif" alt="x"></p>',
        '<p>x<img src="javascript:alert(1)"></p>',
        '<p>x<img src="/static/img/logo.svg" onerror="alert(1)"></p>',
        '<p>x<img data-media-id="one"></p>',
    ],
)
def test_an_image_from_outside_the_library_is_dropped(written):
    assert sanitize_html(written) == "<p>x</p>"


def test_a_library_image_is_kept_by_its_id_alone():
    stored = sanitize_html('<p><img src="/media/images/12/a.png" alt="frozen" width="9"></p>')
    assert stored == '<p><img data-media-id="12"></p>'
    assert sanitize_html(stored) == stored


@pytest.mark.parametrize(
    ("language", "alt"),
    [("en", "Delegates at the opening of the Day"), ("ar", "المندوبون في افتتاح اليوم")],
)
def test_the_event_page_draws_the_image_with_its_alt_text_in_the_page_language(
    client, picture, language, alt
):
    event = EventFactory(description_en=f'<p>Opening.</p><img data-media-id="{picture.pk}">')
    page = client.get(event.get_absolute_url().replace("/en/", f"/{language}/")).content.decode()
    assert f'alt="{alt}"' in page
    assert 'width="1600" height="900"' in page
    assert f"/media/images/{picture.pk}/640w/" in page
    # The image is public through the page that shows it.
    assert client.get(f"/media/images/{picture.pk}/x.png").status_code == 200


def test_an_image_only_in_a_drafts_text_stays_private(client, picture):
    StatementFactory(status="draft", body_en=f'<p>Hi</p><img data-media-id="{picture.pk}">')
    assert client.get(f"/media/images/{picture.pk}/x.png").status_code == 404


def test_a_statement_shows_its_library_image(client, picture):
    statement = StatementFactory(body_en=f'<p>Hi</p><p><img data-media-id="{picture.pk}"></p>')
    page = client.get(statement.get_absolute_url()).content.decode()
    assert 'alt="Delegates at the opening of the Day"' in page


def test_a_deleted_image_disappears_from_the_text(client, picture):
    event = EventFactory(description_en=f'<p>Opening.</p><img data-media-id="{picture.pk}">')
    picture.delete()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<img data-media-id" not in page and "/media/images/" not in page
