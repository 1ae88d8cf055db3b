"""`_static/asmhub-bib.js`: the bibliography as data for the library page's filter and copy buttons."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx

from asmhub_utils import paths
from asmhub_utils.site.sphinx_ext.bib_entries import bib_entries, keywords, use_build_entries

# An entry as data/references.bib writes it (tidy/bibtex.py), for the copy button. Kept by hand: pybtex writing
# each entry back (BibliographyData(...).to_string) took 20 s for the 401 entries on the 2-core build machine
# (this 0.04 s), and in its own layout (quoted fields), not the text of the file a reader downloads.
_ENTRY_TEXT = re.compile(r"(@\w+\{([^,]+),.*?\n\})", flags=re.S)


def bib_script(bib: Path) -> str:
    """`window.ASMHUB_BIB`: source_id -> {g: group, r: reliability, b: its BibTeX entry}, for the library page's
    filter and copy buttons (loaded by that page only). Group and reliability from pybtex's entries."""
    texts = {match.group(2): match.group(1) for match in _ENTRY_TEXT.finditer(bib.read_text(encoding="utf-8"))}
    entries = {}
    for key, entry in bib_entries(bib).items():
        group, reliability = keywords(entry)
        entries[key] = {"g": group, "r": reliability, "b": texts.get(key, "")}
    return "window.ASMHUB_BIB=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        use_build_entries(app)
        target = Path(app.outdir) / "_static" / "asmhub-bib.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bib_script(paths.ROOT / "data" / "references.bib"), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
