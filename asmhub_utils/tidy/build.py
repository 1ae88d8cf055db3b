"""Build the tidy tables from the raw figures: load inputs, process, save outputs.

Inputs: the raw source sweeps (`data/raw/asm-source-sweep/figures.csv`, the seed sweep, then
`data/raw/asm-source-sweep-2/figures.csv`, the second sweep, then `data/raw/asm-source-sweep-3/figures.csv`, the
third) and every `data/contrib/*.csv`, all in the 14-column
figures format and all through the same checks. Each estimate keeps the file it came from in `origin`, and a
record id that stays the same as long as the raw file does ('seed-NNNN', 'sweep2-NNNN', 'sweep3-NNNN',
'contrib-<hash>'). Outputs: `data/estimates.csv`, `data/sources.csv`, `data/countries.csv` (one headline per country,
headline.py),
`data/datapackage.json` and `data/references.bib`
(the resource library's bibliography, written from the same sources).
The build is deterministic: running it twice gives byte-identical files (a test checks this).
A malformed raw row stops the build with every problem listed (file, row, column, value, fix).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from asmhub_utils import escape, paths
from asmhub_utils.contrib import standard
from asmhub_utils.errors import DataError, Problem, display_path
from asmhub_utils.tidy import (
    bibtex,
    corrections,
    countries,
    curation,
    echoes,
    headline,
    lineage,
    measures,
    reader_notes,
    readings,
    reliability,
    schema,
    statements,
    table_check,
    values,
)
from asmhub_utils.tidy.units import normalise_unit, per_year
from asmhub_utils.tidy.values import parse_value

FIGURE_COLUMNS = standard.COLUMNS  # the 14 columns, defined once in the contribution standard
REQUIRED = ("dataset", "indicator", "value", "unit", "source_title", "source_url")
_YEAR = re.compile(r"^\d{4}(?:s|-\d{4}|-\d{2})?$")  # 2019, a decade (1990s), a span (2017-2018; a survey's 2014-15)
_URL = re.compile(f"^{standard.URL_PATTERN}$")  # the standard's one URL pattern


@dataclass(frozen=True)
class FigureRow:
    """One raw figure with where it came from."""

    origin: str  # path relative to data/
    row: int  # spreadsheet row number (header is row 1)
    fields: dict[str, str]


# ---------------------------------------------------------------- load inputs


def read_figures(path: Path, origin: str | None = None) -> list[FigureRow]:
    """Read one figures CSV; raise DataError naming every malformed row and cell.

    `origin` is the file's place relative to data/ when it is read from a staging copy (see contribute.py).
    """
    shown = display_path(path)
    origin = origin or display_path_in_data(path)
    raw = _raw_source(path)
    unit_may_be_blank = raw is not None and raw.unit_may_be_blank
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise DataError(
                [
                    Problem(
                        shown,
                        None,
                        None,
                        None,
                        "the file is empty",
                        f"start with the header row: {','.join(FIGURE_COLUMNS)}",
                    )
                ]
            )
        header = [h.strip() for h in header]
        if tuple(header) != FIGURE_COLUMNS:
            raise DataError(
                [
                    Problem(
                        shown,
                        1,
                        None,
                        ",".join(header),
                        "the header is not the figures header",
                        f"use exactly these columns in this order: {','.join(FIGURE_COLUMNS)}",
                    )
                ]
            )
        rows, problems = [], []
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue  # an empty line or a row of empty cells, as spreadsheets leave at the end
            if len(cells) != len(FIGURE_COLUMNS):
                problems.append(
                    Problem(
                        shown,
                        number,
                        None,
                        None,
                        f"the row has {len(cells)} cells, not {len(FIGURE_COLUMNS)}",
                        "quote cells that contain commas and give every column a cell",
                    )
                )
                continue
            fields = {k: v.strip() for k, v in zip(FIGURE_COLUMNS, cells)}
            problems += check_figure(shown, number, fields, unit_may_be_blank)
            rows.append(FigureRow(origin, number, fields))
    if problems:
        raise DataError(problems)
    return rows


def display_path_in_data(path: Path) -> str:
    return Path(path).resolve().relative_to(paths.DATA).as_posix()


def check_figure(file: str, row: int, f: dict[str, str], unit_may_be_blank: bool = False) -> list[Problem]:
    """The structural checks every raw figure must pass before it can enter the tidy tables.

    `unit_may_be_blank` is for a raw sweep that leaves units outside the book's list blank and names them in
    `note` (see `RawSource`); every other check is the same for every input.
    """
    problems = []
    for column in REQUIRED:
        if column == "unit" and unit_may_be_blank:
            continue
        if not f[column]:
            problems.append(Problem(file, row, column, "", f"'{column}' is required", f"fill in '{column}'"))
    iso3 = f["country_iso3"]
    if iso3 and not countries.is_iso3(iso3):
        hint = ", ".join(countries.suggest(iso3)) or "see https://www.iso.org/obp/ui/#search"
        problems.append(
            Problem(
                file,
                row,
                "country_iso3",
                iso3,
                "not an ISO 3166-1 alpha-3 code",
                f"use a valid upper-case code (close: {hint}) or leave blank for world figures",
            )
        )
    for column in ("year", "source_year"):
        value = f[column]
        start, _, end = value.partition("-")
        end = start[:2] + end if len(end) == 2 else end  # 2014-15 is 2014-2015
        if value and (not _YEAR.match(value) or (end and int(end) < int(start))):
            problems.append(
                Problem(
                    file,
                    row,
                    column,
                    value,
                    "not a 4-digit year",
                    "write the year as YYYY (or a decade as YYYYs, or a span as YYYY-YYYY or YYYY-YY "
                    "with the earlier year first), or leave it blank",
                )
            )
    if f["source_url"] and not _URL.match(f["source_url"]):
        problems.append(
            Problem(
                file,
                row,
                "source_url",
                f["source_url"],
                "not a web address",
                "give the full address starting with http:// or https://",
            )
        )
    return problems


@dataclass(frozen=True)
class RawSource:
    """One raw figures file the build reads. Raw files are never edited (see their SOURCE.md), so
    '<prefix>-<data row number>' is a stable record id."""

    path: Path
    prefix: str
    unit_may_be_blank: bool  # the sweep leaves units outside the book's list blank and names them in `note`
    values_in_english: bool  # every value is written in English style (1,000.5); else as printed, any language


def raw_sources() -> list[RawSource]:
    """The raw sweeps in the order the build reads them."""
    return [
        RawSource(paths.SEED_FIGURES, "seed", unit_may_be_blank=False, values_in_english=True),
        RawSource(paths.SWEEP2_FIGURES, "sweep2", unit_may_be_blank=True, values_in_english=False),
        RawSource(paths.SWEEP3_FIGURES, "sweep3", unit_may_be_blank=True, values_in_english=False),
    ]


def document_language(figure: FigureRow) -> str | None:
    """What the build knows of the language a figure's value was printed in, for `values.parse_value`.

    English for the seed sweep and for contributions (the standard asks for 1,000.5); for a sweep that keeps
    values as printed, the language of the source title, else the country's official language when the
    parser reads it, else None (the value's own words decide, or only language-neutral forms are read).
    """
    source = _raw_source_of(figure.origin)
    if source is None or source.values_in_english:
        return "en"
    return values.guess_language(figure.fields["source_title"]) or values.official_language(
        figure.fields["country_iso3"]
    )


def _raw_source(path: Path) -> RawSource | None:
    return next((s for s in raw_sources() if s.path.resolve() == Path(path).resolve()), None)


def input_files(contrib_dir: Path | None = None) -> list[Path]:
    """The raw sweeps first, then contributed files in name order."""
    return [*(s.path for s in raw_sources()), *sorted((contrib_dir or paths.CONTRIB).glob("*.csv"))]


def _origin(path: Path, contrib_dir: Path | None) -> str | None:
    """Where a staged contributed file will live, relative to data/ (None: it already lives there)."""
    if contrib_dir is None or path.parent != contrib_dir:
        return None
    return (paths.CONTRIB / path.name).relative_to(paths.DATA).as_posix()


# ---------------------------------------------------------------- process


def source_key(f: dict[str, str]) -> tuple[str, str, str, str]:
    return (f["source_title"], f["source_publisher"], f["source_year"], f["source_url"])


SHORT_DIGEST = 6  # hex digits of a source id's hash; a collision gets LONG_DIGEST (see source_ids)
LONG_DIGEST = 20


def source_id(key: tuple[str, str, str, str], digits: int = SHORT_DIGEST) -> str:
    """A readable, stable key: publisher slug, year and a short hash of the full source description."""
    title, publisher, year, url = key
    slug = re.sub(r"[^a-z0-9]+", "-", (publisher or title).lower()).strip("-")
    slug = "-".join(slug.split("-")[:3])[:24].strip("-") or "source"
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:digits]
    return f"{slug}-{year or 'nd'}-{digest}"


def source_ids(keys: dict[tuple[str, str, str, str], tuple[str, int]]) -> dict[tuple[str, str, str, str], str]:
    """One id per source, never shared: `keys` maps each source (in the order the build reads them: seed
    sweeps first, then contributions by file name) to where it is first read (file, spreadsheet row).

    Six hex digits keep the ids readable and stable, but a title can be searched for that collides with another
    source's (a matter of minutes). The first source to claim an id keeps it, so a contribution can never change a
    seed source's id (data/corrections.csv and the pages refer to them); a later one gets a 20-digit hash, which
    no search finds (80 bits). Should two ids still coincide, the build stops naming both sources."""
    ids: dict[tuple[str, str, str, str], str] = {}
    owner: dict[str, tuple[str, str, str, str]] = {}
    for key in keys:
        sid = source_id(key)
        if sid in owner:
            sid = source_id(key, LONG_DIGEST)
        if sid in owner:
            first = owner[sid]
            raise DataError(
                [
                    Problem(
                        keys[key][0],
                        keys[key][1],
                        "source_title",
                        key[0],
                        f"this source gets the id '{sid}', already the id of '{first[0]}' "
                        f"({first[1] or 'no publisher'}; {keys[first][0]}, row {keys[first][1]})",
                        "change the source's title, publisher, year or address slightly (e.g. "
                        "the full title); two sources cannot share an id",
                    )
                ]
            )
        ids[key], owner[sid] = sid, key
    return ids


def _raw_source_of(origin: str) -> RawSource | None:
    """The raw sweep a figure was read from, by its origin (None: a contribution)."""
    return _raw_origins(tuple(s.path for s in raw_sources())).get(origin)


@lru_cache(maxsize=4)
def _raw_origins(_paths: tuple[Path, ...]) -> dict[str, RawSource]:
    # keyed on the sweeps' paths (tests point them at copies); resolving a path per figure cost seconds
    return {display_path_in_data(s.path): s for s in raw_sources()}


def record_id(figure: FigureRow) -> str:
    source = _raw_source_of(figure.origin)
    if source is not None:
        return f"{source.prefix}-{figure.row - 1:04d}"
    content = "\x1f".join(figure.fields[c] for c in FIGURE_COLUMNS)
    return "contrib-" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]


def scope_of(f: dict[str, str]) -> str:
    if f["country_iso3"]:
        return "country"
    return "region" if f["country_name"] else "world"


def estimate_record(figure: FigureRow, sid: str) -> dict[str, object]:
    f = figure.fields
    parsed = parse_value(f["value"], f["unit"], document_language(figure), f["country_iso3"])
    return {
        "record_id": record_id(figure),
        "dataset": f["dataset"],
        "scope": scope_of(f),
        "iso3": f["country_iso3"],
        "country_name": f["country_name"],
        "region": countries.region(f["country_iso3"]) if f["country_iso3"] else "",
        "indicator": f["indicator"],
        "mineral": f["mineral"],
        "year": int(f["year"]) if f["year"].isdigit() else None,
        "year_text": f["year"],
        "value_text": f["value"],
        "value_low": parsed.low,
        "value_high": parsed.high,
        "value_central": parsed.central,
        "qualifier": parsed.qualifier,
        "value_kind": parsed.kind,
        "unit": per_year(normalise_unit(f["unit"]), f["indicator"], f["note"]),  # blank where a sweep left it
        # blank (named in `note`); an annual flow per year (units.per_year)
        "unit_original": f["unit"],
        "source_id": sid,
        "locator": f["locator"],
        "note": f["note"],
        "origin": figure.origin,
        "statement_of": "",
    }


def describe(record: dict, fields: dict[str, str], source: dict) -> None:
    """Add what the figure is: year it refers to, published year, original source, measures, coverage,
    reliability (rules in lineage.py, measures.py and reliability.py)."""
    original = lineage.original_source(fields["note"], source["title"])
    if record["statement_of"] and (code := re.search(r"\(([A-Z][A-Za-z]{1,7}-\d{2,4}[a-z]?)\)", record["value_text"])):
        original = lineage.original_source(f"original source {code.group(1)}") or original  # "(IGF-18)"
    record["published_year"] = source["year"]
    record["original_source"] = original.name if original else ""
    record["year"] = lineage.reference_year(record["year"], original)
    record["measures"] = measures.measures(
        record["dataset"],
        record["indicator"],
        record["unit"],
        record["value_kind"],
        record["note"],
        record["value_text"],
    )
    record["coverage"] = measures.coverage(record["scope"], record["indicator"], record["note"])
    record["reliability"], record["reliability_reason"] = reliability.figure_reliability(
        source["reliability"], source["reliability_reason"], record["original_source"]
    )
    record["curation"] = ""
    record["headline_decision"] = record["headline_decision_reason"] = ""


def tidy_tables(
    figures: list[FigureRow],
    decisions: list[curation.Decision] | None = None,
    fixes: list[corrections.Correction] | None = None,
    translations: dict[str, tuple[str, str]] | None = None,
) -> tuple[list[dict], list[dict]]:
    """Turn raw figures into (estimates, sources) records, one source row per distinct source.

    `fixes` (data/corrections.csv) correct source metadata before grading; `decisions` (data/curation.csv)
    set what no rule decides; then figures repeating one estimate get one `echo_group` (echoes.py). Every figure
    gets its English reading (readings.py; `translations` from data/glosses.csv) and its note for readers
    (reader_notes.py).
    """
    notes: dict[tuple, list[str]] = defaultdict(list)
    first_read: dict[tuple, str] = {}
    for figure in figures:
        notes[source_key(figure.fields)].append(figure.fields["note"])
        first_read.setdefault(source_key(figure.fields), (f"data/{figure.origin}", figure.row))
    ids = source_ids(first_read)
    estimates = [estimate_record(fig, ids[source_key(fig.fields)]) for fig in figures]
    where: dict[str, str] = {}
    duplicates = []
    for figure, e in zip(figures, estimates):
        here = f"data/{figure.origin}, row {figure.row}"
        if e["record_id"] in where:
            duplicates.append(
                Problem(
                    f"data/{figure.origin}",
                    figure.row,
                    None,
                    e["record_id"],
                    f"the same record is in the data twice (also {where[e['record_id']]})",
                    "remove the repeated row",
                )
            )
        where.setdefault(e["record_id"], here)
    if duplicates:
        raise DataError(duplicates)
    counts: dict[str, int] = defaultdict(int)
    for e in estimates:
        counts[e["source_id"]] += 1
    sources = []
    for key, sid in sorted(ids.items(), key=lambda item: item[1]):
        title, publisher, year, url = key
        sources.append(
            {
                "source_id": sid,
                "title": title,
                "publisher": publisher,
                "year": int(year) if year.isdigit() else None,
                "url": url,
                "correction": "",
                "n_figures": counts[sid],
            }
        )
    corrections.apply(sources, fixes or [])
    key_of = {sid: key for key, sid in ids.items()}
    for source in sources:
        source["reliability"], source["reliability_reason"] = reliability.classify(
            source["publisher"], source["url"], notes[key_of[source["source_id"]]], source["title"]
        )
    reliability.one_reliability_per_address(sources)
    by_id = {s["source_id"]: s for s in sources}
    described, languages = [], {}
    for figure, record in zip(figures, estimates):
        for row in (record, *statements.parts(record, document_language(figure))):
            describe(row, figure.fields, by_id[row["source_id"]])
            described.append(row)
            languages[row["record_id"]] = document_language(figure)
    estimates[:] = described
    readings.describe(estimates, languages, translations)
    for record in estimates:
        record["reader_note"] = reader_notes.reader_note(record["note"])
    counts = defaultdict(int)
    for e in estimates:
        counts[e["source_id"]] += 1
    for source in sources:  # a statement's figures are figures of its source too
        source["n_figures"] = counts[source["source_id"]]
    curation.apply(estimates, decisions or [])
    groups = echoes.echo_groups(estimates)
    for record in estimates:
        record["echo_group"] = groups[record["record_id"]]
    return estimates, sources


# ---------------------------------------------------------------- save outputs


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


_RISKY = frozenset("=+-@\t\r'")  # first characters escape.csv_cell may change (a cheap test first: 300,000 cells)


def write_table(path: Path, columns: tuple[schema.Column, ...], records: list[dict]) -> None:
    """The records as CSV; text cells through `escape.csv_cell` (no cell a spreadsheet runs as a formula,
    whatever its origin; `chapters.data` reads them back as they were)."""
    names = [c.name for c in columns]
    text = [c.type == "string" for c in columns]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for record in records:
            cells = [_cell(record[n]) for n in names]
            writer.writerow([escape.csv_cell(c) if t and c[:1] in _RISKY else c for c, t in zip(cells, text)])


def _frame(records: list[dict], columns: tuple[schema.Column, ...]) -> pd.DataFrame:
    """Records as the frame `data.py` would read back (numbers as numbers, blanks as '' in text columns)."""
    frame = pd.DataFrame(records, columns=[c.name for c in columns])
    for column in columns:
        if column.type in ("number", "integer"):
            frame[column.name] = pd.to_numeric(frame[column.name])
        else:
            frame[column.name] = frame[column.name].fillna("").astype(str)
    return frame


def build(out_dir: Path | None = None, contrib_dir: Path | None = None) -> dict[str, Path]:
    """Rebuild the tidy tables into `out_dir` (default data/); returns the paths written.

    `contrib_dir` replaces data/contrib/ as the folder of contributed files (a staging copy, see contribute.py).
    """
    out_dir = out_dir or paths.DATA
    figures = [row for path in input_files(contrib_dir) for row in read_figures(path, _origin(path, contrib_dir))]
    estimates, sources = tidy_tables(figures, curation.read(), corrections.read(), readings.read_translations())
    bibliography = bibtex.render(pd.DataFrame(sources))  # before writing anything: it may refuse a source
    out_dir.mkdir(parents=True, exist_ok=True)
    countries_frame = headline.table(_frame(estimates, schema.ESTIMATE_COLUMNS))
    if problems := headline.unreviewed(countries_frame):
        raise DataError(problems)
    written = {
        "estimates": out_dir / "estimates.csv",
        "sources": out_dir / "sources.csv",
        "countries": out_dir / "countries.csv",
        "datapackage": out_dir / "datapackage.json",
        "bibliography": out_dir / bibtex.BIB.name,
    }
    write_table(written["estimates"], schema.ESTIMATE_COLUMNS, estimates)
    write_table(written["sources"], schema.SOURCE_COLUMNS, sources)
    write_table(
        written["countries"],
        schema.COUNTRY_COLUMNS,
        [
            {k: (None if pd.isna(v) else v) if not isinstance(v, (list, str)) else v for k, v in row.items()}
            for row in countries_frame.to_dict("records")
        ],
    )
    descriptor = schema.datapackage()
    for resource in descriptor["resources"]:  # what table_check compares before anything reads the tables
        table = out_dir / resource["path"]
        resource["bytes"], resource["hash"] = table.stat().st_size, "sha256:" + table_check.sha256(table)
    written["datapackage"].write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    written["bibliography"].write_text(bibliography, encoding="utf-8")
    return written
