"""Errors that tell a person what is wrong, where (file, row, column) and how to fix it."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from asmhub_utils import wording

Row = TypeVar("Row")


@dataclass(frozen=True)
class Problem:
    """One problem in one cell. `row` is the row number a spreadsheet shows (header = row 1)."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" (value: {self.value!r})"
        return f"{where}: {self.message}{shown}. Fix: {self.fix}"


class DataError(Exception):
    """Raised when input data is malformed; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def report(self, before: str, after: str) -> None:
        """On stderr, for a command: '<before> 3 problems<after>', then each problem on a line of its own."""
        print(f"{before} {wording.count(len(self.problems), 'problem')}{after}", file=sys.stderr)
        for problem in self.problems:
            print(f"  {problem}", file=sys.stderr)


def display_path(path: Path) -> str:
    """A path relative to the repository when it lies inside it, for short messages."""
    from asmhub_utils.paths import ROOT

    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def decision_rows(path: Path, columns: tuple[str, ...]) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The rows of a small hand-written table in data/ (curation, corrections): (spreadsheet row, stripped
    cells) for each well-formed row, and a problem for each row with the wrong number of cells. A wrong header
    raises DataError at once."""
    shown = display_path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or tuple(h.strip() for h in rows[0]) != columns:
        raise DataError(
            [
                Problem(
                    shown,
                    1,
                    None,
                    ",".join(rows[0]) if rows else "",
                    "the header is wrong",
                    f"use exactly: {','.join(columns)}",
                )
            ]
        )
    good, problems = [], []
    for number, cells in enumerate(rows[1:], start=2):
        if not cells:
            continue
        if len(cells) != len(columns):
            problems.append(
                Problem(
                    shown,
                    number,
                    None,
                    None,
                    f"the row has {len(cells)} cells, not {len(columns)}",
                    "quote cells that contain commas",
                )
            )
            continue
        good.append((number, [c.strip() for c in cells]))
    return good, problems


def read_decisions(
    path: Path, columns: tuple[str, ...], make: Callable[..., Row], check: Callable[[str, Row], list[Problem]]
) -> list[Row]:
    """Every row of a hand-written decision table as `make(row_number, *cells)`, [] when the file is absent;
    raises DataError listing each malformed row (`decision_rows`) and each problem `check(shown_path, row)`
    finds."""
    if not path.exists():
        return []
    shown = display_path(path)
    rows, problems = decision_rows(path, columns)
    out = [make(number, *cells) for number, cells in rows]
    for row in out:
        problems += check(shown, row)
    if problems:
        raise DataError(problems)
    return out
