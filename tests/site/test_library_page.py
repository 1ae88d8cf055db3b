"""The resource library in chromium: the filter box finds entries by title words, publisher, country, year or
reliability; on a phone entries are compact until "Details"; no axe violation; untitled sources say what they are."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

LIBRARY = "book/library.html"


def _count(page) -> tuple[int, int]:
    shown = page.locator("div.citation:visible").count()
    return shown, page.locator("div.citation").count()


def test_filter_by_country_year_and_reliability(site):
    url, browser = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + LIBRARY)
    box = page.locator("#asm-library-filter")
    box.fill("ghana")
    shown, total = _count(page)
    assert 0 < shown < total / 4
    assert f"Showing {shown} of {total} sources" == page.locator(".asm-table-count").inner_text()
    box.fill("ghana 2019 primary")  # every word must occur: a country, a year, a reliability
    narrower, _ = _count(page)
    assert 0 < narrower < shown
    for entry in page.locator("div.citation:visible").all():
        text = entry.inner_text().casefold()
        assert "2019" in text and "primary" in text and "ghana" in text
    box.fill("zzzz-no-such-source")
    assert (
        _count(page)[0] == 0
        and page.locator("section:has(div.citation):not(:has(#asm-library-tools)):visible").count() == 0
    )
    page.close()


def test_entries_are_compact_on_a_phone_with_details_on_demand(site):
    url, browser = site
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url + LIBRARY)
    entry = page.locator("div.citation").first
    paragraph = entry.locator("p")
    line = float(paragraph.evaluate("p => parseFloat(getComputedStyle(p).lineHeight)"))
    closed = paragraph.bounding_box()["height"]
    assert closed <= 2.2 * line
    more = entry.locator("button.asm-entry-more")
    assert more.get_attribute("aria-expanded") == "false"
    more.click()
    assert more.get_attribute("aria-expanded") == "true" and paragraph.bounding_box()["height"] > closed
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_no_axe_violation_and_untitled_sources_described(site):
    url, browser = site
    page = browser.new_page()
    page.goto(url + LIBRARY)
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], len(v["nodes"])) for v in violations]
    text = page.locator(".bd-article").inner_text()
    assert "(title from URL)" not in text and "no title in the stored copy" in text
    assert page.evaluate("window.ASMHUB_BIBTEX === undefined")  # loaded at the first copy only
    button = page.locator("button.asm-copy-bibtex").first
    button.click()
    page.wait_for_function("window.ASMHUB_BIBTEX !== undefined")
    page.wait_for_function("document.querySelector('button.asm-copy-bibtex').textContent === 'Copied'")
    page.close()
