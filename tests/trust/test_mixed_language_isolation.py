"""Text in the other language is marked where it sits: a heading carries its
own lang and dir (so it takes its own alignment), an inline fragment is
isolated in <bdi>, and a card says once that it is in one language only."""

import pytest
from lxml import html as lxml_html

from .. import factories

pytestmark = pytest.mark.django_db

UNESCO = "statements/unesco-dg-message-2005/"  # English only
DABUR = "statements/dabur-remarks-joint-report-2020/"  # Arabic only


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return lxml_html.document_fromstring(response.text)


@pytest.mark.parametrize(
    ("path", "lang", "direction"), [(f"/ar/{UNESCO}", "en", "ltr"), (f"/en/{DABUR}", "ar", "rtl")]
)
def test_a_heading_in_the_other_language_carries_lang_and_dir_itself(
    client, demo_content, path, lang, direction
):
    (heading,) = page(client, path).xpath("//h1")
    assert (heading.get("lang"), heading.get("dir")) == (lang, direction)
    # Nothing inside it says otherwise.
    assert heading.xpath(".//*[@lang]") == []


def test_a_heading_in_the_page_language_is_not_marked(client, demo_content):
    (heading,) = page(client, f"/en/{UNESCO}").xpath("//h1")
    assert heading.get("lang") is None and heading.get("dir") is None


def test_an_english_role_after_an_arabic_name_is_isolated(client, demo_content):
    document = page(client, f"/ar/{UNESCO}")
    (role,) = document.xpath("//dl[@class='facts']//bdi[@lang='en']")
    assert role.text == "Director-General of UNESCO"
    assert role.get("dir") == "ltr"


def test_an_english_title_in_an_arabic_citation_is_isolated(client, demo_content):
    document = page(client, f"/ar/{UNESCO}")
    (arabic,) = document.xpath("//p[@class='citation'][@lang='ar']")
    (title,) = arabic.xpath("./bdi")
    assert title.get("lang") == "en" and title.get("dir") == "ltr"
    assert title.text.startswith("Message from the Director-General of UNESCO")


def test_an_arabic_title_in_an_english_citation_is_isolated(client):
    statement = factories.StatementFactory(
        title_en="", title_ar="كلمة المدير العام", body_en="", body_ar="<p>نص</p>"
    )
    document = page(client, f"/en/statements/{statement.slug}/")
    (english,) = document.xpath("//p[@class='citation'][@lang='en']")
    titles = english.xpath("./bdi[@lang='ar'][@dir='rtl']")
    assert [title.text for title in titles] == ["كلمة المدير العام"]


def test_a_latin_byline_on_an_arabic_page_is_marked_english(client, demo_content):
    document = page(client, "/ar/statements/al-khatib-remarks-china-unossc-2025/")
    (byline,) = document.xpath("//span[@class='byline']/bdi")
    assert (byline.get("lang"), byline.text) == ("en", "Bilin Lin")


@pytest.mark.parametrize(
    ("path", "card"),
    [
        ("/ar/statements/", "Message from the Director-General of UNESCO"),
        ("/en/statements/", "كلمة المدير العام لسيسرك"),
    ],
)
def test_a_card_in_the_other_language_says_so_once(client, demo_content, path, card):
    document = page(client, path)
    (item,) = [li for li in document.xpath("//li[h3]") if card in li.text_content()]
    assert len(item.xpath(".//*[@class='language-badge']")) == 1
    assert item.xpath(".//*[@class='fallback-note']") == []


def test_an_initiative_card_with_an_english_summary_shows_only_the_badge(client):
    factories.InitiativeFactory(title_ar="", summary_ar="", title_en="Only English")
    document = page(client, "/ar/initiatives/")
    (card,) = [
        li for li in document.xpath("//li[@class='card']") if "Only English" in li.text_content()
    ]
    assert len(card.xpath(".//*[@class='language-badge']")) == 1
    assert card.xpath(".//*[@class='fallback-note']") == []
    (heading,) = card.xpath("./h3")
    assert heading.get("lang") == "en"
    # The badge is in the reader's language, inside the English heading.
    assert card.xpath(".//*[@class='language-badge']/@lang") == ["ar"]


def test_a_sector_share_is_written_the_arabic_way(client):
    from initiatives.models import InitiativeSector, Sector

    initiative = factories.InitiativeFactory()
    sector, _created = Sector.objects.get_or_create(
        code="114", defaults={"name_en": "Education", "name_ar": "التعليم"}
    )
    InitiativeSector.objects.create(initiative=initiative, sector=sector, percentage=40)
    arabic = page(client, f"/ar/initiatives/{initiative.slug}/").text_content()
    english = page(client, f"/en/initiatives/{initiative.slug}/").text_content()
    assert "(114، 40٪)" in " ".join(arabic.split())
    assert "(114, 40%)" in " ".join(english.split())
