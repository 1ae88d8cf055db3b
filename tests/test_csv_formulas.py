"""No formula in any CSV the book publishes: text cells that a spreadsheet would run are written with a leading
apostrophe (escape.csv_cell) in the tidy tables and the per-chart downloads, whatever their origin; the book reads
its tables back unchanged; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from asmhub_utils import escape, paths
from asmhub_utils.chapters import data, downloads
from asmhub_utils.tidy import build, schema

FORMULAS = ["=1+1", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=msexcel|'cmd'!''", "-cmd|' /C calc'!A0"]
KEPT = ["-5", "+2.5%", "1,000", "gold", "", "'quoted", "a=b", "- 5"]


def formula_like(cell: str) -> bool:
    return cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not escape._PLAIN_NUMBER.match(cell)


@pytest.mark.parametrize("value", FORMULAS + KEPT + ["'=1", "''=1", "'-x"])
def test_a_cell_is_neutralised_and_read_back_exactly(value):
    written = escape.csv_cell(value)
    assert not formula_like(written)
    assert escape.from_csv_cell(written) == value


@pytest.mark.parametrize("value", ["-5", "+2.5%", "1,000", "gold"])
def test_plain_numbers_and_text_are_unchanged(value):
    assert escape.csv_cell(value) == value


def test_the_tidy_tables_are_written_neutralised_and_read_back_as_they_were(tmp_path, monkeypatch):
    record = {c.name: None for c in schema.ESTIMATE_COLUMNS}
    record.update(
        record_id="contrib-x",
        note='=HYPERLINK("https://evil.example")',
        locator="+1+1",
        value_text="-5",
        value_low=-5.0,
        origin="contrib/x.csv",
        mineral="gold; =cmd",
    )
    table = tmp_path / "estimates.csv"
    build.write_table(table, schema.ESTIMATE_COLUMNS, [record])
    written = next(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert written["note"].startswith("'=") and written["locator"] == "'+1+1"
    assert written["value_text"] == "-5" and written["value_low"] == "-5"
    assert not any(formula_like(cell) for cell in written.values())
    read = data._read(table, schema.ESTIMATE_COLUMNS).iloc[0]
    assert read["note"] == record["note"] and read["locator"] == "+1+1" and read["value_low"] == -5


def test_a_download_is_neutralised_and_keeps_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path)
    monkeypatch.chdir(tmp_path)
    frame = pd.DataFrame({"note": ["=1+1", "fine"], "value_low": [-5.0, 3.0], "value_text": ["-5", "+1+1"]})
    downloads.save_csv(frame, "formula-test")
    text = (tmp_path / "formula-test.csv").read_text(encoding="utf-8")
    assert "'=1+1" in text and ",-5.0," in text and "'+1+1" in text


def test_no_table_in_data_holds_a_formula():
    """The published tables as built now (the seed sweep has notes starting with '=')."""
    for table in (paths.ESTIMATES, paths.SOURCES, paths.DATA / "countries.csv"):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))):
            assert not any(formula_like(cell) for cell in row), (table.name, row[:3])
