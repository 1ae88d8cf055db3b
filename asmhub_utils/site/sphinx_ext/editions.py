"""Editions in the built site: the `asmhub-world-figures` directive (every figure without a country, so each has
an anchor to link to), the `asmhub-what-changed` directive (the What changed page, made from the data at
build time, asmhub_utils/site/what_changed.py) and every edition's data package under `downloads/editions/<version>/`.

The kept editions (data/editions/<version>/) are copied as they are; the current edition's package is written from
data/, so what a reader downloads as this edition is what its pages show, even before `make edition` keeps it.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from asmhub_utils import escape, paths
from asmhub_utils.chapters import edition_marks
from asmhub_utils.editions import registry
from asmhub_utils.site import metadata, what_changed


class WhatChanged(SphinxDirective):
    """`{asmhub-what-changed}`: every change since the previous edition, linked to each figure's row."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # re-read when the data, a kept edition or a chapter's stated figures change, not only this page's source
        inputs = [paths.DATA / f"{name}.csv" for name in ("estimates", "countries", "sources")]
        inputs += sorted(registry.EDITIONS.rglob("*")) + sorted(paths.NOTEBOOKS.glob("**/*.ipynb"))
        for path in inputs:
            if path.is_file() and "profiles" not in path.parts:
                self.env.note_dependency(str(path))
        return [nodes.raw("", what_changed.what_changed_html(self.env.docname), format="html")]


class WorldFigures(SphinxDirective):
    """`{asmhub-world-figures}`: every figure without a country, each row at its record id's anchor."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", edition_marks.world_figures_html(), format="html")]


def _neutralise(table: Path) -> None:
    """An edition kept from before the book neutralised formula-like cells (escape.csv_cell) gets them
    neutralised in its published copy; the kept package in data/editions/ stays as it was published."""
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    safe = [[escape.csv_cell(cell) for cell in row] for row in rows]
    if safe != rows:
        with table.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(safe)


def write_downloads(outdir: Path, data: Path = paths.DATA) -> list[Path]:
    """downloads/editions/<version>/ for every kept edition and the current one; returns the folders written."""
    meta = metadata.load()
    root = outdir / what_changed.DOWNLOADS
    written = []
    for edition in registry.kept():
        if edition.version == meta.version:
            continue
        target = root / edition.version
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(edition.folder, target)
        for table in target.glob("*.csv"):
            _neutralise(table)
        written.append(target)
    described = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    written.append(
        registry.keep(
            root / meta.version,
            {n: (data / n).read_bytes() for n in registry.TABLE_FILES},
            described,
            {},
            meta.version,
            meta.date_released,
        )
    )
    return written


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_downloads(Path(app.outdir))


def setup(app: Sphinx) -> None:
    app.add_directive("asmhub-what-changed", WhatChanged)
    app.add_directive("asmhub-world-figures", WorldFigures)
    app.connect("build-finished", _build_finished)
