"""Screenshots of every page of the built book at a phone width (390 px) and a desktop width (1280 px).

    make shots          (or: .venv/bin/python benchmarks/shots.py [--only SUBSTRING ...] [--width 390 ...])

Writes _build/shots/<width>/<page path with / as __>.png (full page), served from 127.0.0.1 in Debian's chromium.
Look at them before calling a page done: the file view tool shows PNGs.
"""

from __future__ import annotations

import argparse
import sys
import time

from playwright.sync_api import sync_playwright

from asmhub_utils import paths
from asmhub_utils.site import first_visit
from asmhub_utils.site.built_pages import book_pages

WIDTHS = (390, 1280)
HEIGHT = {390: 844, 1280: 900}


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--only", nargs="*", default=[], help="pages whose path contains one of these strings")
    args.add_argument("--width", nargs="*", type=int, default=list(WIDTHS))
    options = args.parse_args(argv)
    pages = [p for p in book_pages(paths.HTML) if not options.only or any(s in p for s in options.only)]
    out = paths.ROOT / "_build" / "shots"
    started = time.perf_counter()
    with first_visit.serve(paths.HTML) as base, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        for width in options.width:
            folder = out / str(width)
            folder.mkdir(parents=True, exist_ok=True)
            context = browser.new_context(
                viewport={"width": width, "height": HEIGHT.get(width, 900)},
                device_scale_factor=1,
                is_mobile=width < 600,
                has_touch=width < 600,
            )
            tab = context.new_page()
            for page in pages:
                tab.goto(base + page, wait_until="load")
                tab.evaluate("document.fonts.ready")
                tab.screenshot(
                    path=str(folder / (page.replace("/", "__").removesuffix(".html") + ".png")), full_page=True
                )
            context.close()
        browser.close()
    print(f"{len(pages)} pages x {len(options.width)} widths -> {out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
