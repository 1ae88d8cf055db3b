"""Open the built site as a first-time reader would: served on 127.0.0.1, in Debian's chromium, empty cache.

Shared by the browser tests (tests/site/) and the page-weight benchmark (benchmarks/page_weight.py). Playwright
drives the system chromium: Playwright's own browser download needs the network, which the project never uses.
"""

from __future__ import annotations

import functools
import os
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("ASMHUB_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Only the local server resolves: a request to any other host fails at once instead of going out (or hanging).
OFFLINE_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}

# Page-weight targets (bytes a first-time reader downloads, empty cache): the median page and the heaviest page
# (the library, the country table) as stored, so that a host that does not compress stays light too; a first
# search (the index included) gzip-compressed, as a static host such as GitHub Pages serves it.
MEDIAN_TARGET = 250 * 1024
MAX_TARGET = 600 * 1024
SEARCH_TARGET = 1024 * 1024


def gzip_bytes(root: Path, urls: list[str]) -> int:
    """What the local resources `urls` (served from `root`) weigh gzip-compressed (level 6, as web servers do)."""
    import gzip
    from urllib.parse import unquote

    total = 0
    for url in urls:
        path = root / unquote(urlsplit(url).path.lstrip("/"))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), compresslevel=6))
    return total


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serve(root: Path, handler: type[SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve `root` over http on a free port of 127.0.0.1 (with `handler`); yields the base URL (ending in '/')."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
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
        raise FileNotFoundError(
            f"{CHROMIUM} not found: install Debian's chromium "
            "(`apt-get install -y --no-install-recommends chromium`; `make test` does this)"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS + OFFLINE_ARGS, headless=True)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class Visit:
    """What one first-time load of a page did."""

    url: str
    bytes: int = 0
    requests: int = 0
    outside: list[str] = field(default_factory=list)  # requests to other hosts (never leave the machine)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # local requests that failed (404, ...)
    local_urls: list[str] = field(default_factory=list)  # every local resource loaded (for gzip weights)


class Reader:
    """One browser tab that loads pages as a first-time reader: HTTP cache off, every request recorded.

    Requests to other hosts never leave the machine: chromium resolves every host but 127.0.0.1 to nothing
    (`--host-resolver-rules`), so they fail at once, and the request listener records them. This is much faster
    than intercepting every request with `page.route`.
    """

    def __init__(self, browser):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.visit = Visit("")
        self.page.on("request", self._request)
        self.page.on("requestfinished", self._finished)
        self.page.on("requestfailed", self._failed)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.visit.console_errors.append(f"uncaught: {error}"))

    def _request(self, request) -> None:
        if not is_local(request.url):
            self.visit.outside.append(request.url)

    def _finished(self, request) -> None:
        sizes = request.sizes()
        self.visit.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.visit.requests += 1
        if is_local(request.url):
            self.visit.local_urls.append(request.url)
        response = request.response()
        if response is not None and response.status >= 400:
            self.visit.failed.append(f"{response.status} {request.url}")

    def _failed(self, request) -> None:
        if is_local(request.url):
            self.visit.failed.append(f"{request.failure} {request.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.visit.console_errors.append(message.text)

    def load(self, url: str) -> Visit:
        """Load `url` with an empty cache and wait until it has settled (fonts and late requests included)."""
        self.visit = Visit(url)
        self.page.goto(url, wait_until="load")
        # Fonts are fetched when text is laid out, which can end after `load`; then a short settle for late requests.
        self.page.evaluate("document.fonts.ready.then(() => new Promise(done => setTimeout(done, 150)))")
        return self.visit

    def close(self) -> None:
        self.context.close()


def weight_summary(visits: dict[str, Visit]) -> tuple[int, int]:
    """(median, max) bytes over the pages."""
    sizes = [v.bytes for v in visits.values()]
    return int(statistics.median(sizes)), max(sizes)
