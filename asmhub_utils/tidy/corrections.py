"""Fixes to a source's metadata, read from `data/corrections.csv`, applied by the build, listed on the changelog.

Columns: source (the source_id before correction), field (`title`, `publisher`, `url`), old (the value as
received, which must match, so a correction never silently changes something else), new, reason. Values of
figures are never corrected here: a raw figure's value stays as printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem, display_path, read_decisions

COLUMNS = ("source", "field", "old", "new", "reason")
FIELDS = ("title", "publisher", "url")


@dataclass(frozen=True)
class Correction:
    row: int
    source: str
    field: str
    old: str
    new: str
    reason: str


def read(path: Path | None = None) -> list[Correction]:
    """Every correction; raises DataError listing each malformed row."""
    return read_decisions(path or paths.DATA / "corrections.csv", COLUMNS, Correction, check)


def check(shown: str, c: Correction) -> list[Problem]:
    problems = []
    if c.field not in FIELDS:
        problems.append(
            Problem(
                shown,
                c.row,
                "field",
                c.field,
                "not a source field that may be corrected",
                f"use one of: {', '.join(FIELDS)}",
            )
        )
    if not c.reason:
        problems.append(Problem(shown, c.row, "reason", "", "a correction needs its reason", "say why"))
    return problems


def apply(sources: list[dict], corrections: list[Correction], path: Path | None = None) -> None:
    """Apply each correction to its source row; unknown source or a stale `old` value is an error."""
    shown = display_path(path or paths.DATA / "corrections.csv")
    by_id = {s["source_id"]: s for s in sources}
    problems = []
    for c in corrections:
        source = by_id.get(c.source)
        if source is None:
            problems.append(
                Problem(
                    shown, c.row, "source", c.source, "no source has this id", "use a source_id from data/sources.csv"
                )
            )
        elif source[c.field] != c.old:
            problems.append(
                Problem(
                    shown,
                    c.row,
                    "old",
                    c.old,
                    f"the source's {c.field} is not this value",
                    f"copy the current value: {source[c.field]!r}",
                )
            )
    if problems:
        raise DataError(problems)
    for c in corrections:
        source = by_id[c.source]
        source[c.field] = c.new
        note = f"{c.field} corrected: {c.reason}"
        source["correction"] = f"{source['correction']} | {note}" if source.get("correction") else note


def changelog_markdown(corrections: list[Correction] | None = None) -> str:
    """The corrections as a Markdown list for the changelog page."""
    corrections = read() if corrections is None else corrections
    if not corrections:
        return "No source metadata has been corrected."
    return "\n".join(
        f"- Source {c.source}, {c.field}: {_shown(c, c.old)} → {_shown(c, c.new, link=True)}. {c.reason}"
        for c in corrections
    )


def _shown(c: Correction, value: str, link: bool = False) -> str:
    """An address as its host (long addresses would not fit a phone), the new one linked; other fields quoted.
    Plain text, not code: a long host name must be able to wrap on a phone."""
    if c.field != "url":
        return f"“{value}”"
    host = urlsplit(value).netloc
    return f"[{host}]({value})" if link else f"the proxy host {host.replace('.', '.<wbr>')}"
