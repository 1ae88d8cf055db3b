"""The contribution standard, defined once: what a contributed figures CSV must hold.

Everything a contributor sees is generated from this module: the Frictionless Table Schema
(`data/contrib/schema.json`), the example file (`data/contrib/example/example.csv`), and the table of
columns in the book's "Contribute data" chapter. `asmhub validate` (asmhub_utils/contrib/validate.py) checks
files against it, with messages that say how to fix each problem.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass

from asmhub_utils import paths
from asmhub_utils.tidy import units
from asmhub_utils.tidy.schema import Column
from asmhub_utils.tidy.values import TEXT_UNITS

FIRST_YEAR = 1900
MAX_BYTES = 1_000_000  # three times the whole seed sweep; larger files are split into several contributions
MAX_CELL = 2_000  # characters in one cell; the longest seed title is under 400
MAX_NOTE = 5_000
ENCODING = "UTF-8"

# The topics of the seed sweep; a figure that fits none goes under "other".
DATASETS: tuple[str, ...] = (
    "global_headline",
    "miners_by_country",
    "supply_share",
    "mercury",
    "sites",
    "formalisation",
    "child_labour",
    "safety",
    "other",
)
UNITS: tuple[str, ...] = units.ALLOWED
# Units whose value is a count or quantity, so it cannot be negative.
COUNT_UNITS = units.COUNT_UNITS
# Units whose value is free text (a date, a description): the value need not be a number.
FREE_TEXT_UNITS: tuple[str, ...] = tuple(u for u in UNITS if u in TEXT_UNITS)
ISO3_PATTERN = "[A-Z]{3}"
YEAR_PATTERN = "[0-9]{4}"
URL_PATTERN = "[Hh][Tt][Tt][Pp][Ss]?://[^\\s/]+\\.[^\\s]+"  # scheme in any case: HTTPS://EXAMPLE.ORG/X.PDF

VALUE_FORMS: tuple[tuple[str, str], ...] = (
    ("1200", "a number"),
    ("1,200", "a number with thousands separators"),
    ("1.5 million", "a number with thousand, million or billion"),
    ("10-15 million", "a range: both ends are kept, never averaged"),
    ("about 40000", "a qualified number: about, nearly, more than, at least, up to, perhaps"),
    ("2,000+", "a lower bound"),
    ("380-870 (median 520)", "a range with the central value the source states"),
    ("one third", "a word fraction (with unit percent it becomes 33.33)"),
)


def current_year() -> int:
    return datetime.date.today().year


@dataclass(frozen=True)
class Field:
    """One column of a contribution: its Frictionless description plus what a contributor needs to know."""

    column: Column
    rule: str  # the rule in plain words, as the book's table shows it
    example: str

    @property
    def name(self) -> str:
        return self.column.name

    @property
    def required(self) -> bool:
        return self.column.required


FIELDS: tuple[Field, ...] = (
    Field(
        Column("dataset", "string", "Topic the figure belongs to.", required=True, enum=DATASETS),
        "Required. One of: " + ", ".join(DATASETS) + ".",
        "miners_by_country",
    ),
    Field(
        Column(
            "country_iso3",
            "string",
            "ISO 3166-1 alpha-3 code of the country; blank for world or regional figures.",
            pattern=ISO3_PATTERN,
        ),
        "ISO 3166-1 alpha-3 code in capitals (GHA, COD, PER). Blank for a world or regional figure.",
        "GHA",
    ),
    Field(
        Column("country_name", "string", "Country name (must match the code) or the name of a region."),
        "The country's ISO name or the name the book already uses for that code; for a regional figure "
        "(code blank), the region's name.",
        "Ghana",
    ),
    Field(
        Column("indicator", "string", "What is measured, in the source's terms.", required=True),
        "Required. What the figure counts, in the source's words.",
        "people working in ASM",
    ),
    Field(
        Column("value", "string", "The figure exactly as the source prints it.", required=True),
        "Required. The figure as the source prints it, in one of the forms listed below; one figure per row. "
        "Counts cannot be negative; percentages cannot exceed 100.",
        "about 1,000,000",
    ),
    Field(
        Column("unit", "string", "Unit of the value.", required=True, enum=UNITS),
        "Required. One of: " + ", ".join(UNITS) + ".",
        "persons",
    ),
    Field(
        Column("year", "integer", "Year the figure refers to.", required=True, extra={"minimum": FIRST_YEAR}),
        f"Required. The year the figure refers to, four digits, from {FIRST_YEAR} to the current year.",
        "2019",
    ),
    Field(
        Column("mineral", "string", "Mineral(s) the figure refers to; blank when it covers all ASM."),
        "The mineral(s), lower case (gold, cobalt, tin; gold and diamonds); blank for all ASM.",
        "gold",
    ),
    Field(
        Column("source_title", "string", "Title of the document or page the figure is read from.", required=True),
        "Required. Title of the document or web page.",
        "Artisanal and small-scale mining in Ghana",
    ),
    Field(
        Column("source_publisher", "string", "Publisher or author of the source."),
        "Who published it (and the original author when you read a copy).",
        "Example Research Institute",
    ),
    Field(
        Column("source_year", "integer", "Publication year of the source.", extra={"minimum": FIRST_YEAR}),
        f"Publication year, four digits, from {FIRST_YEAR} to the current year; blank when unknown.",
        "2020",
    ),
    Field(
        Column(
            "source_url",
            "string",
            "Web address where a reader can open the source.",
            required=True,
            pattern=URL_PATTERN,
        ),
        "Required. Full address starting with http:// or https://.",
        "https://example.org/asm-ghana-2020.pdf",
    ),
    Field(
        Column("locator", "string", "Where in the source the figure stands."),
        "Page, table or section, so a reviewer can find the figure.",
        "p. 12, table 3",
    ),
    Field(
        Column("note", "string", "Anything a reader should know: the original source quoted, caveats."),
        "Caveats, and the original source when the document quotes another.",
        "Survey of 12 districts",
    ),
)

COLUMNS: tuple[str, ...] = tuple(f.name for f in FIELDS)
REQUIRED: tuple[str, ...] = tuple(f.name for f in FIELDS if f.required)

# Example records: a country figure, a range with a stated central value and a world share.
# The source is invented (example.org) so the example can never be mistaken for data.
EXAMPLE_ROWS: tuple[dict[str, str], ...] = (
    {f.name: f.example for f in FIELDS},
    {
        "dataset": "mercury",
        "country_iso3": "PER",
        "country_name": "Peru",
        "indicator": "mercury used in artisanal gold mining",
        "value": "100-180 (median 140)",
        "unit": "t/yr",
        "year": "2018",
        "mineral": "gold",
        "source_title": "Mercury use in Peruvian ASGM (example)",
        "source_publisher": "Example Research Institute",
        "source_year": "2019",
        "source_url": "https://example.org/peru-mercury-2019",
        "locator": "section 4.2",
        "note": "",
    },
    {
        "dataset": "supply_share",
        "country_iso3": "",
        "country_name": "",
        "indicator": "ASM share of world tin supply",
        "value": "about 25",
        "unit": "percent",
        "year": "2021",
        "mineral": "tin",
        "source_title": "Tin supply from ASM (example)",
        "source_publisher": "Example Research Institute",
        "source_year": "2022",
        "source_url": "https://example.org/tin-2022",
        "locator": "figure 1",
        "note": "World figure: country columns left blank",
    },
)

SCHEMA_PATH = paths.CONTRIB / "schema.json"
EXAMPLE_DIR = paths.CONTRIB / "example"
EXAMPLE_PATH = EXAMPLE_DIR / "example.csv"
MISTAKES_PATH = EXAMPLE_DIR / "with-mistakes.csv"


def frictionless_schema() -> dict:
    """The Frictionless Table Schema of a contribution file."""
    return {
        "$comment": "Generated from asmhub_utils/contrib/standard.py by `asmhub standard`; do not edit by hand.",
        "fields": [f.column.frictionless() for f in FIELDS],
        "missingValues": [""],
    }


def render_schema() -> str:
    return json.dumps(frictionless_schema(), indent=2, ensure_ascii=False) + "\n"


def render_example() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in EXAMPLE_ROWS:
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


def generated_files() -> dict:
    """Each generated artefact's path and its content, freshly rendered."""
    return {SCHEMA_PATH: render_schema(), EXAMPLE_PATH: render_example()}


def write_files() -> list:
    """Write the generated artefacts; returns the paths written."""
    written = []
    for path, content in generated_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def documentation_rows() -> list[dict[str, str]]:
    """One row per column for the contributor's table: name, type, required, rule, example."""
    kinds = {"string": "text", "integer": "whole number"}
    return [
        {
            "Column": f.name,
            "Type": kinds[f.column.type],
            "Required": "yes" if f.required else "no",
            "Rule": f.rule.replace("the current year", f"the current year ({current_year()})"),
            "Example": f.example,
        }
        for f in FIELDS
    ]
