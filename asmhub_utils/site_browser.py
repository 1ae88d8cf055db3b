"""Open the built site as a first-time reader would: served on 127.0.0.1, in Debian's chromium, empty cache.

Shared by the browser tests (tests/site/) and the page-weight benchmark (benchmarks/page_weight.py). Playwright
drives the system chromium: Playwright's own browser download needs the network, which the project never uses.
"""

from __future__ import annotations

import functools
import os
import statistics
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("ASMHUB_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}

# Page-weight targets from the issue "Citable, published, reader-ready" (bytes, first load, empty cache).
MEDIAN_TARGET = 500 * 1024
MAX_TARGET = 2 * 1024 * 1024


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` over http on a free port of 127.0.0.1; yields the base URL (ending in '/')."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    """Debian's chromium, headless, with background traffic switched off."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} not found: install Debian's chromium "
                                "(`apt-get install -y --no-install-recommends chromium`; `make test` does this)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class Visit:
    """What one first-time load of a page did."""

    url: str
    bytes: int = 0
    requests: int = 0
    outside: list[str] = field(default_factory=list)  # requests to other hosts (aborted)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # local requests that failed (404, ...)


def _route(visit: Visit, route) -> None:
    if is_local(route.request.url):
        route.continue_()
    else:
        visit.outside.append(route.request.url)
        route.abort()


def _finished(visit: Visit, request) -> None:
    sizes = request.sizes()
    visit.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    visit.requests += 1
    response = request.response()
    if response is not None and response.status >= 400:
        visit.failed.append(f"{response.status} {request.url}")


@contextmanager
def fresh_page(browser, visit: Visit):
    """A page in a new browser context (empty cache, no cookies) that records into `visit`."""
    context = browser.new_context()
    context.route("**/*", functools.partial(_route, visit))
    page = context.new_page()
    page.on("requestfinished", functools.partial(_finished, visit))
    page.on("requestfailed", lambda request: visit.failed.append(f"{request.failure} {request.url}")
            if is_local(request.url) else None)
    page.on("console", lambda message: visit.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))
    try:
        yield page
    finally:
        context.close()


def load(browser, url: str) -> Visit:
    """Load `url` once with an empty cache and wait until it has settled (fonts and late requests included)."""
    visit = Visit(url)
    with fresh_page(browser, visit) as page:
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
    return visit


def weight_summary(visits: dict[str, Visit]) -> tuple[int, int]:
    """(median, max) bytes over the pages."""
    sizes = [v.bytes for v in visits.values()]
    return int(statistics.median(sizes)), max(sizes)
