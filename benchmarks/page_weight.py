"""Page weight: bytes a first-time reader downloads for each page of the built book (empty cache).

    make bench-weight            (or: .venv/bin/python benchmarks/page_weight.py [--top N])

Serves _build/html on 127.0.0.1, loads every page in Debian's chromium with the HTTP cache off, and prints per
page the bytes as stored (what the test server sends: bodies + response headers, as Chromium counts them), the
same resources gzip-compressed (what a static host such as GitHub Pages sends), and the number of requests; then
a first search ("mercury" on search.html, the search index included). The budget: median page <= 250 KB and no
page over 600 KB as stored (the library and the country table included), a first search <= 1 MB gzip-compressed.
Exit status 1 when over budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from playwright.sync_api import sync_playwright

from asmhub_utils import paths
from asmhub_utils.site import first_visit
from asmhub_utils.site.built_pages import book_pages


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--top", type=int, default=0, help="print only the N heaviest pages (default: all)")
    options = args.parse_args(argv)
    pages = book_pages(paths.HTML)
    started = time.perf_counter()
    with first_visit.serve(paths.HTML) as base, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        reader = first_visit.Reader(browser)
        visits = {page: reader.load(base + page) for page in pages}
        search = reader.load(base + "search.html?q=mercury")
        reader.page.wait_for_selector("#search-results li, .search-summary", timeout=20000)
        browser.close()
    elapsed = time.perf_counter() - started
    zipped = {page: first_visit.gzip_bytes(paths.HTML, visit.local_urls) for page, visit in visits.items()}
    rows = sorted(visits.items(), key=lambda item: zipped[item[0]], reverse=True)
    shown = rows[: options.top] if options.top else rows
    print(f"{'gzip KB':>8} {'stored KB':>9} {'requests':>8}  page")
    for page, visit in shown:
        print(f"{zipped[page] / 1024:8.1f} {visit.bytes / 1024:9.1f} {visit.requests:8d}  {page}")
    search_gzip = first_visit.gzip_bytes(paths.HTML, search.local_urls)
    median_gzip, max_gzip = int(statistics.median(zipped.values())), max(zipped.values())
    median_stored, max_stored = first_visit.weight_summary(visits)
    heaviest = max(zipped, key=zipped.get)
    heaviest_stored = max(visits, key=lambda page: visits[page].bytes)
    ok = (
        median_stored <= first_visit.MEDIAN_TARGET
        and max_stored <= first_visit.MAX_TARGET
        and search_gzip <= first_visit.SEARCH_TARGET
    )
    print(f"\npages: {len(visits)}  ({elapsed:.1f} s)")
    print(
        f"as stored (budget): median {median_stored / 1024:.1f} KB (<= {first_visit.MEDIAN_TARGET // 1024})"
        f"  max {max_stored / 1024:.1f} KB (<= {first_visit.MAX_TARGET // 1024}, {heaviest_stored})"
        f"  first search {search.bytes / 1024:.1f} KB"
    )
    print(
        f"gzip:               median {median_gzip / 1024:.1f} KB  max {max_gzip / 1024:.1f} KB ({heaviest})"
        f"  first search {search_gzip / 1024:.1f} KB (budget <= {first_visit.SEARCH_TARGET // 1024})"
    )
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
