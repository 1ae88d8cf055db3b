"""The contribution standard's tables: every cell labelled for the phone cards; a CSV file fits a page."""

import csv
import re

from asmhub_utils.contrib import chapter_text, standard, validate


def test_every_cell_is_labelled_with_its_column():
    tables = [
        chapter_text.standard_table(),
        chapter_text.value_forms_table(),
        chapter_text.csv_table(standard.EXAMPLE_PATH),
        chapter_text.problems_table(validate.validate_file(standard.MISTAKES_PATH)),
    ]
    for table in tables:
        cells = re.findall(r"<td[^>]*>", table)
        assert cells and all("data-label=" in cell for cell in cells)
    assert '<td data-label="How to fix it">' in tables[3]


def test_a_csv_file_is_shown_one_line_per_column_with_spreadsheet_row_numbers():
    with standard.MISTAKES_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    table = chapter_text.csv_table(standard.MISTAKES_PATH)
    headers = re.findall(r"<th>([^<]*)</th>", table)
    assert headers == ["Column"] + [f"Row {n}" for n in range(2, len(rows) + 1)]
    assert len(re.findall(r"<tr>", table)) == 1 + len(rows[0])  # the header line, then one per column
    assert f'<td data-label="Row 2">{rows[1][0]}</td>' in table
