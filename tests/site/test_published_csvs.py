"""No formula in any CSV the built book publishes: every downloads/*.csv, every other CSV in the site, and every
CSV inside the data zip. A cell a spreadsheet would run (starting with '=', '+', '-', '@', a tab or a carriage
return, other than a plain signed number) fails, naming the file, row and cell."""

from __future__ import annotations

import csv
import io
import re
import zipfile

PLAIN_NUMBER = re.compile(r"^[-+]?[0-9][0-9,]*(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?%?$", re.I)


def formula_cells(name: str, text: str) -> list[str]:
    found = []
    for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        for cell in row:
            if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not PLAIN_NUMBER.match(cell):
                found.append(f"{name}, row {number}: {cell[:60]!r}")
    return found


def test_no_published_csv_holds_a_formula(html_dir):
    csvs = sorted(html_dir.rglob("*.csv"))
    assert len(csvs) >= 10, "the site publishes its chart downloads"
    found = [
        f for path in csvs for f in formula_cells(str(path.relative_to(html_dir)), path.read_text(encoding="utf-8"))
    ]
    assert found == [], "\n".join(found[:20])


def test_no_csv_in_the_data_zip_holds_a_formula(html_dir):
    archives = sorted(html_dir.rglob("*.zip"))
    assert archives, "the site publishes the data zip"
    found, tables = [], 0
    for archive in archives:
        with zipfile.ZipFile(archive) as bundle:
            for name in bundle.namelist():
                if name.endswith(".csv"):
                    tables += 1
                    found += formula_cells(f"{archive.name}:{name}", bundle.read(name).decode("utf-8"))
    assert tables >= 3 and found == [], "\n".join(found[:20])
