"""The CSV behind each chart, written next to the book so a reader can download exactly what is drawn.

Files go to `book/site_extra/downloads/` (generated, not in git), whose parent Sphinx copies to the site root, giving
`downloads/` (`html_extra_path`). Links are relative to the page, so the site works under any base URL.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from asmhub_utils import escape, html_templates, paths

DOWNLOADS = paths.BOOK / "site_extra" / "downloads"


def _page_dir() -> Path:
    """Folder of the page being executed: notebooks run with their own folder as working directory."""
    return Path.cwd().resolve()


def save_csv(frame: pd.DataFrame, name: str) -> str:
    """Write `frame` as downloads/<name>.csv and return a link to it from the current page.

    Text cells go through `escape.csv_cell`: no cell runs as a formula in the reader's spreadsheet.
    The link is an HTML anchor, not a Markdown link: notebook Markdown is rendered as MyST, which would read a
    relative Markdown link as a cross-reference to a document and warn that none exists.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise ValueError(f"download name {name!r}: use lower-case letters, digits, '-' and '_' only")
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    target = DOWNLOADS / f"{name}.csv"
    escape.csv_frame(frame).to_csv(target, index=False, encoding="utf-8", lineterminator="\n")
    # Also under lists and tables and under profiles with no chart: the label does not say "chart".
    rows = f"{len(frame):,} row" + ("" if len(frame) == 1 else "s")
    return _link(target.name, f"Download these figures ({name}.csv, {rows})")


def copy_file(source: Path, name: str, label: str) -> str:
    """Publish an existing file unchanged as downloads/<name> and return a link to it from the current page."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*\.[a-z]+", name):
        raise ValueError(f"download name {name!r}: use lower-case letters, digits, '-' and '_', and an extension")
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    (DOWNLOADS / name).write_bytes(Path(source).read_bytes())
    return _link(name, f"{label} ({name})")


def address(folder: str) -> str:
    """A folder of the site root (book/site_extra/<folder>) as the executing page reaches it: '../../downloads'."""
    return Path(os.path.relpath(paths.ROOT, _page_dir()), folder).as_posix()


def _link(file_name: str, label: str) -> str:
    """An HTML anchor relative to the executing page. Notebook Markdown is rendered as MyST, where a Markdown
    link to a file outside the book's sources would be read as a cross-reference and fail the build."""
    href = f"{address('downloads')}/{file_name}"
    return html_templates.render("download_link.html", href=href, label=label)


def sources_and_figures(frame: pd.DataFrame, name: str, prefix: str = "Sources") -> str:
    """MyST Markdown under a chart or table: who says what it shows (source_lines.sources_line), then a link to the
    CSV of exactly these figures (tables.figures_for_download, saved as downloads/<name>.csv)."""
    from asmhub_utils.chapters import source_lines, tables

    return source_lines.sources_line(frame, prefix=prefix) + "\n\n" + save_csv(tables.figures_for_download(frame), name)
