"""Editions in the built site: the What changed page links every change to a row that exists, every record id
has an anchor on its page, and every edition's data package is downloadable."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pandas as pd

from asmhub_utils import paths
from asmhub_utils.chapters import edition_marks as page
from asmhub_utils.editions import registry
from asmhub_utils.site import metadata

ID = re.compile(r'\bid="([^"]+)"')


def _ids(html_dir: Path, docname: str, cache: dict = {}) -> set[str]:  # noqa: B006 - a cache across calls
    if docname not in cache:
        cache[docname] = set(ID.findall((html_dir / f"{docname}.html").read_text(encoding="utf-8")))
    return cache[docname]


def test_every_record_id_has_an_anchor_on_its_page(html_dir):
    estimates = pd.read_csv(paths.ESTIMATES, dtype=object, keep_default_na=False)
    missing = [
        (r.record_id, page.record_page(r.iso3))
        for r in estimates.itertuples()
        if r.record_id not in _ids(html_dir, page.record_page(r.iso3))
    ]
    assert not missing, f"{len(missing)} record ids without an anchor on their page, e.g. {missing[:5]}"


def test_what_changed_page_links_resolve_to_rows(html_dir):
    text = (html_dir / "book" / "what_changed.html").read_text(encoding="utf-8")
    assert "Headlines changed" in text and "Editions and their data" in text
    body = text[text.find("<h1") : text.find('class="asmhub-cite"')]
    dangling = []
    for href in re.findall(r'href="([^"]+#[^"]+)"', body):
        target = urljoin("book/what_changed.html", href)
        doc, anchor = target.split("#", 1)
        if anchor not in _ids(html_dir, doc.removesuffix(".html")):
            dangling.append(href)
    assert not dangling, dangling[:5]


def test_every_edition_data_package_is_in_the_site(html_dir):
    meta = metadata.load()
    versions = {e.version for e in registry.kept()} | {meta.version}
    for version in versions:
        folder = html_dir / "downloads" / "editions" / version
        for name in (*registry.TABLE_FILES, "datapackage.json"):
            assert (folder / name).is_file(), f"downloads/editions/{version}/{name} missing"
    current = html_dir / "downloads" / "editions" / meta.version / "estimates.csv"
    assert current.read_bytes() == paths.ESTIMATES.read_bytes()  # this edition's package is the data it shows


def test_changelog_links_the_what_changed_page(html_dir):
    assert 'href="what_changed.html"' in (html_dir / "book" / "changelog.html").read_text(encoding="utf-8")
