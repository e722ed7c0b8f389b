"""The countries index's world map and a country page's charts."""

import datetime
import re

import pytest

from front.countries import world_map
from initiatives.models import Country

from .. import factories

pytestmark = pytest.mark.django_db


def map_links(html):
    svg = re.search(r'<figure class="world-map".*?</svg>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><title>([^<]+)</title>', svg)


@pytest.mark.parametrize(
    ("language", "kenya", "tuvalu"),
    [
        ("en", "Kenya: 2 initiatives", "Tuvalu: 1 initiative"),
        ("ar", "كينيا: مبادرتان", "توفالو: مبادرة واحدة"),
    ],
)
def test_the_map_links_each_country_with_content_by_its_name(client, language, kenya, tuvalu):
    factories.InitiativeCountryFactory(country=factories.country("KE"))
    factories.InitiativeCountryFactory(country=factories.country("KE"))
    # Too small for the 110m outlines: drawn as a dot, still a link.
    factories.InitiativeCountryFactory(country=factories.country("TV"))
    factories.InitiativeCountryFactory(country=factories.country("BR"), initiative__status="draft")
    factories.EventFactory(country=factories.country("PE"))  # content, but no initiative
    links = map_links(client.get(f"/{language}/countries/").content.decode())
    by_url = {url: label for url, label, _title in links}
    assert len(links) == len(by_url) == 3, "one link per country with published content"
    assert by_url[f"/{language}/countries/ke/"] == kenya
    assert by_url[f"/{language}/countries/tv/"] == tuvalu
    assert f"/{language}/countries/pe/" in by_url
    assert f"/{language}/countries/br/" not in by_url
    assert all(label == title for _url, label, title in links)


def test_every_country_of_the_fixture_can_be_drawn():
    drawn = world_map.world()
    codes = {str(m49) for m49 in Country.objects.values_list("m49", flat=True)}
    missing = codes - set(drawn["shapes"]) - set(drawn["dots"])
    # Only the one territory the taxonomy gives no position (and Antarctica).
    assert len(missing) <= 2, missing


def test_shades_follow_the_counts():
    limits = world_map.shade_limits([1, 1, 2, 3, 5, 8, 13, 21, 34, 55])
    assert limits == sorted(limits)
    shades = [world_map.shade_of(n, limits) for n in (0, 1, 13, 55)]
    assert shades[0] == 0 and shades[1] == 1 and shades[-1] == len(limits)
    assert shades == sorted(shades)


@pytest.mark.parametrize(("language", "none"), [("en", "0 initiatives"), ("ar", "لا مبادرات")])
def test_the_key_explains_the_shade_of_a_country_with_events_but_no_initiative(
    client, language, none
):
    factories.InitiativeCountryFactory(country=factories.country("KE"))
    factories.EventFactory(country=factories.country("PE"))
    html = client.get(f"/{language}/countries/").content.decode()
    svg = re.search(r'<figure class="world-map".*?</svg>', html, re.S).group(0)
    key = re.search(r'<ul class="map-legend".*?</ul>', html, re.S).group(0)
    shades = set(re.findall(r'<path class="(shade-\d)"', svg))
    keyed = dict(
        re.findall(r'<span class="swatch (shade-\d)"\s+aria-hidden="true"></span>([^<]+)', key)
    )
    assert shades == {"shade-0", "shade-1"}
    assert set(keyed) == shades, "every shade on the map is in the key"
    assert keyed["shade-0"] == none


@pytest.mark.parametrize(
    ("language", "range_label"), [("en", "2 to 3 initiatives"), ("ar", "من 2 إلى 3 مبادرات")]
)
def test_a_range_in_the_key_agrees_with_its_highest_number(client, language, range_label):
    # In Arabic the noun after 3 to 10 is plural ("3 مبادرات"), after 11 or more singular.
    factories.InitiativeCountryFactory(country=factories.country("KE"))
    for _ in range(3):
        factories.InitiativeCountryFactory(country=factories.country("TZ"))
    key = re.search(
        r'<ul class="map-legend".*?</ul>',
        client.get(f"/{language}/countries/").content.decode(),
        re.S,
    ).group(0)
    assert re.findall(r"</span>([^<]+)</li>", key)[-1] == range_label


def test_the_map_carries_the_un_disclaimer_in_each_language(client):
    factories.InitiativeCountryFactory()
    english = client.get("/en/countries/").content.decode()
    arabic = client.get("/ar/countries/").content.decode()
    assert "do not imply official endorsement or acceptance by the United Nations" in english
    assert "لا تعني تأييداً أو قبولاً رسمياً من جانب الأمم المتحدة" in arabic


def chart_table(html, chart_id):
    figure = re.search(rf'<figcaption id="{chart_id}-title">.*?</figure>', html, re.S).group(0)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', figure)
    bars = re.findall(r'<text class="value"[^>]*>(\d+)</text>', figure)
    return {label: int(n) for label, n in rows}, [int(n) for n in bars]


def test_the_charts_data_tables_match_the_counts(client):
    kenya = factories.country("KE")
    for n in range(5):
        initiative = factories.InitiativeFactory(
            modality="triangular" if n < 2 else "bilateral",
            start_date=datetime.date(2019 + n % 2, 1, 1) if n < 4 else None,
        )
        initiative.sdgs.set([2, 13] if n % 2 else [2])
        factories.InitiativeCountryFactory(initiative=initiative, country=kenya)
    draft = factories.InitiativeFactory(status="draft", modality="regional")
    factories.InitiativeCountryFactory(initiative=draft, country=kenya)
    html = client.get("/en/countries/ke/").content.decode()
    goals, goal_bars = chart_table(html, "chart-sdg")
    assert goals == {"2. Zero Hunger": 5, "13. Climate Action": 2}
    assert goal_bars == [5, 2]
    years, year_bars = chart_table(html, "chart-year")
    assert years == {"2019": 2, "2020": 2}
    assert year_bars == [2, 2]
    assert "1 initiative has no start date." in html
    modalities, _bars = chart_table(html, "chart-modality")
    assert modalities == {"Bilateral South-South": 3, "Triangular": 2}
    arabic = client.get("/ar/countries/ke/").content.decode()
    goals, _bars = chart_table(arabic, "chart-sdg")
    assert goals == {"2. القضاء التام على الجوع": 5, "13. العمل المناخي": 2}
    assert 'direction="rtl"' in arabic


def test_the_country_header_shows_flag_groups_and_codes_in_details(client):
    factories.InitiativeCountryFactory(country=factories.country("ET"))
    html = client.get("/en/countries/et/").content.decode()
    assert '<img class="flag" src="/static/vendor/flag-icons/4x3/et.' in html
    assert 'href="/en/countries/groups/ldc/"' in html
    assert 'href="/en/countries/groups/lldc/"' in html
    assert 'href="/en/countries/regions/002/"' in html
    assert re.search(r'<svg class="locator"[^>]*role="img"', html)
    assert re.search(r'<details class="codes">.*ETH.*</details>', html, re.S)


def test_drawings_use_plain_numbers_in_arabic(client):
    # Localised decimals ("12,5") in an SVG attribute draw nothing.
    initiative = factories.InitiativeFactory()
    initiative.sdgs.set([1, 2, 3])
    factories.InitiativeCountryFactory(initiative=initiative, country=factories.country("TV"))
    for url in ("/ar/countries/", "/ar/countries/tv/"):
        html = client.get(url).content.decode()
        numbers = re.findall(r' (?:x|y|cx|cy|width|height)="([^"]*)"', html)
        assert numbers, url
        assert all(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", n) for n in numbers), url


def test_no_outline_jumps_across_the_map():
    # A ring crossing the antimeridian would draw a line across the whole world.
    for code, shape in world_map.world()["shapes"].items():
        steps = re.findall(r"l(-?[0-9.]+) ", shape["d"])
        assert all(abs(float(step)) < world_map.WIDTH / 2 for step in steps), code


@pytest.mark.parametrize("m49", [156, 643, 242, 798])  # China, Russia, Fiji, Tuvalu (a dot)
def test_a_locator_map_draws_nothing_outside_its_view(m49):
    view_box, shapes, _dot = world_map.locator(m49)
    left, top, width, height = map(float, view_box.split())
    assert shapes, "the neighbours are drawn"
    for _code, d in shapes:
        numbers = [float(n) for n in re.findall(r"-?[0-9.]+", d)]
        xs, ys = numbers[::2], numbers[1::2]
        assert left - 1 <= min(xs) and max(xs) <= left + width + 1
        assert top - 1 <= min(ys) and max(ys) <= top + height + 1
