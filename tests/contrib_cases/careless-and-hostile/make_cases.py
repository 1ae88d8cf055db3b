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
COLUMNS = ("dataset,country_iso3,country_name,indicator,value,unit,year,mineral,source_title,source_publisher,"
           "source_year,source_url,locator,note").split(",")
GOOD = dict(zip(COLUMNS, ["miners_by_country", "GHA", "Ghana", "people working in ASM (case)", "about 1,000,000",
                          "persons", "2019", "gold", "ASM in Ghana (careless case)", "Case Institute", "2020",
                          "https://example.org/cases/ghana", "p. 3", ""]))
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
    "value-more-people-than-the-world": ({"country_iso3": "", "country_name": "World", "value": "10 billion"},
                                         "value", "more than the world's"),
    "value-too-many-countries": ({"dataset": "global_headline", "country_iso3": "", "country_name": "",
                                  "unit": "countries", "value": "400"}, "value", "more than there are"),
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
    "url-angle-brackets": ({"source_url": "https://example.org/<script>alert(1)</script>"}, "source_url",
                           "angle bracket"),
    "url-single-quote": ({"source_url": "https://example.org/it's"}, "source_url", "single quote"),
    "url-javascript": ({"source_url": "javascript:alert(1)"}, "source_url", "not a web address"),
    "url-data": ({"source_url": "data:text/html,<script>alert(1)</script>"}, "source_url", "not a web address"),
    "url-ftp": ({"source_url": "ftp://example.org/report.pdf"}, "source_url", "not a web address"),
    "note-formula-dde": ({"note": "-2+3+cmd|' /C calc'!A0"}, "note", "spreadsheet formula"),
    "note-formula-hyperlink": ({"note": '=HYPERLINK("https://evil.example","click")'}, "note",
                               "spreadsheet formula"),
    "locator-formula-at": ({"locator": "@SUM(A1:A2)"}, "locator", "spreadsheet formula"),
    "publisher-formula-plus": ({"source_publisher": "+cmd|'/C calc'!A0"}, "source_publisher", "spreadsheet formula"),
    "title-formula-tab": ({"source_title": "\t=1+1"}, "source_title", "spreadsheet formula"),
    "note-200kb-cell": ({"note": "x" * 200_000}, "note", "over the limit"),
    "congo-without-code": ({"country_iso3": "", "country_name": "Congo"}, "country_iso3", "COD"),
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
    files = {
        "header-only-blank-lines.csv": (_csv([]) + "\n\n\n").encode(), 
        "byte-order-mark-only.csv": b"\xef\xbb\xbf",
        "semicolon-delimited.csv": _csv([GOOD], delimiter=";").encode(),
        "tab-delimited.csv": _csv([GOOD], delimiter="\t").encode(),
        "utf16-without-bom.csv": _csv([GOOD]).encode("utf-16-le"),
        "utf16-with-bom.csv": _csv([GOOD]).encode("utf-16"),
        "upper-case-header.csv": _csv([GOOD], header=[c.upper() for c in COLUMNS]).encode(),
    }
    messages = {
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
