"""Write the careless and hostile contribution files of this folder and `expected.json` (what the validator must
say about each: spreadsheet row, column, words of the message). Run it after changing a case:

    .venv/bin/python tests/contrib_cases/careless-and-hostile/make_cases.py

Each file is a valid contribution except for one thing. Half the cases put the bad row third, after a good row,
so the row number is checked too.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

HERE = Path(__file__).parent
SEED = HERE.parents[2] / "data" / "raw" / "asm-source-sweep" / "figures.csv"
COLUMNS = [
    "dataset",
    "country_iso3",
    "country_name",
    "indicator",
    "value",
    "unit",
    "year",
    "mineral",
    "source_title",
    "source_publisher",
    "source_year",
    "source_url",
    "locator",
    "note",
]
GOOD = dict(
    zip(
        COLUMNS,
        [
            "miners_by_country",
            "GHA",
            "Ghana",
            "people working in ASM (case)",
            "about 1,000,000",
            "persons",
            "2019",
            "gold",
            "ASM in Ghana (careless case)",
            "Case Institute",
            "2020",
            "https://example.org/cases/ghana",
            "p. 3",
            "",
        ],
    )
)
OTHER = {**GOOD, "indicator": "licensed ASM miners (case)", "value": "12,000", "locator": "p. 4"}

# name -> (cells to change in the bad row, column expected, words expected)
CELL_CASES: dict[str, tuple[dict[str, str], str, str]] = {
    "value-scientific": ({"value": "1e400"}, "value", "scientific notation"),
    "value-hexadecimal": ({"value": "0x10"}, "value", "not a decimal number"),
    "value-decimal-comma": ({"value": "2,5 million"}, "value", "decimal comma"),
    "value-mass-as-persons": ({"value": "12 kilograms of gold"}, "value", "words after the figure"),
    "value-unit-words": ({"value": "1,200 persons"}, "value", "words after the figure"),
    "value-power": ({"value": "10^18"}, "value", "characters inside the figure"),
    "value-underscore": ({"value": "1_000"}, "value", "characters inside the figure"),
    "value-spaced-digits": ({"value": "1 000 000"}, "value", "characters inside the figure"),
    "value-full-width-digits": ({"value": "１２３"}, "value", "digits from another script"),
    "value-arabic-indic-digits": ({"value": "١٢٣"}, "value", "digits from another script"),
    "value-nan": ({"value": "NaN"}, "value", "cannot be read as a number or a range"),
    "value-infinity": ({"value": "inf"}, "value", "cannot be read as a number or a range"),
    "value-percent-sign-on-persons": ({"value": "25%"}, "value", "percent sign"),
    "value-more-people-than-the-country": ({"value": "40,000,000"}, "value", "more than the"),
    "value-10-to-the-18-persons": ({"value": "1,000,000,000,000,000,000"}, "value", "more than the"),
    "value-more-people-than-the-world": (
        {"country_iso3": "", "country_name": "World", "value": "10 billion"},
        "value",
        "more than the world's",
    ),
    "value-too-many-countries": (
        {"dataset": "global_headline", "country_iso3": "", "country_name": "", "unit": "countries", "value": "400"},
        "value",
        "more than there are",
    ),
    "year-full-width": ({"year": "２０１９"}, "year", "digits from another script"),
    "source-year-arabic-indic": ({"source_year": "٢٠٢٠"}, "source_year", "digits from another script"),
    "indicator-right-to-left-override": ({"indicator": "miners \u202egnikrow"}, "indicator", "right-to-left override"),
    "title-zero-width-space": ({"source_title": "ASM\u200b in Ghana"}, "source_title", "zero-width space"),
    "publisher-c1-control": ({"source_publisher": "Case\x9b Institute"}, "source_publisher", "C1 control"),
    "locator-line-separator": ({"locator": "p. 3\u2028p. 4"}, "locator", "line separator"),
    "indicator-line-break": ({"indicator": "people working\nin ASM"}, "indicator", "line break"),
    "title-carriage-return": ({"source_title": "ASM in\rGhana"}, "source_title", "carriage return"),
    "note-bidi-isolate": ({"note": "see \u2066table\u2069"}, "note", "left-to-right isolate"),
    "mineral-zero-width-joiner": ({"mineral": "go\u200dld"}, "mineral", "zero-width joiner"),
    "publisher-bell": ({"source_publisher": "Case\x07 Institute"}, "source_publisher", "invisible control character"),
    "url-user-info": ({"source_url": "https://example.org@evil.example/"}, "source_url", "user-info"),
    "url-double-quote": ({"source_url": 'https://example.org/"onmouseover="alert(1)'}, "source_url", "double quote"),
    "url-angle-brackets": (
        {"source_url": "https://example.org/<script>alert(1)</script>"},
        "source_url",
        "angle bracket",
    ),
    "url-single-quote": ({"source_url": "https://example.org/it's"}, "source_url", "single quote"),
    "url-javascript": ({"source_url": "javascript:alert(1)"}, "source_url", "not a web address"),
    "url-data": ({"source_url": "data:text/html,<script>alert(1)</script>"}, "source_url", "not a web address"),
    "url-ftp": ({"source_url": "ftp://example.org/report.pdf"}, "source_url", "not a web address"),
    "note-formula-dde": ({"note": "-2+3+cmd|' /C calc'!A0"}, "note", "spreadsheet formula"),
    "note-formula-hyperlink": ({"note": '=HYPERLINK("https://evil.example","click")'}, "note", "spreadsheet formula"),
    "locator-formula-at": ({"locator": "@SUM(A1:A2)"}, "locator", "spreadsheet formula"),
    "publisher-formula-plus": ({"source_publisher": "+cmd|'/C calc'!A0"}, "source_publisher", "spreadsheet formula"),
    "title-formula-tab": ({"source_title": "\t=1+1"}, "source_title", "spreadsheet formula"),
    "note-200kb-cell": ({"note": "x" * 200_000}, "note", "over the limit"),
    "congo-without-code": ({"country_iso3": "", "country_name": "Congo"}, "country_iso3", "COD"),
    # once accepted wrongly
    "source-year-before-figure-year": (
        {"year": "2019", "source_year": "2015"},
        "source_year",
        "before the year the figure refers to",
    ),
    "country-misspelt-without-code": (
        {"country_iso3": "", "country_name": "Gahna"},
        "country_iso3",
        "misspelling of Ghana",
    ),
    "url-vertical-bar": ({"source_url": "https://example.org/report|cmd"}, "source_url", "vertical bar"),
    "url-caret": ({"source_url": "https://example.org/report^1"}, "source_url", "caret"),
    "url-look-alike-cyrillic": (
        {"source_url": "https://\u0435xample.org/report"},
        "source_url",
        "mixes letters of Cyrillic and Latin scripts: it looks like another address but opens xn--xample-2of.org",
    ),
    "mineral-formula-in-list": (
        {"mineral": "gold; =msexcel|'\\..\\..\\Windows\\System32\\cmd.exe'!''"},
        "mineral",
        "spreadsheet formula (the part",
    ),
    "locator-formula-plus-one": ({"locator": "+1+1"}, "locator", "spreadsheet formula"),
    "note-formula-minus-sum": ({"note": "-2+3"}, "note", "spreadsheet formula"),
    "region-noncharacter": ({"country_iso3": "", "country_name": "West\ufffeAfrica"}, "country_name", "noncharacter"),
    # once answered with a misleading message
    "value-indian-grouping": ({"value": "5,00,000"}, "value", "Indian digit grouping (5,00,000 = 500,000)"),
    "value-reversed-range": ({"value": "500-300"}, "value", "the range is reversed"),
    "value-reversed-range-with-scale": ({"value": "15-10 million"}, "value", "the range is reversed"),
    "value-negative-percent": (
        {"dataset": "supply_share", "unit": "percent", "value": "-5"},
        "value",
        "negative: a share cannot be below zero",
    ),
    "value-leading-plus": ({"value": "+500"}, "value", "starts with '+'"),
}

# Correct text that must be accepted (expected: no problem at all), one changed row each.
ACCEPTED: dict[str, dict[str, str]] = {
    "ok-persian-zero-width-non-joiner": {
        "source_publisher": "سازمان زمین\u200cشناسی و اکتشافات معدنی کشور",
        "indicator": "people working in ASM (Persian source)",
    },
    "ok-devanagari-zero-width-joiner": {"source_title": "खनन रिपो\u200dर्ट (भारत)"},
    "ok-joined-emoji": {"note": "\U0001f469\U0001f3fd\u200d\U0001f527 \u26cf\ufe0f women miners"},
    "ok-chinese-publisher-world-tin": {
        "dataset": "supply_share",
        "country_iso3": "",
        "country_name": "",
        "indicator": "ASM share of world tin supply (case)",
        "value": "about 25",
        "unit": "percent",
        "mineral": "tin",
        "source_publisher": "中国有色金属工业协会",
    },
    "ok-arabic-and-cyrillic": {"source_title": "التعدين الحرفي في السودان", "source_publisher": "Министерство"},
    "ok-url-upper-case": {"source_url": "HTTPS://EXAMPLE.ORG/X.PDF"},
    "ok-url-cyrillic-host": {"source_url": "https://минприроды.рф/documents/1"},
    "ok-region-name": {"country_iso3": "", "country_name": "Southern Africa", "value": "about 100,000"},
    "ok-long-label": {"indicator": "people working in ASM " + "in the districts of the western region " * 49},
}


def _csv(rows: list[dict[str, str]], delimiter: str = ",", header: list[str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")  # as spreadsheets write
    writer.writerow(header or COLUMNS)
    for row in rows:
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


def main() -> None:
    for old in HERE.glob("*.csv"):
        old.unlink()
    expected: dict[str, list] = {}
    for number, (name, (change, column, words)) in enumerate(sorted(CELL_CASES.items())):
        bad = {**GOOD, **change}
        rows = [OTHER, bad] if number % 2 else [bad]
        (HERE / f"{name}.csv").write_bytes(_csv(rows).encode("utf-8"))
        expected[f"{name}.csv"] = [[len(rows) + 1, column, words]]
    for name, change in sorted(ACCEPTED.items()):
        (HERE / f"{name}.csv").write_bytes(_csv([{**GOOD, **change}]).encode("utf-8"))
        expected[f"{name}.csv"] = []
    empty_row = "," * (len(COLUMNS) - 1) + "\r\n"  # what Excel leaves below the records
    (HERE / "ok-trailing-empty-spreadsheet-rows.csv").write_bytes((_csv([GOOD]) + empty_row * 5).encode())
    expected["ok-trailing-empty-spreadsheet-rows.csv"] = []
    seed = next(csv.DictReader(io.StringIO(SEED.read_text(encoding="utf-8"))))
    files = {
        "duplicate-of-seed-in-capitals.csv": _csv(
            [{**seed, "source_publisher": seed["source_publisher"].upper()}]
        ).encode(),
        "utf32-with-bom.csv": _csv([GOOD]).encode("utf-32"),
        "utf32-without-bom.csv": _csv([GOOD]).encode("utf-32-le"),
        "executable.csv": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        "workbook-xlsx.csv": b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" + bytes(200),
        "binary-with-nul-bytes.csv": bytes(range(256)) * 8,
        "pipe-delimited.csv": _csv([GOOD], delimiter="|").encode(),
        "excel-sep-line.csv": ("sep=,\r\n" + _csv([GOOD])).encode(),
        "missing-header.csv": _csv([GOOD]).split("\r\n", 1)[1].encode(),
        "html-page.csv": b"<!DOCTYPE html>\n<html><body><table><tr><td>dataset</td></tr></table></body></html>\n",
        "json-records.csv": json.dumps([GOOD], ensure_ascii=False).encode(),
        "not-the-standard-table.csv": b"name,age,city\nAda,36,London\n",
        "header-only-blank-lines.csv": (_csv([]) + "\n\n\n").encode(),
        "byte-order-mark-only.csv": b"\xef\xbb\xbf",
        "semicolon-delimited.csv": _csv([GOOD], delimiter=";").encode(),
        "tab-delimited.csv": _csv([GOOD], delimiter="\t").encode(),
        "utf16-without-bom.csv": _csv([GOOD]).encode("utf-16-le"),
        "utf16-with-bom.csv": _csv([GOOD]).encode("utf-16"),
        "upper-case-header.csv": _csv([GOOD], header=[c.upper() for c in COLUMNS]).encode(),
    }
    messages = {
        "duplicate-of-seed-in-capitals.csv": [
            2,
            None,
            "already in the data (data/raw/asm-source-sweep/figures.csv, row 2)",
        ],
        "utf32-with-bom.csv": [None, None, "UTF-32 text"],
        "utf32-without-bom.csv": [None, None, "UTF-32 text"],
        "executable.csv": [None, None, "a program (an ELF executable)"],
        "workbook-xlsx.csv": [None, None, "a zip archive (an Excel .xlsx"],
        "binary-with-nul-bytes.csv": [None, None, "binary data"],
        "pipe-delimited.csv": [1, None, "separated by vertical bars"],
        "excel-sep-line.csv": [1, None, "Excel's 'sep=' line"],
        "missing-header.csv": [1, None, "no header row"],
        "html-page.csv": [None, None, "a web page (HTML)"],
        "json-records.csv": [None, None, "the file is JSON"],
        "not-the-standard-table.csv": [1, None, "not the standard's header"],
        "header-only-blank-lines.csv": [None, None, "a header but no records"],
        "byte-order-mark-only.csv": [None, None, "only a byte-order mark"],
        "semicolon-delimited.csv": [1, None, "separated by semicolons"],
        "tab-delimited.csv": [1, None, "separated by tabs"],
        "utf16-without-bom.csv": [None, None, "UTF-16 text (little-endian, without a byte-order mark)"],
        "utf16-with-bom.csv": [None, None, "UTF-16"],
        "upper-case-header.csv": [1, None, "not in lower case"],
    }
    for name, content in files.items():
        (HERE / name).write_bytes(content)
        expected[name] = [messages[name]]
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"wrote {len(expected)} cases")


if __name__ == "__main__":
    main()
