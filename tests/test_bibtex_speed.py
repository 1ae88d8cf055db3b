"""sphinxcontrib-bibtex with remembered plugin lookups and no re-formatting when nothing changed
(asmhub_utils/site/sphinx_ext/bibtex_speed.py): the pages it writes stay those of a full formatting pass."""

import os

import pytest
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.domain import BibtexDomain

BIB = """@book{smith2020,
  author = {Smith, Jane},
  title = {%s},
  publisher = {Press},
  year = {2020}
}
"""


@pytest.fixture
def book(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex', 'asmhub_utils.site.sphinx_ext.bibtex_speed']\n"
        "bibtex_bibfiles = ['refs.bib']\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Index\n=====\n\nSee :cite:p:`smith2020`.\n\n.. toctree::\n\n   other\n", encoding="utf-8"
    )
    (src / "other.rst").write_text("Other\n=====\n\nText.\n\n.. bibliography::\n", encoding="utf-8")
    (src / "refs.bib").write_text(BIB % "First Title", encoding="utf-8")
    return src


def build(src, counter) -> str:
    app = Sphinx(
        str(src),
        str(src),
        str(src / "_build" / "html"),
        str(src / "_build" / "doctrees"),
        "html",
        status=None,
        warning=None,
        freshenv=False,
    )
    app.build()
    assert app.statuscode == 0
    return (src / "_build" / "html" / "other.html").read_text(encoding="utf-8")


@pytest.fixture
def formatting_passes(monkeypatch):
    passes = []
    original = BibtexDomain.get_formatted_entries

    def counted(self, *args, **kwargs):
        passes.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BibtexDomain, "get_formatted_entries", counted)
    return passes


def test_a_no_change_build_reuses_the_formatted_bibliography(book, formatting_passes):
    assert "First Title" in build(book, formatting_passes)
    first = len(formatting_passes)
    assert first > 0
    build(book, formatting_passes)
    assert len(formatting_passes) == first, "nothing changed, yet the bibliography was formatted again"


def test_a_changed_bib_file_is_formatted_and_shown(book, formatting_passes):
    build(book, formatting_passes)
    bib = book / "refs.bib"
    bib.write_text(BIB % "Second Title", encoding="utf-8")
    later = os.stat(bib).st_mtime + 5
    os.utime(bib, (later, later))
    assert "Second Title" in build(book, formatting_passes)


def test_an_edited_page_formats_the_bibliography_again(book, formatting_passes):
    build(book, formatting_passes)
    first = len(formatting_passes)
    page = book / "index.rst"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    later = os.stat(page).st_mtime + 5
    os.utime(page, (later, later))
    build(book, formatting_passes)
    assert len(formatting_passes) > first


def test_plugin_lookups_scan_the_entry_points_once_per_name(monkeypatch):
    import pybtex.plugin

    from asmhub_utils.site.sphinx_ext import bibtex_speed

    scans = []
    real = pybtex.plugin.entry_points

    def scan(**params):
        scans.append(params)
        return real(**params)

    monkeypatch.setattr(pybtex.plugin, "entry_points", scan)
    bibtex_speed.remember_plugin_lookups()
    for _ in range(3):
        assert pybtex.plugin.find_plugin("pybtex.style.formatting", "unsrt").__name__ == "Style"
    assert scans == [{"group": "pybtex.style.formatting", "name": "unsrt"}], "one scan, then remembered"
