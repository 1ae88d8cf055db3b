"""Checks of the built site. They need `_build/html`: `make test` builds the book before running them."""

from pathlib import Path

import pytest

from asmhub_utils import paths


@pytest.fixture(scope="session")
def html_dir() -> Path:
    index = paths.HTML / "index.html"
    assert index.exists(), "no built book: run `make book` (make test does) before the site tests"
    return paths.HTML


@pytest.fixture(scope="session")
def pages(html_dir) -> list[Path]:
    return sorted(p for p in html_dir.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)
