"""Malformed parameters never raise: a useful page, or a clear 404."""

import pytest

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=1.5",
        "sdg=99",
        "sdg=abc",
        "country=zz",
        "country=%00",
        "region=99999",
        "year=-1",
        "year=99999999999999999999",
        "modality=<script>",
        "stage=",
        "sector=abc",
        "sector=%00",
        "sector=3111",
        "group=%00",
        "group=" + "x" * 500,
        "group=ldc&members=2",
        "group=ldc&members=1&year=2020",
        "members=1",
        "dates=yes",
        "dates=unknown&year=2020",
        "q=" + "و" * 5000,
        "q=%27%3B+DROP+TABLE+initiatives_initiative%3B--",
        "q=%E2%80%8F%F0%9F%8C%8D%22",
    ],
)
def test_initiative_list_answers_any_query(client, demo_content, language, query):
    response = client.get(f"/{language}/initiatives/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main", 1)[1]


@pytest.mark.parametrize(
    "query", ["year=-1", "organization=nobody", "kind=poem", "page=xyz", "q=" + "x" * 5000]
)
def test_statement_list_answers_any_query(client, demo_content, query):
    assert client.get(f"/en/statements/?{query}").status_code == 200


def test_an_invalid_filter_is_ignored_with_a_visible_note(client, demo_content):
    response = client.get("/en/initiatives/?country=zz&sdg=2")
    html = response.text
    assert "Country: “zz” is not valid and was ignored (unknown country code)" in html
    # The valid filter still applies.
    assert "Climate-smart agriculture in Africa" in html
    assert "SESRIC programmes" not in html


def test_an_invalid_filter_note_is_in_arabic_on_arabic_pages(client, demo_content):
    html = client.get("/ar/initiatives/?sdg=99").text
    assert "تم تجاهله" in html


def test_page_past_the_end_is_a_404_that_says_so(client, demo_content):
    response = client.get("/en/initiatives/?page=99999")
    assert response.status_code == 404
    assert "There is no page 99999; the last page is 1." in response.text
    arabic = client.get("/ar/initiatives/?page=99999")
    assert arabic.status_code == 404 and '<html lang="ar" dir="rtl">' in arabic.text


@pytest.mark.parametrize(
    "path",
    [
        "/en/initiatives/no-such-initiative/",
        "/en/countries/zz/",
        "/en/countries/CN/",
        "/en/countries/chn/",
        "/en/events/1800/",
        "/en/events/2023/no-such-event/",
        "/en/events/2020/high-level-panel-2023/",
        "/en/events/2020/high-level-panel-2023.ics",
        "/en/statements/no-such-statement/",
        "/ar/statements/no-such-statement/",
    ],
)
def test_unknown_things_are_404(client, demo_content, path):
    assert client.get(path).status_code == 404


def test_drafts_are_invisible_to_the_public(client):
    draft = factories.StatementFactory(status="draft")
    initiative = factories.InitiativeFactory(status="draft")
    event = factories.EventFactory(status="draft")
    for obj in (draft, initiative, event):
        assert client.get(obj.get_absolute_url()).status_code == 404
    assert draft.title_en not in client.get("/en/statements/").text
    assert initiative.title_en not in client.get("/en/initiatives/").text
    assert client.get(f"/en/events/{event.year}/{event.slug}.ics").status_code == 404


def test_staff_see_drafts_with_a_banner(client, admin_user):
    client.force_login(admin_user)
    draft = factories.StatementFactory(status="draft")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert 'class="draft-banner"' in response.text
    published = factories.StatementFactory(status="published")
    assert 'class="draft-banner"' not in client.get(published.get_absolute_url()).text
    arabic = client.get("/ar" + draft.get_absolute_url()[3:]).text
    assert "مسودة" in arabic
