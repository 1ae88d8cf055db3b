"""Every page of the built book in a real browser: Debian's chromium, driven by Playwright, site served on 127.0.0.1.

One pass loads every page as a first-time reader (HTTP cache off) and records its requests, console errors and
bytes; the tests below read that record. `make test` runs this file on one xdist worker (`--dist loadfile`).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from asmhub_utils.site import first_visit
from asmhub_utils.site.built_pages import book_pages

COUNTRY_TABLE = "notebooks/places/country_table.html"
SEARCH_BOX = "input.asm-table-filter"
TABLE = "table.asm-sortable"
# Pages the issue names for the accessibility check; each kind is checked on the first page of its kind that exists.
AXE_PAGES = {
    "landing page": ["book/index.html"],
    "chart page (primer)": ["notebooks/primer.html"],
    "dashboard chart page": "notebooks/dashboard/*.html",
    "country table": [COUNTRY_TABLE],
    "country profile": "notebooks/places/profiles/*.html",
    "theme": "notebooks/themes/*.html",
}


@pytest.fixture(scope="module")
def base_url(html_dir):
    with first_visit.serve(html_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def visits(browser, base_url, html_dir) -> dict[str, first_visit.Visit]:
    reader = first_visit.Reader(browser)
    try:
        return {page: reader.load(base_url + page) for page in book_pages(html_dir)}
    finally:
        reader.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}: {item}" for page, items in problems.items() for item in items[:5])


def test_every_page_of_the_book_was_loaded(visits, html_dir):
    assert "book/index.html" in visits and "notebooks/primer.html" in visits
    assert len(visits) == len(book_pages(html_dir))


def test_no_page_requests_another_host(visits):
    outside = {page: v.outside for page, v in visits.items() if v.outside}
    assert not outside, "requests to other hosts:\n" + _report(outside)


def test_no_page_logs_a_console_error(visits):
    errors = {page: v.console_errors for page, v in visits.items() if v.console_errors}
    assert not errors, "console errors:\n" + _report(errors)


def test_every_local_request_succeeds(visits):
    failed = {page: v.failed for page, v in visits.items() if v.failed}
    assert not failed, "failed requests:\n" + _report(failed)


def test_page_weight_meets_the_targets(visits):
    """The budget is on the bytes as stored (what an uncompressing host sends); benchmarks/page_weight.py prints
    gzip too."""
    import statistics

    stored = {page: v.bytes for page, v in visits.items()}
    median, largest = statistics.median(stored.values()), max(stored.values())
    heaviest = sorted(stored.items(), key=lambda item: item[1], reverse=True)[:5]
    detail = ", ".join(f"{page} {size // 1024} KB" for page, size in heaviest)
    assert median <= first_visit.MEDIAN_TARGET, f"median page {median // 1024} KB > 250 KB; heaviest: {detail}"
    assert largest <= first_visit.MAX_TARGET, f"largest page {largest // 1024} KB > 600 KB; heaviest: {detail}"


def test_the_navigation_opens_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 400, "height": 800})
    page = context.new_page()
    page.goto(base_url + "notebooks/primer.html", wait_until="networkidle")  # the theme wires its buttons late
    link = page.locator("a:visible", has_text="How to cite")  # the primer's text does not link this page
    assert link.count() == 0
    page.locator("button.primary-toggle:visible").first.click()
    link.first.wait_for(state="visible", timeout=5000)
    link.first.click()
    page.wait_for_url("**/book/cite.html")
    context.close()


def _first_existing(html_dir, spec) -> str | None:
    candidates = (
        spec if isinstance(spec, list) else sorted(p.relative_to(html_dir).as_posix() for p in html_dir.glob(spec))
    )
    return next((c for c in candidates if (html_dir / c).exists()), None)


@pytest.mark.parametrize("kind", AXE_PAGES)
def test_no_critical_or_serious_accessibility_violation(kind, page, base_url, html_dir):
    target = _first_existing(html_dir, AXE_PAGES[kind])
    assert target is not None, f"the build has no {kind} page ({AXE_PAGES[kind]})"
    page.goto(base_url + target)
    violations = Axe().run(page).response["violations"]
    bad = [
        f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in violations
        if v["impact"] in ("critical", "serious")
    ]
    assert not bad, f"{target}:\n" + "\n".join(bad)


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _info(page) -> str:
    return page.locator(".asm-table-count").first.inner_text()


def _column_values(page, index: int) -> list[str]:
    return [
        t.strip() for t in page.locator(f"{TABLE} tbody tr:not([hidden]) td:nth-child({index + 1})").all_inner_texts()
    ]


def _column(page, name: str) -> int:
    headers = [h.strip().casefold() for h in page.locator(f"{TABLE} thead th").all_inner_texts()]
    column = next((i for i, h in enumerate(headers) if name in h), None)
    assert column is not None, f"no {name} column among {headers}"
    return column


@pytest.fixture
def country_table(page, base_url, html_dir):
    assert (html_dir / COUNTRY_TABLE).exists(), f"the build has no country table page ({COUNTRY_TABLE})"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + COUNTRY_TABLE)
    page.locator(".asm-table-count").first.wait_for(timeout=15000)
    return page, _column(page, "country")


def test_country_table_filters_to_one_row(country_table):
    page, column = country_table
    assert re.search(r"Showing (\d+) of \1 countries", _info(page)), _info(page)
    search = page.locator(SEARCH_BOX).first
    for name in _column_values(page, column):  # a name that is no part of another (Niger/Nigeria) leaves one row
        search.fill(name)
        if _info(page).startswith("Showing 1 of"):
            rows = page.locator(f"{TABLE} tbody tr:not([hidden])")
            assert rows.count() == 1 and name in rows.first.inner_text()
            return
    pytest.fail("typing any country name left more than one row: " + _info(page))


def test_country_table_filter_ignores_accents_and_matches_codes(country_table):
    page, _ = country_table
    page.locator(SEARCH_BOX).first.fill("cote d'ivoire")
    assert _info(page).startswith("Showing 1 of") and "Côte" in _column_values(page, 0)[0]
    page.locator(SEARCH_BOX).first.fill("GHA")
    assert any(name.startswith("Ghana") for name in _column_values(page, 0))


def _sort_both_ways(page, column: int) -> dict[str, list[str]]:
    header = page.locator(f"{TABLE} thead th").nth(column)
    orders = {}
    for _ in range(2):
        header.locator("button").click()
        orders[header.get_attribute("aria-sort")] = _column_values(page, column)
    assert set(orders) == {"ascending", "descending"}, list(orders)
    return orders


def test_country_table_sorts_by_country(country_table):
    page, column = country_table
    by_direction = _sort_both_ways(page, column)
    ascending, descending = by_direction["ascending"], by_direction["descending"]
    assert ascending == sorted(ascending, key=_ascii_fold), ascending
    assert descending == sorted(descending, key=_ascii_fold, reverse=True), descending
    assert ascending[0] != descending[0]


def _leading_number(text: str) -> float | None:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(match.group(0).replace(",", "")) if match else None


def test_country_table_sorts_the_estimate_as_a_number_with_blanks_last(country_table):
    page, _ = country_table
    column = _column(page, "headline estimate")
    for direction, values in _sort_both_ways(page, column).items():
        numbers = [_leading_number(v) for v in values]
        known = [n for n in numbers if n is not None]
        assert len(known) > 10 and numbers[: len(known)] == known, "rows without a number come last"
        assert known == sorted(known, reverse=direction == "descending"), f"{direction}: {values[:8]}"


def test_country_table_shows_every_column_on_a_desk_screen(country_table):
    page, _ = country_table
    right = page.evaluate(f"""() => {{ const t = document.querySelector('{TABLE}');
        return [t.getBoundingClientRect().right, t.scrollWidth, t.parentElement.clientWidth]; }}""")
    assert right[0] <= 1280 and right[1] <= right[2] + 1, f"table right edge, width, room: {right}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    cells = page.locator(f"{TABLE} tbody tr").first.locator("td")
    assert all(cells.nth(i).is_visible() for i in range(cells.count()))


def test_country_table_is_a_card_per_country_on_a_phone(country_table):
    """At 390 px each country is a compact card (no sideways scroll, no tall rows): the name, the estimate with its
    year, what it counts and the source; the sort menu works without the hidden headers."""
    page, _ = country_table
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    cards = page.locator(f"{TABLE} tbody tr")
    heights = sorted(cards.evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)"))
    assert heights[len(heights) // 2] <= 140, f"median card {heights[len(heights) // 2]:.0f} px tall"
    ghana = page.locator(f"{TABLE} tbody tr", has_text="Ghana").first
    for label in ("Country", "Headline estimate", "Year", "What it counts", "Source"):
        box = ghana.locator(f'td[data-label="{label}"]').bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 391, label
    page.select_option("select.asm-table-sort", label="Country, Z\u2013A")
    names = _column_values(page, 0)
    assert names == sorted(names, key=_ascii_fold, reverse=True)


def test_the_reader_records_outside_requests_errors_and_bytes(browser, tmp_path):
    """The checks above can fail: a page that calls a CDN, logs an error and misses a file is caught."""
    body = "x" * 50_000
    (tmp_path / "p.html").write_text(
        '<html><head><script src="https://cdn.example.org/lib.js"></script></head>'
        f'<body><img src="missing.png" alt="a missing chart"><script>console.error("boom")</script>{body}</body></html>'
    )
    with first_visit.serve(tmp_path) as url:
        reader = first_visit.Reader(browser)
        visit = reader.load(url + "p.html")
        reader.close()
    assert visit.outside == ["https://cdn.example.org/lib.js"]
    assert "boom" in visit.console_errors
    assert any("missing.png" in f for f in visit.failed)
    assert visit.bytes >= len(body)
