"""Check a contributed figures CSV against the contribution standard (asmhub_utils/contrib/standard.py).

Every problem is reported, not only the first, each as a `Problem`: file, the row number a spreadsheet shows
(header = row 1), column, the cell's value, what is wrong and how to fix it. A cell gets at most one problem:
the most basic one (a formula before an unreadable value, a missing value before a wrong one).
The structural checks the seed build applies (`build.check_figure`) run first; the checks here add what a
contribution needs on top (allowed datasets and units, a readable value, years in range, duplicates, ...).

Frictionless and these checks. The standard is published as a Frictionless Table Schema (data/contrib/schema.json,
generated from standard.py), and tests/test_validate.py holds the two to agreement: every corpus file this
validator accepts, Frictionless accepts, and every rule the schema can express (required, enum, pattern, minimum)
is refused by both. The checks themselves stay hand-written, because here the library loses on both counts that
matter. Messages: Frictionless says 'The cell "tonnes/yr" in row at position "2" and field "unit" at position "6"
does not conform to a constraint: constraint "enum" is "['persons', ...]"', where this says "not one of the
allowed units (write 't/yr')"; and the schema cannot express most of what a contributor gets wrong (a value's
form, a country's name against its code, formulas, invisible characters, a file that is not CSV at all, a
duplicate of the seed). Time: on a 4,000-row file (2-core machine, busy), Frictionless takes 1.8 s to import and
1.1 s to validate the schema's rules alone, this module 2.5 s for everything; running both would add the
library's time to every `asmhub contribute` without a message a contributor could use.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import json
import os
import re
import stat
import unicodedata
from pathlib import Path

import pycountry

from asmhub_utils import paths
from asmhub_utils.contrib import cell_checks, standard
from asmhub_utils.errors import Problem, display_path
from asmhub_utils.tidy import build, countries
from asmhub_utils.tidy.units import normalise_unit
from asmhub_utils.tidy.values import parse_value

_NEGATIVE = re.compile(r"^\s*[-\u2212]\s*\d")
_FOUR_DIGITS = re.compile(r"^[0-9]{4}$")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$")

Record = tuple[str, ...]


def _p(file: str, row: int | None, column: str | None, value: str | None, message: str, fix: str) -> Problem:
    return Problem(file, row, column, value, message, fix)


def _unreadable(shown: str, error: OSError) -> Problem:
    """The file exists but the system refuses to read it (stat or read)."""
    return _p(
        shown,
        None,
        None,
        None,
        f"the file cannot be read ({error.strerror or error})",
        "check that the file is yours to read (permissions) and not open elsewhere",
    )


def _closest(word: str, choices: tuple[str, ...], cutoff: float = 0.5) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return f" (closest: '{close[0]}')" if close else ""


# ---------------------------------------------------------------- the data a contribution is compared with


def _read_records(path: Path) -> list[tuple[int, Record]]:
    """(spreadsheet row, record) for every well-formed row of a figures CSV; malformed rows are skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or tuple(h.strip() for h in rows[0]) != standard.COLUMNS:
        return []
    return [
        (n, tuple(c.strip() for c in cells))
        for n, cells in enumerate(rows[1:], start=2)
        if len(cells) == len(standard.COLUMNS)
    ]


def record_key(record: Record) -> Record:
    """A record as compared for duplicates: case, Unicode form and runs of spaces do not make a new figure
    ('CASE INSTITUTE' is the seed's 'Case Institute')."""
    return tuple(" ".join(unicodedata.normalize("NFC", cell).casefold().split()) for cell in record)


def existing_records(exclude: Path | None = None) -> dict[Record, str]:
    """Every record already in data/ (seed sweep and contributed files), by `record_key` -> where it is,
    e.g. 'contrib/a.csv, row 4'."""
    seen: dict[Record, str] = {}
    for path in build.input_files():
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        where = build.display_path_in_data(path)
        for row, record in _read_records(path):
            seen.setdefault(record_key(record), f"data/{where}, row {row}")
    return seen


def seed_names() -> dict[str, list[str]]:
    """Country names the seed sweep uses for each ISO3 code, as written there."""
    names: dict[str, list[str]] = {}
    for _, record in _read_records(paths.SEED_FIGURES):
        fields = dict(zip(standard.COLUMNS, record))
        if fields["country_iso3"] and fields["country_name"]:
            known = names.setdefault(fields["country_iso3"], [])
            if fields["country_name"] not in known:
                known.append(fields["country_name"])
    return names


@functools.lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """A name without case, accents or punctuation, so "Cote d'Ivoire" matches "Côte d’Ivoire"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


# ---------------------------------------------------------------- checks of one file


def _utf16(raw: bytes) -> str:
    """'UTF-16 text (little-endian, ...)' when the bytes look like UTF-16, with or without a byte-order mark."""
    if raw[:2] == b"\xff\xfe":
        return "UTF-16 text (little-endian, with a byte-order mark)"
    if raw[:2] == b"\xfe\xff":
        return "UTF-16 text (big-endian, with a byte-order mark)"
    sample = raw[:400]
    if len(sample) >= 4 and sample.count(b"\x00") >= len(sample) // 3:
        little = sample[1::2].count(b"\x00") > sample[0::2].count(b"\x00")
        decoded = sample[: len(sample) // 2 * 2].decode("utf-16-le" if little else "utf-16-be", errors="replace")
        if sum(not (ch.isprintable() or ch in "\r\n\t") for ch in decoded) > len(decoded) // 10:
            return ""  # NUL bytes, but not text in UTF-16 either: see _check_bytes
        return f"UTF-16 text ({'little' if little else 'big'}-endian, without a byte-order mark)"
    return ""


def _check_format(shown: str, text: str) -> list[Problem]:
    """One sentence for a file that is text but not a CSV of this standard: a web page, JSON, Excel's 'sep='
    line. (Other delimiters: `_check_delimiter`; no header: `_check_first_row`.)"""
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    first_line = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first_line.lower().startswith("sep="):
        return [
            _p(
                shown,
                1,
                None,
                first_line[:20],
                "the file starts with Excel's 'sep=' line, which is not part of the CSV",
                "delete the first line, so the file starts with the header row",
            )
        ]
    if start.startswith(("<!doctype", "<html", "<table", "<?xml", "<head", "<body", "<div")):
        return [
            _p(
                shown,
                None,
                None,
                None,
                "the file is a web page (HTML), not a CSV file",
                "open it in a spreadsheet or copy the table out of it, then " + _SAVE_AS_CSV,
            )
        ]
    if start.startswith(("{", "[")):
        try:
            json.loads(text.lstrip("\ufeff"))
            what = "JSON"
        except ValueError:
            what = "JSON (or something like it)"
        return [
            _p(
                shown,
                None,
                None,
                None,
                f"the file is {what}, not a CSV file",
                "write the records as a CSV table: one header row with the standard's columns, one row per "
                "figure (the example file shows how)",
            )
        ]
    return []


def _check_first_row(shown: str, header: list[str], rows: list[list[str]]) -> list[Problem]:
    """A first row with none of the standard's column names is one problem, not 14 missing columns: either the
    header was left out (the first row is a record) or the file is another table."""
    if set(header) & set(standard.COLUMNS):
        return []
    looks_like_record = len(header) == len(standard.COLUMNS) and (
        header[0] in standard.DATASETS or any(cell.startswith(("http://", "https://")) for cell in header)
    )
    if looks_like_record:
        return [
            _p(
                shown,
                1,
                None,
                ",".join(header)[:80],
                "the file has no header row: its first row is a record",
                "add the header row first: " + ",".join(standard.COLUMNS),
            )
        ]
    return [
        _p(
            shown,
            1,
            None,
            ",".join(header)[:80],
            f"the first row is not the standard's header: it has none of the {len(standard.COLUMNS)} column "
            "names, so this is not a contribution file",
            "start the file with the header row: " + ",".join(standard.COLUMNS) + " (the example file shows one)",
        )
    ]


def _check_delimiter(shown: str, first_line: str) -> list[Problem]:
    """A header split by ';', tabs or '|' (other spreadsheets' exports) is named as such, not as 14 columns."""
    if "," in first_line:
        return []
    for delimiter, name in ((";", "semicolons (';')"), ("\t", "tabs"), ("|", "vertical bars ('|')")):
        if first_line.count(delimiter) >= len(standard.COLUMNS) // 2:
            return [
                _p(
                    shown,
                    1,
                    None,
                    first_line[:80],
                    f"the cells are separated by {name}, not commas",
                    "export the file as 'CSV (comma delimited)' (LibreOffice: field delimiter ','; Excel: "
                    "'CSV UTF-8 (Comma delimited)')",
                )
            ]
    return []


def _check_header_case(shown: str, header: list[str]) -> list[Problem]:
    if tuple(h.lower() for h in header) == standard.COLUMNS and tuple(header) != standard.COLUMNS:
        wrong = [h for h in header if h != h.lower()]
        return [
            _p(
                shown,
                1,
                None,
                ",".join(wrong[:3]),
                "the column names are not in lower case",
                "write the header exactly as the standard does: " + ",".join(standard.COLUMNS),
            )
        ]
    return []


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
# Magic numbers of files people send instead of a CSV, checked before the text is read as text.
_BINARY = (
    (b"\xff\xfe\x00\x00", "UTF-32 text (little-endian)", "utf32"),
    (b"\x00\x00\xfe\xff", "UTF-32 text (big-endian)", "utf32"),
    (b"\x7fELF", "a program (an ELF executable), not a CSV file", ""),
    (b"MZ", "a Windows program (an .exe or .dll), not a CSV file", ""),
    (b"\xcf\xfa\xed\xfe", "a program (a Mach-O executable), not a CSV file", ""),
    (b"PK\x03\x04", "a zip archive (an Excel .xlsx or LibreOffice .ods workbook is one), not a CSV file", "sheet"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls), not a CSV file", "sheet"),
    (b"%PDF", "a PDF document, not a CSV file", ""),
    (b"\x1f\x8b", "a gzip archive, not a CSV file", ""),
)
_SAVE_AS_CSV = "save the file as 'CSV UTF-8' (Excel: Save As > CSV UTF-8; LibreOffice: character set 'Unicode (UTF-8)')"


def _binary(raw: bytes) -> tuple[str, str] | None:
    """(what the file is, fix) when its first bytes say it is not text a CSV can be."""
    for magic, what, kind in _BINARY:
        if raw.startswith(magic):
            fix = {
                "utf32": _SAVE_AS_CSV,
                "sheet": "open it in the spreadsheet and " + _SAVE_AS_CSV[0].lower() + _SAVE_AS_CSV[1:],
            }.get(kind, "give the contribution's CSV file")
            return what, fix
    sample = raw[:400]
    if len(sample) >= 8 and all(sample[i + 1 : i + 4] == b"\x00\x00\x00" for i in range(0, len(sample) - 3, 4)):
        return "UTF-32 text (little-endian, without a byte-order mark)", _SAVE_AS_CSV
    return None


def _check_bytes(shown: str, path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that stop it being read at all (missing, a link or a special file, too
    large, empty, a program or a workbook, not UTF-8). Links and special files are refused without reading them:
    a link may point anywhere (a system file), and reading a named pipe waits for ever."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None, [_p(shown, None, None, None, "the file does not exist", "check the path and file name")]
    except OSError as error:
        return None, [_unreadable(shown, error)]
    if stat.S_ISLNK(info.st_mode):
        return None, [
            _p(
                shown,
                None,
                None,
                None,
                "this is a symbolic link, not the file itself; it is not followed",
                "give the path of the CSV file itself (copy the file into place rather than linking it)",
            )
        ]
    if stat.S_ISDIR(info.st_mode):
        return None, [_p(shown, None, None, None, "this is a folder, not a file", "give the path of the CSV file")]
    special = next((what for test, what in _SPECIAL if test(info.st_mode)), None)
    if special or not stat.S_ISREG(info.st_mode):
        return None, [
            _p(
                shown,
                None,
                None,
                None,
                f"this is {special or 'a special file'}, not a regular file; it was not read",
                "save the contribution as a CSV file and give its path",
            )
        ]
    size = info.st_size
    if size > standard.MAX_BYTES:
        return None, [
            _p(
                shown,
                None,
                None,
                None,
                f"the file is {size:,} bytes, over the limit of {standard.MAX_BYTES:,} bytes",
                "split the records into several files, each under the limit",
            )
        ]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [_unreadable(shown, error)]
    header_fix = "start with the header row: " + ",".join(standard.COLUMNS)
    if not raw.strip():
        return None, [_p(shown, None, None, None, "the file is empty", header_fix)]
    if not raw.removeprefix(b"\xef\xbb\xbf").strip():
        return None, [_p(shown, None, None, None, "the file is empty (it holds only a byte-order mark)", header_fix)]
    binary = _binary(raw)
    if binary:
        return None, [_p(shown, None, None, None, f"the file is {binary[0]}", binary[1])]
    utf16 = _utf16(raw)
    if utf16:
        return None, [
            _p(
                shown,
                None,
                None,
                None,
                f"the file is {utf16}, not UTF-8",
                "save the file as 'CSV UTF-8' (Excel: Save As > CSV UTF-8; LibreOffice: character set "
                "'Unicode (UTF-8)'); 'Unicode text' in Excel is UTF-16 with tabs",
            )
        ]
    if raw[:4096].count(b"\x00") >= 4:  # no CSV text holds NUL bytes; one stray NUL in a cell is named there
        return None, [
            _p(
                shown,
                None,
                None,
                None,
                "the file is binary data (it holds NUL bytes), not CSV text",
                "give the contribution's CSV file; " + _SAVE_AS_CSV,
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        bad = raw[error.start : error.end]
        return None, [
            _p(
                shown,
                row,
                None,
                bad.hex(" "),
                f"the file is not UTF-8 text (byte {error.start} cannot be read as UTF-8)",
                "save the file as 'CSV UTF-8' (Excel: Save As > CSV UTF-8; LibreOffice: "
                "character set 'Unicode (UTF-8)')",
            )
        ]
    return text, []


def _check_header(shown: str, header: list[str]) -> list[Problem]:
    expected = standard.COLUMNS
    problems = []
    for column in expected:
        if column not in header:
            problems.append(
                _p(
                    shown,
                    1,
                    column,
                    None,
                    f"the column '{column}' is missing",
                    f"add a column named '{column}' (it may be left blank where the standard allows)",
                )
            )
    for column in header:
        if column not in expected:
            problems.append(
                _p(
                    shown,
                    1,
                    column or None,
                    column,
                    "this column is not in the standard",
                    "remove the column, or put what it says in 'note'" + _closest(column, expected, cutoff=0.8),
                )
            )
    for column in sorted({c for c in header if header.count(c) > 1}):
        problems.append(_p(shown, 1, column, column, "the column appears more than once", "keep one of them"))
    if not problems and tuple(header) != expected:
        problems.append(
            _p(
                shown,
                1,
                None,
                ",".join(header),
                "the columns are not in the standard order",
                "order the columns as: " + ",".join(expected),
            )
        )
    return problems


def _check_cells(shown: str, row: int, cells: dict[str, str]) -> list[Problem]:
    """Cells no page or spreadsheet should receive: too long, formulas, invisible or line-breaking characters."""
    problems = []
    for column, value in cells.items():
        found = (
            cell_checks.length(column, value)
            or cell_checks.formula(value, column)
            or cell_checks.characters(value, multi_line=column == "note")
        )
        if found:
            shown_value = value if len(value) <= 80 else value[:77] + "..."
            problems.append(_p(shown, row, column, shown_value, *found))
    return problems


def _check_year(shown: str, row: int, column: str, value: str) -> list[Problem]:
    if not value:
        return []
    odd = cell_checks.other_script_digits(value)
    if odd:
        return [
            _p(
                shown,
                row,
                column,
                value,
                f"the year is written with digits from another script ('{odd}')",
                "retype the year with the digits 0-9, e.g. 2019",
            )
        ]
    if not _FOUR_DIGITS.match(value):
        return [_p(shown, row, column, value, "not a 4-digit year", "write one year as YYYY, e.g. 2019")]
    year, now = int(value), standard.current_year()
    if year > now:
        fix = (
            "give the year the source was published"
            if column == "source_year"
            else "give the year the figure refers to, not a projection's target year (put that in 'note')"
        )
        return [_p(shown, row, column, value, f"the year is in the future (after {now})", fix)]
    if year < standard.FIRST_YEAR:
        return [
            _p(
                shown,
                row,
                column,
                value,
                f"the year is before {standard.FIRST_YEAR}",
                f"the standard covers {standard.FIRST_YEAR} onwards; check the year",
            )
        ]
    return []


_AMBIGUOUS_NAMES = {
    "congo": "two countries are called Congo: write COD for the Democratic Republic of the Congo (Kinshasa) or "
    "COG for the Republic of the Congo (Brazzaville) in 'country_iso3', and the full name in 'country_name'",
}


_REGION_WORDS = frozenset(
    {
        "africa",
        "african",
        "america",
        "americas",
        "asia",
        "asian",
        "europe",
        "oceania",
        "east",
        "west",
        "north",
        "south",
        "southern",
        "northern",
        "eastern",
        "western",
        "central",
        "middle",
        "latin",
        "caribbean",
        "pacific",
        "atlantic",
        "world",
        "global",
        "region",
        "regions",
        "sub",
        "saharan",
        "sahara",
        "great",
        "lakes",
        "basin",
        "andean",
        "amazon",
        "amazonia",
        "sahel",
        "horn",
        "of",
        "the",
        "and",
        "islands",
        "gulf",
        "arab",
        "states",
        "countries",
        "developing",
        "low",
        "income",
    }
)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str]]:
    """Every country's names (ISO name, common and official names) by `_name_key` -> (ISO3, name)."""
    out: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                out.setdefault(_name_key(name), (country.alpha_3, country.name))
    return out


def _close_country(name: str) -> tuple[str, str] | None:
    """(ISO3, name) of the country `name` is a typing slip of ('Gahna' -> Ghana), else None. Close means one
    or two letters swapped, missing or extra in a name of the same number of words (difflib ratio >= 0.8), so
    'West Africa' or 'Sub-Saharan Africa' are regions, not 'South Africa'."""
    key = _name_key(name)
    if set(key.split()) <= _REGION_WORDS:
        return None  # 'Southern Africa', 'South America': regions, however close to a country's name
    names = _country_names()
    same_words = [k for k in names if len(k.split()) == len(key.split())]
    close = difflib.get_close_matches(key, same_words, n=1, cutoff=0.8)
    return names[close[0]] if close else None


def _check_country(shown: str, row: int, f: dict[str, str], names: dict[str, list[str]]) -> list[Problem]:
    code, name = f["country_iso3"], f["country_name"]
    if name and not code:
        if _name_key(name) in _AMBIGUOUS_NAMES:
            return [
                _p(
                    shown,
                    row,
                    "country_iso3",
                    "",
                    f"'{name}' names two countries (COD, COG) and its code is blank",
                    _AMBIGUOUS_NAMES[_name_key(name)],
                )
            ]
        try:
            country = pycountry.countries.lookup(name)
        except LookupError:
            close = _close_country(name)
            if close is None:
                return []  # a region: world and regional figures leave the code blank
            code, known = close
            return [
                _p(
                    shown,
                    row,
                    "country_iso3",
                    "",
                    f"'{name}' looks like a misspelling of {known} ({code}) and "
                    "its code is blank, so the figure would count as a region's",
                    f"write {code} in 'country_iso3' and '{known}' in 'country_name'; for a region, "
                    "write its usual name (e.g. 'West Africa')",
                )
            ]
        return [
            _p(
                shown,
                row,
                "country_iso3",
                "",
                f"'{name}' is a country but its code is blank",
                f"write {country.alpha_3} in 'country_iso3' (a blank code makes the figure regional)",
            )
        ]
    if not code or not name or not countries.is_iso3(code):
        return []
    used = names.get(code, [])
    if _name_key(name) in {_name_key(n) for n in (*countries.names_for(code), *used)}:
        return []
    try:
        others = [c.alpha_3 for c in pycountry.countries.search_fuzzy(name)[:1] if c.alpha_3 != code]
    except LookupError:
        others = []
    hint = f"; '{name}' is the name of {', '.join(others)}" if others else ""
    return [
        _p(
            shown,
            row,
            "country_name",
            name,
            f"the name does not match the code {code}",
            f"write '{(used or [countries.iso_name(code)])[0]}' (the name the book uses for {code}) "
            f"or correct the code{hint}",
        )
    ]


def _check_value(shown: str, row: int, f: dict[str, str]) -> list[Problem]:
    value, unit = f["value"], f["unit"]
    if not value or unit not in standard.UNITS or unit in standard.FREE_TEXT_UNITS:
        return []
    if _NEGATIVE.match(value) and unit in standard.COUNT_UNITS:
        return [
            _p(
                shown,
                row,
                "value",
                value,
                f"a count or quantity in '{unit}' cannot be negative",
                "check the source; give the figure without the minus sign if the minus was a dash",
            )
        ]
    parsed = parse_value(value, unit)
    if parsed.kind == "multiple":
        return [
            _p(
                shown,
                row,
                "value",
                value,
                "the cell holds several figures",
                "put each figure on its own row, with its own year and locator",
            )
        ]
    wrong_form = cell_checks.value_form(value, unit)
    if wrong_form:
        return [_p(shown, row, "value", value, *wrong_form)]
    if not parsed.is_numeric:
        forms = ", ".join(f"'{form}'" for form, _ in standard.VALUE_FORMS[:6])
        return [
            _p(
                shown,
                row,
                "value",
                value,
                "the value cannot be read as a number or a range",
                f"write it in an accepted form ({forms}); put any words in 'note'",
            )
        ]
    top = max(v for v in (parsed.low, parsed.high, parsed.central) if v is not None)
    if unit == "percent" and top > 100:
        return [
            _p(
                shown,
                row,
                "value",
                value,
                "a percentage over 100",
                "give a share between 0 and 100; for a count, use a count unit such as 'persons'",
            )
        ]
    too_large = cell_checks.magnitude(value, unit, f["country_iso3"] if countries.is_iso3(f["country_iso3"]) else "")
    return [_p(shown, row, "value", value, *too_large)] if too_large else []


def _check_record(shown: str, row: int, f: dict[str, str], names: dict[str, list[str]]) -> list[Problem]:
    # The seed build accepts decades and blank years; a contribution's years are checked here instead.
    problems = [p for p in build.check_figure(shown, row, f) if p.column not in ("year", "source_year")]
    for column in standard.REQUIRED:
        if not f[column]:
            problems.append(_p(shown, row, column, "", f"'{column}' is required", f"fill in '{column}'"))
    if f["dataset"] and f["dataset"] not in standard.DATASETS:
        problems.append(
            _p(
                shown,
                row,
                "dataset",
                f["dataset"],
                "not one of the datasets",
                f"use a dataset{_closest(f['dataset'], standard.DATASETS)}: " + ", ".join(standard.DATASETS),
            )
        )
    if f["unit"] and f["unit"] not in standard.UNITS:
        normal = normalise_unit(f["unit"])
        hint = f" (write '{normal}')" if normal in standard.UNITS else _closest(f["unit"], standard.UNITS)
        problems.append(
            _p(
                shown,
                row,
                "unit",
                f["unit"],
                "not one of the allowed units",
                f"use an allowed unit{hint}: " + ", ".join(standard.UNITS),
            )
        )
    year_problems = _check_year(shown, row, "year", f["year"]) + _check_year(
        shown, row, "source_year", f["source_year"]
    )
    problems += year_problems
    if not year_problems and f["year"] and f["source_year"] and int(f["source_year"]) < int(f["year"]):
        problems.append(
            _p(
                shown,
                row,
                "source_year",
                f["source_year"],
                f"the source was published in {f['source_year']}, before the year the figure refers to ({f['year']})",
                "check both years: 'year' is the year the figure describes (a "
                "projection's target year goes in 'note'), 'source_year' the year of publication",
            )
        )
    bad_url = cell_checks.url(f["source_url"])
    if bad_url:
        problems.append(_p(shown, row, "source_url", f["source_url"], *bad_url))
    problems += _check_country(shown, row, f, names)
    problems += _check_value(shown, row, f)
    return problems


def _one_per_cell(problems: list[Problem]) -> list[Problem]:
    """The first problem of each cell, in the order of the columns."""
    kept: dict[tuple, Problem] = {}
    for problem in problems:
        key = (problem.row, problem.column) if problem.column else (problem.row, problem.message)
        kept.setdefault(key, problem)
    order = {c: i for i, c in enumerate(standard.COLUMNS)}
    return sorted(kept.values(), key=lambda p: order.get(p.column or "", len(order)))


def validate_file(
    path: Path, existing: dict[Record, str] | None = None, names: dict[str, list[str]] | None = None
) -> list[Problem]:
    """Every problem in one contribution file; an empty list means the file meets the standard."""
    path = Path(path)
    shown = display_path(path)
    text, problems = _check_bytes(shown, path)
    if text is None:
        return problems
    wrong_format = _check_format(shown, text)
    if wrong_format:
        return wrong_format
    rows: list[list[str]] = []
    csv.field_size_limit(max(csv.field_size_limit(), standard.MAX_BYTES))  # a long cell gets its own message
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), strict=True):
            rows.append(cells)
    except csv.Error as error:
        return [
            _p(
                shown,
                len(rows) + 1,
                None,
                None,
                f"the file is not a well-formed CSV from this row on ({error})",
                "check this row for a double quote that is opened but not closed, or export the file again",
            )
        ]
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    wrong_format = _check_delimiter(shown, first_line)
    if wrong_format:
        return wrong_format
    header = [h.strip() for h in rows[0]]
    wrong_case = _check_header_case(shown, header) or _check_first_row(shown, header, rows)
    if wrong_case:
        return wrong_case
    problems = _check_header(shown, header)
    if not any(any(c.strip() for c in cells) for cells in rows[1:]):
        problems.append(
            _p(
                shown,
                None,
                None,
                None,
                "the file has a header but no records",
                "add one row per figure below the header",
            )
        )
    missing = {c for c in standard.COLUMNS if c not in header}
    existing = existing_records(exclude=path) if existing is None else existing
    names = seed_names() if names is None else names
    examples = {record_key(tuple(r[c] for c in standard.COLUMNS)) for r in standard.EXAMPLE_ROWS}
    first_seen: dict[Record, int] = {}
    for row, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # an empty line or a row of empty cells, as spreadsheets leave at the end; the build skips it too
        if len(cells) != len(header):
            problems.append(
                _p(
                    shown,
                    row,
                    None,
                    None,
                    f"the row has {len(cells)} cells, the header {len(header)}",
                    "give every column a cell, and put cells that contain commas in double quotes",
                )
            )
            continue
        by_name = dict(zip(header, cells))
        f = {c: by_name.get(c, "").strip() for c in standard.COLUMNS}
        found = _check_cells(shown, row, by_name) + _check_record(shown, row, f, names)
        found = [p for p in found if p.column not in missing]
        problems += _one_per_cell(found)
        record = record_key(tuple(f[c] for c in standard.COLUMNS))
        if missing or found:
            continue
        if record in examples and path.resolve() != standard.EXAMPLE_PATH.resolve():
            problems.append(
                _p(
                    shown,
                    row,
                    None,
                    None,
                    "this row is one of the example file's, with an invented source",
                    "replace the example rows with your own figures and their sources",
                )
            )
        elif record in existing:
            problems.append(
                _p(
                    shown,
                    row,
                    None,
                    None,
                    f"this record is already in the data ({existing[record]})",
                    "remove the row: the book has this figure from this source already",
                )
            )
        elif record in first_seen:
            problems.append(
                _p(shown, row, None, None, f"this row repeats row {first_seen[record]}", "remove one of the two rows")
            )
        first_seen.setdefault(record, row)
    return problems


def validate_files(files: list[Path]) -> dict[Path, list[Problem]]:
    """Problems per file as a contribution: each is compared with data/ without itself, so files in data/contrib
    pass too; the standard's example file (or a link to it, or a copy) is not a contribution."""
    names = seed_names()
    return {Path(f): example_problem(Path(f)) or validate_file(Path(f), names=names) for f in files}


def example_problem(path: Path) -> list[Problem]:
    """The standard's example file itself, by its path, a link to it or a byte-for-byte copy, is refused."""
    try:
        same = Path(path).resolve() == standard.EXAMPLE_PATH.resolve() or (
            Path(path).is_file()
            and Path(path).read_bytes().removeprefix(b"\xef\xbb\xbf") == standard.EXAMPLE_PATH.read_bytes()
        )
    except OSError:
        return []
    if not same:
        return []
    return [
        _p(
            display_path(Path(path)),
            None,
            None,
            None,
            "this is the standard's example file, whose sources are invented",
            "copy it under your own name, replace the example rows with your figures and their sources",
        )
    ]


def name_taken(path: Path) -> Problem:
    """A different file of the same name is already in data/contrib/ (contribute refuses it; review says so)."""
    return _p(
        display_path(path),
        None,
        None,
        path.name,
        f"a different file named {path.name} is already in data/contrib",
        "rename your file (add your organisation and the date, e.g. ngo-ghana-2024-05.csv) and run the command again",
    )


def check_file_name(path: Path) -> list[Problem]:
    """A contributed file keeps its name in data/contrib/; the name must be safe as a path and a record origin."""
    if _SAFE_NAME.match(path.name):
        return []
    return [
        _p(
            display_path(path),
            None,
            None,
            path.name,
            "the file name has characters the data folder does not accept",
            "rename it to letters, digits, '.', '-' and '_' only, ending in .csv (e.g. ngo-ghana-2024.csv)",
        )
    ]
