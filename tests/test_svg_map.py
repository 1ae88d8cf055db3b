"""The SVG country map (asmhub_utils/chapters/svg_map.py): every shape named, linked when it has a profile,
classed by maps.py's classes, its text escaped; the views' boxes hold their regions."""

import re
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from asmhub_utils import escape
from asmhub_utils.chapters import data, maps, svg_map
from asmhub_utils.tidy import schema

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def headlines():
    """The four made-up countries of tests/fixtures/countries.csv put on real shapes; one with a hostile name."""
    frame = data._read(FIXTURES / "countries.csv", schema.COUNTRY_COLUMNS)
    frame["iso3"] = ["GHA", "ARG", "COD", "PER"]
    frame.loc[0, "country_name"] = 'Gh<script>alert(1)</script>"ana'
    return frame


def test_countries_with_a_row_are_links_with_name_headline_and_year(headlines):
    html = svg_map.map_html("t", headlines)
    links = re.findall(r'<a class="asm-country" href="([^"]+)" data-iso3="(\w+)"><title>([^<]*)</title>', html)
    assert {iso3 for _, iso3, _ in links} == {"GHA", "ARG", "COD", "PER"}
    by_code = {iso3: (href, title) for href, iso3, title in links}
    assert by_code["GHA"] == (
        "profiles/GHA.html",
        escape.html('Gh<script>alert(1)</script>"ana: 80,000 people (range 70,000-90,000), 2016; all people in ASM'),
    )
    assert by_code["ARG"][1] == "Bland Test: " + maps.NO_COUNT_LABEL
    # the source's own words (no parsed number) get no unit: 'más de 11500 mineros people' read as nonsense
    assert by_code["COD"][1] == "Cland Test: about 2 million, undated; all people in ASM"
    assert "<script>" not in html


def test_countries_without_data_are_named_shapes_not_links(headlines):
    html = svg_map.map_html("t", headlines)
    assert re.search(r'<path class="asm-country-none" d="[^"]+" fill="#d9d9d9"><title>Chile: no data</title>', html)
    assert len(re.findall("<a ", html)) == 4


def test_fills_follow_the_classes_and_narrower_counts_are_hatched(headlines):
    shapes = {c.iso3: c for c in svg_map.countries(headlines)}
    assert shapes["GHA"].fill == maps.CLASS_COLOURS[1]  # 80,000: 10,000 to 99,999
    assert shapes["ARG"].fill == maps.NO_COUNT_COLOUR != maps.NO_DATA_COLOUR == shapes["CHL"].fill
    assert shapes["PER"].hatched and not shapes["GHA"].hatched
    html = svg_map.map_html("t", headlines)
    assert re.search(r'data-iso3="PER"><title>[^<]*</title><path d="[^"]+" fill="url\(#map-hatch-0\)"', html)


def test_keyboard_order_is_the_order_of_the_names(headlines):
    names = [c.name for c in svg_map.countries(headlines)]
    assert names == sorted(names)


def test_path_data_is_relative_whole_units_and_drops_specks():
    square = Polygon([(0, 0), (2, 0), (2, 1), (0, 1)])
    path = svg_map.path_data(square)
    assert path == "M1800 840l20 0 0 -10 -20 0z"  # lon 0, lat 0: 180 and 84 degrees from the corner
    assert svg_map.path_data(Polygon([(0, 0), (0.1, 0), (0.1, 0.1)])) == ""


def test_every_view_box_holds_the_countries_of_its_region():
    shapes = maps.world().set_index("iso_a3")
    for name, region in maps.REGIONS.items():
        left, top, width, height = map(int, svg_map.view_box(region.extent).split())
        for iso3 in data.countries()["iso3"]:
            if region.holds(iso3) and iso3 in shapes.index:
                lon_min, lat_min, lon_max, lat_max = shapes.loc[iso3].geometry.bounds
                x0, y0 = svg_map._point(lon_min, lat_max)
                x1, y1 = svg_map._point(lon_max, lat_min)
                assert left <= x0 and x1 <= left + width and top <= y0 and y1 <= top + height, (name, iso3)
