"""data/references.bib read with pybtex, once per build: the entries sphinxcontrib-bibtex has already parsed when
the build has them, else pybtex's own parse (0.6 s for the 401 entries)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from asmhub_utils import paths

_BUILD_ENTRIES: dict[Path, dict] = {}


def bib_entries(bib: Path) -> dict:
    """key -> pybtex Entry of a .bib file."""
    if bib in _BUILD_ENTRIES:
        return _BUILD_ENTRIES[bib]
    from pybtex.database import parse_file

    return dict(parse_file(str(bib), bib_format="bibtex").entries)


def keywords(entry) -> tuple[str, str]:
    """(group, reliability) from an entry's `keywords` (tidy/bibtex.py writes 'group, reliability')."""
    group, _, reliability = entry.fields.get("keywords", "").partition(",")
    return group.strip(), reliability.strip()


def use_build_entries(app: Sphinx) -> None:
    """Let `bib_entries` read the entries sphinxcontrib-bibtex has parsed (its `cite` domain's `bibdata`)."""
    bib = paths.ROOT / "data" / "references.bib"
    if bib in _BUILD_ENTRIES or "cite" not in app.env.domains:
        return
    bibdata = app.env.get_domain("cite").bibdata
    for path, bibfile in bibdata.bibfiles.items():
        if Path(path).resolve() == bib.resolve():
            _BUILD_ENTRIES[bib] = {key: bibdata.data.entries[key] for key in bibfile.keys}
