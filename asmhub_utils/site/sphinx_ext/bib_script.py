"""`_static/asmhub-bib.js`: the bibliography as data for the library page's filter and copy buttons."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx

from asmhub_utils import paths


def bib_script(bib: Path) -> str:
    """`window.ASMHUB_BIB`: source_id -> {g: group, r: reliability, b: its BibTeX entry}, for the library page's
    filter and copy buttons (loaded by that page only)."""
    entries = {}
    for match in re.finditer(r"(@\w+\{([^,]+),.*?\n\})", bib.read_text(encoding="utf-8"), flags=re.S):
        text, key = match.group(1), match.group(2)
        keywords = re.search(r"keywords = \{([^}]*)\}", text)
        group, _, reliability = (keywords.group(1) if keywords else "").partition(",")
        entries[key] = {"g": group.strip(), "r": reliability.strip(), "b": text}
    return "window.ASMHUB_BIB=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "asmhub-bib.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bib_script(paths.ROOT / "data" / "references.bib"), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
