"""The book's Sphinx extension, one job per module: each job's behaviour, without building a book."""

import ast
import json
from pathlib import Path

from asmhub_utils.site import sphinx_ext
from asmhub_utils.site.sphinx_ext import bib_script, headlines, library_links, search_trim

PACKAGE = Path(sphinx_ext.__file__).resolve().parents[2]


def test_headlines_add_the_sources_a_frame_lacks(monkeypatch):
    """A headline selection without the source columns gets them (the old fallback called a module that does not
    exist, and would have failed the landing page the first day a selection came without them)."""
    from asmhub_utils.chapters import series

    real = series.headlines()
    expected = headlines.headlines_html()
    stripped = {
        name: frame.drop(columns=[c for c in frame if c.startswith("source_") and c != "source_id"])
        for name, frame in real.items()
    }
    monkeypatch.setattr(series, "headlines", lambda: stripped)
    assert headlines.headlines_html() == expected


def test_no_module_reaches_the_package_by_a_dynamic_import():
    """`__import__("asmhub_utils").x` escapes the import checks (test_package_stages) and fails only when run."""
    calls = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__"
    ]
    assert calls == []


def test_a_library_link_is_relative_to_the_page_and_names_the_entry(tmp_path):
    library = tmp_path / "library.md"
    library.write_text(':filter: keywords % "Global"\n\n:filter: keywords % "Country studies"\n')
    bib = tmp_path / "references.bib"
    bib.write_text("@misc{ghana2019,\n  title = {T},\n  keywords = {Country studies, primary}\n}\n")
    assert library_links._groups(library, bib) == {"ghana2019": 2}
    assert library_links.library_href("nosuch", "notebooks/places/profiles/GHA").startswith("../../../book/library")


def test_the_bibliography_script_keeps_group_reliability_and_entry(tmp_path):
    bib = tmp_path / "references.bib"
    entry = "@misc{ghana2019,\n  title = {T},\n  keywords = {Country studies, primary}\n}"
    bib.write_text(entry + "\n")
    script = bib_script.bib_script(bib)
    assert script.startswith("window.ASMHUB_BIB=")
    assert json.loads(script.removeprefix("window.ASMHUB_BIB=").rstrip().removesuffix(";")) == {
        "ghana2019": {"g": "Country studies", "r": "primary", "c": ""}
    }
    texts = bib_script.bibtex_script(bib)
    assert json.loads(texts.removeprefix("window.ASMHUB_BIBTEX=").rstrip().removesuffix(";")) == {"ghana2019": entry}


def test_a_title_repeated_on_many_pages_leaves_the_title_index_but_not_the_text_index():
    pages = search_trim.REPEATED_TITLE + 1
    index = {
        "titles": [f"Country {n}" for n in range(pages)],
        "alltitles": {"Mercury": [[n, "m"] for n in range(pages)], "Country 0": [[0, ""]]},
        "titleterms": {"mercuri": list(range(pages)), "countri": list(range(pages))},
        "terms": {},
    }
    trimmed = search_trim.trim_search_index(index)
    assert "Mercury" not in trimmed["alltitles"] and "Country 0" in trimmed["alltitles"]
    assert "mercuri" not in trimmed["titleterms"]
    assert trimmed["terms"]["mercuri"] == list(range(pages))


def test_the_extension_registers_every_job():
    registered = []

    class App:
        def __getattr__(self, name):
            return lambda *args, **kwargs: registered.append((name, args[0] if args else None))

    assert sphinx_ext.setup(App())["parallel_read_safe"]
    names = {what for _, what in registered}
    assert {
        "asmhub-headlines",
        "asmhub-country-index",
        "asmhub-repo",
        "asmhub.css",
        "asmhub.js",
        "build-finished",
        "config-inited",
        "html-page-context",
        "doctree-read",
    } <= names
