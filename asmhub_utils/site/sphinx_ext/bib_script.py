"""`_static/asmhub-bib.js`: the bibliography as data for the library page's filter; `_static/asmhub-bibtex.js`:
each entry's BibTeX, loaded by the library page at its first "Copy BibTeX"."""

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


def source_countries(estimates: Path) -> dict[str, str]:
    """source_id -> the names of the countries its figures are about ('Ghana, Mali'), for the library."""
    import pandas as pd

    from asmhub_utils.chapters import display

    frame = pd.read_csv(estimates, usecols=["source_id", "iso3"], dtype=str, keep_default_na=False)
    frame = frame[frame["iso3"] != ""].drop_duplicates()
    return {
        source: ", ".join(sorted(display.country_name(code) for code in group["iso3"]))
        for source, group in frame.groupby("source_id")
    }


def bib_script(bib: Path, estimates: Path | None = None) -> str:
    """`window.ASMHUB_BIB`: source_id -> {g: group, r: reliability, c: countries its figures are about}, for the
    library page's filter (loaded by that page only); group and reliability from pybtex's entries. The BibTeX
    itself is `bibtex_script`, loaded at the first "Copy BibTeX" (it was two thirds of this file, 194 KB, on
    every visit to the library)."""
    countries = source_countries(estimates) if estimates is not None and estimates.exists() else {}
    entries = {}
    for key, entry in bib_entries(bib).items():
        group, reliability = keywords(entry)
        entries[key] = {"g": group, "r": reliability, "c": countries.get(key, "")}
    return "window.ASMHUB_BIB=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def bibtex_script(bib: Path) -> str:
    """`window.ASMHUB_BIBTEX`: source_id -> its BibTeX entry (for the library's copy buttons)."""
    entries = {match.group(2): match.group(1) for match in _ENTRY_TEXT.finditer(bib.read_text(encoding="utf-8"))}
    return "window.ASMHUB_BIBTEX=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        use_build_entries(app)
        target = Path(app.outdir) / "_static" / "asmhub-bib.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bib_script(paths.ROOT / "data" / "references.bib", paths.ESTIMATES), encoding="utf-8")
        target.with_name("asmhub-bibtex.js").write_text(
            bibtex_script(paths.ROOT / "data" / "references.bib"), encoding="utf-8"
        )


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
