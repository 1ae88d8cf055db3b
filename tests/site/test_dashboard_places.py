"""The built book has the dashboard pages (each chart with Sources and a download) and a page per country."""

import re

import pytest

from asmhub_utils.chapters import places

DASHBOARD = ["headline_indicators", "workforce_over_time", "supply_share", "mineral_mix", "women", "amazon_mined_area"]


@pytest.mark.parametrize("name", DASHBOARD)
def test_dashboard_page_has_chart_caption_sources_and_download(html_dir, name):
    page = (html_dir / "notebooks" / "dashboard" / f"{name}.html").read_text(encoding="utf-8")
    assert re.search(r'(<img[^>]+alt|<svg[^>]+aria-label)="[^"]{20,}"', page), "chart with alt text or label"
    assert "<figcaption" in page
    assert "Sources:" in page or "Source of" in page
    assert "Data years:" in page
    links = re.findall(r'href="([^"]*downloads/[^"]+\.csv)"', page)
    assert links
    for link in links:
        assert (html_dir / "notebooks" / "dashboard" / link).resolve().is_file(), link


def test_every_country_with_data_has_a_profile_page(html_dir):
    codes = set(places.country_figures()["iso3"])
    built = {p.stem for p in (html_dir / "notebooks" / "places" / "profiles").glob("*.html")}
    assert codes == built
    ghana = (html_dir / "notebooks" / "places" / "profiles" / "GHA.html").read_text(encoding="utf-8")
    assert "<title>Ghana" in ghana and "Sources:" in ghana and "What is missing" in ghana


def test_country_table_links_every_profile_and_loads_only_the_small_table_script(html_dir):
    table_page = html_dir / "notebooks" / "places" / "country_table.html"
    page = table_page.read_text(encoding="utf-8")
    links = set(re.findall(r'href="(profiles/[A-Z]{3}\.html)"', page))
    assert len(links) > 10
    for href in links:
        assert (table_page.parent / href).is_file(), href
    assert '<script defer src="../../_static/asmhub-table.js">' in page
    assert (html_dir / "_static" / "asmhub-table.js").stat().st_size < 10_000
    assert "dt_bundle" not in page and 'class="asm-sortable"' in page


def test_profile_and_dashboard_pages_stay_light(html_dir):
    for folder in ("notebooks/places/profiles", "notebooks/dashboard"):
        for page in (html_dir / folder).glob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert "dt_bundle" not in text, f"{page.name} loads DataTables"
            # 150 KB: the women and Amazon pages reached 150-168 KB with every chart text carrying its whole font
            # list (chapters/svg_compact.py says it once); what a first visit costs: tests/site/test_page_assets.py
            assert page.stat().st_size < 150_000, f"{page.name} is {page.stat().st_size} bytes"


def test_map_page_shows_no_data_class(html_dir):
    page = (html_dir / "notebooks" / "places" / "map.html").read_text(encoding="utf-8")
    assert "no data" in page and re.search(
        r'<svg[^>]+class="asm-map-svg"[^>]+aria-label="[^"]*linked to its profile', page
    )
