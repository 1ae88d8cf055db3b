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
SEARCH_BOX = ".dt-search input, .dt-container input[type=search], .dataTables_filter input"
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


def test_page_weight_meets_the_targets(visits, html_dir):
    """The budget is on the gzip basis (what a static host sends); benchmarks/page_weight.py prints both."""
    import statistics

    zipped = {page: first_visit.gzip_bytes(html_dir, v.local_urls) for page, v in visits.items()}
    median, largest = statistics.median(zipped.values()), max(zipped.values())
    heaviest = sorted(zipped.items(), key=lambda item: item[1], reverse=True)[:5]
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
    candidates = spec if isinstance(spec, list) else sorted(
        p.relative_to(html_dir).as_posix() for p in html_dir.glob(spec))
    return next((c for c in candidates if (html_dir / c).exists()), None)


@pytest.mark.parametrize("kind", AXE_PAGES)
def test_no_critical_or_serious_accessibility_violation(kind, page, base_url, html_dir):
    target = _first_existing(html_dir, AXE_PAGES[kind])
    assert target is not None, f"the build has no {kind} page ({AXE_PAGES[kind]})"
    page.goto(base_url + target)
    violations = Axe().run(page).response["violations"]
    bad = [f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
           for v in violations if v["impact"] in ("critical", "serious")]
    assert not bad, f"{target}:\n" + "\n".join(bad)


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _info(page) -> str:
    return page.locator(".dt-info").first.inner_text()


def _column_values(page, index: int) -> list[str]:
    return [t.strip() for t in page.locator(f"table.dataTable tbody tr td:nth-child({index + 1})").all_inner_texts()]


@pytest.fixture
def country_table(page, base_url, html_dir):
    assert (html_dir / COUNTRY_TABLE).exists(), f"the build has no country table page ({COUNTRY_TABLE})"
    page.goto(base_url + COUNTRY_TABLE)
    page.locator("table.dataTable tbody tr").first.wait_for(timeout=15000)
    headers = [h.strip().casefold() for h in page.locator("table.dataTable thead tr:visible").last.locator("th").all_inner_texts()]
    column = next((i for i, h in enumerate(headers) if "country" in h), None)
    assert column is not None, f"no country column among {headers}"
    return page, column


def test_country_table_filters_to_one_row(country_table):
    page, column = country_table
    assert re.search(r"Showing 1 to \d+ of [\d,]+ entries", _info(page)), _info(page)
    search = page.locator(SEARCH_BOX).first
    for name in _column_values(page, column):  # a name that is no part of another (Niger/Nigeria) leaves one row
        search.fill(name)
        page.wait_for_timeout(300)
        if "of 1 entr" in _info(page):
            rows = page.locator("table.dataTable tbody tr")
            assert rows.count() == 1 and name in rows.first.inner_text()
            assert re.search(r"Showing 1 to 1 of 1 entry", _info(page)), _info(page)
            return
    pytest.fail("typing any country name of the first page left more than one row: " + _info(page))


def test_country_table_sorts_by_country(country_table):
    page, column = country_table
    header = page.locator("table.dataTable thead tr:visible").last.locator("th").nth(column)
    orders = []
    for _ in range(2):
        header.locator(".dt-column-order").click()
        page.wait_for_timeout(300)
        orders.append((header.get_attribute("aria-sort"), _column_values(page, column)))
    by_direction = dict(orders)
    assert set(by_direction) == {"ascending", "descending"}, [o[0] for o in orders]
    ascending, descending = by_direction["ascending"], by_direction["descending"]
    assert ascending == sorted(ascending, key=_ascii_fold), ascending
    assert descending == sorted(descending, key=_ascii_fold, reverse=True), descending
    assert ascending[0] != descending[0]


def test_the_reader_records_outside_requests_errors_and_bytes(browser, tmp_path):
    """The checks above can fail: a page that calls a CDN, logs an error and misses a file is caught."""
    body = "x" * 50_000
    (tmp_path / "p.html").write_text(
        '<html><head><script src="https://cdn.example.org/lib.js"></script></head>'
        f'<body><img src="missing.png" alt="a missing chart"><script>console.error("boom")</script>{body}</body></html>')
    with first_visit.serve(tmp_path) as url:
        reader = first_visit.Reader(browser)
        visit = reader.load(url + "p.html")
        reader.close()
    assert visit.outside == ["https://cdn.example.org/lib.js"]
    assert "boom" in visit.console_errors
    assert any("missing.png" in f for f in visit.failed)
    assert visit.bytes >= len(body)
