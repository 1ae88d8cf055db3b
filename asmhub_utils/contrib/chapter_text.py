"""What the "Contribute data" chapter shows, rendered from the standard and the validator (text escaped)."""

from __future__ import annotations

import csv
from pathlib import Path

from asmhub_utils import html_templates, paths
from asmhub_utils.contrib import standard
from asmhub_utils.errors import Problem, display_path


def _table(header: list[str], rows: list[list[object]], css: str) -> str:
    """Every cell carries its column's name (`data-label`): on a phone book/assets/asmhub.css shows each row as a
    card of labelled lines (as for table.asm-estimates), so no column is cut off at the right edge."""
    return html_templates.render(
        "contrib_table.html", header=header, css=css, rows=[list(zip(header, row)) for row in rows]
    )


def standard_table() -> str:
    """The columns of a contribution, their type, whether required, the rule and an example."""
    rows = standard.documentation_rows()
    header = list(rows[0])
    return _table(header, [[r[h] for h in header] for r in rows], "asm-standard")


def value_forms_table() -> str:
    return _table(["You may write", "Read as"], [list(form) for form in standard.VALUE_FORMS], "asm-standard")


def csv_table(path: Path) -> str:
    """A CSV file shown turned on its side: one line per column of the file, one column per record headed by its
    spreadsheet row number ("Row 2"), so validator messages (row, column) can be followed, and a file of 14
    columns fits a page instead of running its cells into each other."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, records = rows[0], rows[1:]
    numbers = [f"Row {n}" for n in range(2, len(records) + 2)]
    lines = [[column, *(record[i] if i < len(record) else "" for record in records)] for i, column in enumerate(header)]
    return _table(["Column", *numbers], lines, "asm-standard")


def problems_table(problems: list[Problem]) -> str:
    return _table(
        ["Row", "Column", "Value", "Problem", "How to fix it"],
        [[p.row or "", p.column or "", p.value or "", p.message, p.fix] for p in problems],
        "asm-standard",
    )


def contributed_files() -> list[str]:
    """The contributed files now in data/contrib/, relative to the repository."""
    return [display_path(p) for p in sorted(paths.CONTRIB.glob("*.csv"))]
