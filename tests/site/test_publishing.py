"""The built site is citable, relocatable and reusable: cite blocks, launch buttons, data zip, relative links."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from asmhub_utils.site import book_citation, datazip, metadata
from asmhub_utils.site.built_pages import book_pages

GENERATED = {"genindex.html", "search.html"}  # Sphinx's own pages: no source, nothing to cite
ROOT_RELATIVE = re.compile(r'\b(?:href|src)="(/[^"]*)"')
LINKCHECKER = str(Path(sys.executable).with_name("linkchecker"))


@pytest.fixture(scope="module")
def meta():
    return metadata.load()


def _chapters(html_dir) -> list[str]:
    return [p for p in book_pages(html_dir) if p not in GENERATED]


def _read(html_dir, page) -> str:
    return (html_dir / page).read_text(encoding="utf-8")


def test_every_chapter_ends_with_a_cite_this_page_block_for_that_page(html_dir, meta):
    missing = []
    for page in _chapters(html_dir):
        text = _read(html_dir, page)
        block = text[text.find('<section class="asmhub-cite"') :]
        pagename = page.removesuffix(".html")
        if (
            "Cite this page" not in block
            or f'href="{meta.page_url(pagename)}"' not in block
            or f"Edition {meta.version}" not in block
            or "asmhub-edition" not in block
            or f"@misc{{{book_citation.bibtex_key(meta, pagename)}," not in block
        ):
            missing.append(page)
    assert not missing, f"pages without a complete cite block: {missing}"


def test_how_to_cite_page_gives_the_book_reference_and_bibtex(html_dir, meta):
    text = _read(html_dir, "book/cite.html")
    assert book_citation.citation_text(meta).replace("&", "&amp;") in text
    assert f"asmhub{meta.year}_book" in text


def test_notebook_pages_have_binder_and_jupyterlab_launch_buttons(html_dir, meta):
    notebooks = [p for p in _chapters(html_dir) if (html_dir / "_sources" / p).with_suffix(".ipynb").exists()]
    assert "notebooks/primer.html" in notebooks
    repo = meta.repository.removeprefix("https://github.com/")
    for page in notebooks:
        source = page.removesuffix(".html") + ".ipynb"
        binder = f'href="https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/{source}"'
        assert binder in _read(html_dir, page), f"{page}: no Binder/JupyterLab launch button ({binder})"


def test_no_page_loads_thebe_or_fontawesome_js(html_dir):
    for page in book_pages(html_dir):
        text = _read(html_dir, page)
        assert "THEBE_JS_URL" not in text and "sphinx-thebe.js" not in text, page
        assert "fontawesome.js" not in text, page


def test_data_zip_is_in_the_site_and_linked_from_dashboard_contribute_and_cite(html_dir):
    archive = html_dir / "downloads" / datazip.ZIP_NAME
    assert zipfile.ZipFile(archive).testzip() is None
    for page in ["book/dashboard/index.html", "book/contribute/index.html", "book/cite.html"]:
        links = re.findall(r'href="([^"]*asmhub-data\.zip)"', _read(html_dir, page))
        assert links, f"{page} does not link the data download"
        assert all(((html_dir / page).parent / link).resolve() == archive.resolve() for link in links), links


def test_no_link_is_root_relative(html_dir):
    """A link starting with '/' breaks when the site is served under a sub-path or opened from a download."""
    offenders = [f"{page}: {m}" for page in book_pages(html_dir) for m in ROOT_RELATIVE.findall(_read(html_dir, page))]
    assert not offenders, offenders[:20]


def _linkcheck(urls: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINKCHECKER, "--no-status", "--no-warnings", *urls], capture_output=True, text=True, timeout=600
    )


def test_every_internal_link_and_asset_resolves(html_dir):
    run = _linkcheck([str(html_dir / p) for p in book_pages(html_dir)])
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_linkchecker_catches_a_broken_link():
    # linkchecker drops to user `nobody` when run as root: the folder must be world-readable, unlike pytest's tmp_path.
    site = Path(tempfile.mkdtemp(prefix="asmhub-linkcheck-"))
    try:
        site.chmod(0o755)
        (site / "index.html").write_text('<html><body><a href="missing.html">x</a></body></html>', encoding="utf-8")
        (site / "index.html").chmod(0o644)
        assert _linkcheck([str(site / "index.html")]).returncode == 1
    finally:
        shutil.rmtree(site)
