"""Checks of the built site. They need `_build/html`: `make test` builds the book before running them."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from asmhub_utils import paths
from asmhub_utils.site import first_visit


@pytest.fixture(scope="session")
def html_dir() -> Path:
    index = paths.HTML / "index.html"
    assert index.exists(), "no built book: run `make book` (make test does) before the site tests"
    return paths.HTML


@pytest.fixture(scope="session")
def pages(html_dir) -> list[Path]:
    return sorted(p for p in html_dir.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


@pytest.fixture(scope="module")
def site(html_dir):
    """(base URL, chromium) over the built book served on 127.0.0.1, one per test file."""
    with first_visit.serve(html_dir) as url, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        yield url, browser
        browser.close()
