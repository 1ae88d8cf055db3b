"""Page weight: bytes a first-time reader downloads for each page of the built book (empty cache).

    make bench-weight            (or: .venv/bin/python benchmarks/page_weight.py [--top N])

Serves _build/html on 127.0.0.1, loads every page in Debian's chromium with the HTTP cache off, and prints per
page the bytes transferred (bodies + response headers, as Chromium counts them) and the number of requests, then the
median and the maximum against the targets (median <= 500 KB, no page over 2 MB).
"""

from __future__ import annotations

import argparse
import sys
import time

from playwright.sync_api import sync_playwright

from asmhub_utils import paths, site_browser
from asmhub_utils.site_pages import book_pages


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--top", type=int, default=0, help="print only the N heaviest pages (default: all)")
    options = args.parse_args(argv)
    pages = book_pages(paths.HTML)
    started = time.perf_counter()
    with site_browser.serve(paths.HTML) as base, sync_playwright() as playwright:
        browser = site_browser.launch(playwright)
        reader = site_browser.Reader(browser)
        visits = {page: reader.load(base + page) for page in pages}
        browser.close()
    elapsed = time.perf_counter() - started
    rows = sorted(visits.items(), key=lambda item: item[1].bytes, reverse=True)
    shown = rows[: options.top] if options.top else rows
    print(f"{'KB':>8} {'requests':>8}  page")
    for page, visit in shown:
        print(f"{visit.bytes / 1024:8.1f} {visit.requests:8d}  {page}")
    median, largest = site_browser.weight_summary(visits)
    ok = median <= site_browser.MEDIAN_TARGET and largest <= site_browser.MAX_TARGET
    print(f"\npages: {len(visits)}  median: {median / 1024:.1f} KB (target <= {site_browser.MEDIAN_TARGET // 1024} KB)"
          f"  max: {largest / 1024:.1f} KB (target <= {site_browser.MAX_TARGET // 1024} KB)"
          f"  {'OK' if ok else 'OVER TARGET'}  ({elapsed:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
