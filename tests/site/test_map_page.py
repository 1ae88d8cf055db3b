"""The map page in chromium: countries are links a keyboard reaches, each named with its headline and year; a
tap names a country before opening it; region views fit a phone without sideways scroll."""

from __future__ import annotations

import pytest

MAP = "notebooks/places/map.html"


def test_a_country_is_a_link_to_its_profile_with_a_title_and_focusable(site):
    url, browser = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + MAP)
    ghana = page.locator('svg.asm-map-svg a[data-iso3="GHA"]')
    assert ghana.get_attribute("href") == "profiles/GHA.html"
    assert ghana.locator("title").text_content().startswith("Ghana: ")
    for _ in range(300):  # Tab from the page's top until a map link has focus: it is in the tab order
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest && !!document.activeElement.closest('svg.asm-map-svg')"):
            break
    else:
        pytest.fail("Tab never reached a country of the map")
    page.evaluate("document.querySelector('svg.asm-map-svg a[data-iso3=\"GHA\"]').focus()")
    assert page.locator(".asm-map-note").inner_text().startswith("Ghana: ")
    page.keyboard.press("Enter")
    page.wait_for_url("**/profiles/GHA.html")
    page.close()


def test_a_tap_names_the_country_and_a_second_tap_opens_it_without_sideways_scroll(site):
    url, browser = site
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(url + MAP)
    page.locator("button.asm-map-view", has_text="Africa").click()
    box = page.locator("svg.asm-map-svg").bounding_box()
    assert box["width"] <= 390 and box["height"] > 250  # a region fills the phone's width, not a thumbnail
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    congo = page.locator('svg.asm-map-svg a[data-iso3="COD"] path')
    congo.tap()
    assert page.url.endswith(MAP)
    note = page.locator(".asm-map-note")
    assert note.inner_text().startswith("The Democratic Republic of the Congo: ")
    assert note.locator("a").get_attribute("href") == "profiles/COD.html"
    congo.tap()
    page.wait_for_url("**/profiles/COD.html")
    context.close()


def test_countries_off_the_map_are_named_not_coded(html_dir):
    """'too small to draw at this scale: CPV, GUF, STP' gave readers ISO codes: the page names them."""
    import re

    text = " ".join((html_dir / MAP).read_text(encoding="utf-8").split())
    listed = re.search(r"too small to draw at this scale: (.*?)\.</", text)
    assert listed, "the map page no longer lists the countries too small to draw"
    names = re.sub(r"<[^>]+>", "", listed.group(1))
    assert not re.search(r"\b[A-Z]{3}\b", names), names
