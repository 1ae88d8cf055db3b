"""Check the tidy tables against data/datapackage.json before anything reads them.

A table damaged on disk (a cell that is not a number where the schema says number, a file cut short by a full
disk or a killed copy, a file edited by hand) would otherwise end in a pandas traceback in every profile, or, worse,
look like a country with no data. `check()` reads each resource of the package with the standard library and
stops with one sentence per problem: file, row, column, value and what to do (`make data`, which rebuilds the
tables from data/raw and data/contrib and changes nothing else).

What is checked, per table: the file exists; its size and SHA-256 are the ones the build wrote into the package
(`bytes`, `hash`: Frictionless's own resource properties, so `frictionless validate` checks them too); its
header is the schema's; every row has every cell; number and integer cells read as such; required cells are not
blank; keys are unique. Frictionless's own `Package(...).validate()` does the same and more (tests/test_datapackage.py
runs it), but takes 1.1 s to import and 2.1 s to validate the three tables on this project's 2-core machine,
against 0.07 s here, and every book build and profile run would pay it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem, display_path

FIX = (
    "run `make data`: it rebuilds the tidy tables from data/raw and data/contrib (nothing else is changed; "
    "no profile is deleted)"
)
MAX_PER_TABLE = 5  # a table wrong everywhere gets its first problems named, not thousands


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _integer(text: str) -> bool:
    return text.lstrip("-").isdigit()


_TYPES = {"number": ("a number", _number), "integer": ("a whole number", _integer)}


def check_table(path: Path, resource: dict) -> list[Problem]:
    """The problems of one table against its resource in the package (empty: the table is sound)."""
    shown = display_path(path)
    if not path.is_file():
        return [Problem(shown, None, None, None, "the table is missing", FIX)]
    raw = path.read_bytes()
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        return [
            Problem(
                shown,
                row,
                None,
                raw[error.start : error.end].hex(" "),
                "the table is not UTF-8 text (damaged on disk)",
                FIX,
            )
        ]
    problems: list[Problem] = []
    if text and not text.endswith("\n"):
        problems.append(
            Problem(
                shown,
                text.count("\n") + 1,
                None,
                text.rsplit("\n", 1)[-1][-40:],
                "the table ends in the middle of a row: it was cut short",
                FIX,
            )
        )
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if problems and len(rows) > 1:
        rows.pop()  # the cut row: named above
    if not rows or rows[0] != names:
        return problems + [
            Problem(
                shown,
                1,
                None,
                ",".join(rows[0])[:80] if rows else "",
                "the header is not the one datapackage.json describes",
                FIX,
            )
        ]
    keys = resource["schema"].get("primaryKey")
    key_at = names.index(keys) if isinstance(keys, str) else None
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if len(problems) >= MAX_PER_TABLE:
            break
        if len(cells) != len(names):
            problems.append(
                Problem(shown, number, None, None, f"the row has {len(cells)} cells, the table {len(names)}", FIX)
            )
            continue
        for field, cell in zip(fields, cells):
            if not cell:
                if field.get("constraints", {}).get("required"):
                    problems.append(Problem(shown, number, field["name"], "", "a required cell is blank", FIX))
                continue
            kind = _TYPES.get(field["type"])
            if kind and not kind[1](cell):
                problems.append(
                    Problem(shown, number, field["name"], cell[:40], f"the cell should hold {kind[0]}", FIX)
                )
        if key_at is not None:
            key = cells[key_at]
            if key in seen:
                problems.append(
                    Problem(shown, number, keys, key, f"the key is also on row {seen[key]}: two rows share one id", FIX)
                )
            seen.setdefault(key, number)
    changed = resource.get("bytes") not in (None, len(raw)) or resource.get("hash") not in (
        None,
        "sha256:" + sha256(path),
    )
    if not problems and changed:
        problems.append(
            Problem(
                shown,
                None,
                None,
                None,
                f"the table is not the one `make data` wrote ({len(raw):,} bytes; "
                f"datapackage.json says {resource.get('bytes', 0):,}): it was cut short, "
                "damaged or edited by hand",
                FIX,
            )
        )
    return problems


def check(data_dir: Path | None = None) -> None:
    """Raise DataError naming every damaged table of data/ (see the module's docstring)."""
    data_dir = data_dir or paths.DATA
    package_path = data_dir / "datapackage.json"
    try:
        package = json.loads(package_path.read_text(encoding="utf-8"))
        resources = package["resources"]
    except (OSError, ValueError, KeyError, TypeError):
        raise DataError(
            [
                Problem(
                    display_path(package_path),
                    None,
                    None,
                    None,
                    "the description of the tidy tables is missing or damaged",
                    FIX,
                )
            ]
        ) from None
    problems = []
    for resource in resources:
        problems += check_table(data_dir / resource["path"], resource)
    if problems:
        raise DataError(problems)
