"""A reader's line for every figure: the reading the book shows beside the value as printed.

The value as printed (`value_text`) is kept, in its own language. Beside it, `value_reading` says in English what
the figure is: the number or range with its unit and what it counts ("up to 10,000 jobs", "more than 7,500
people", "several hundred people"), and `reading_kind` says what sort of thing it is:

* **quantity**: the parser read a number or a range (`values.py`): the reading is written from the parsed low,
  high and qualifier, never from the words, so it says exactly what the parser read and nothing more. The unit is
  the figure's unit; a count of people is named by the value's own noun where it has one (jobs, miners,
  workers, families), else by what the figure measures (women, children), else "people". A unit the sweep left
  blank is taken from the sweep's note ("unit as printed/implied: licences", "sites, not persons",
  "currency FCFA"), else the reading says "unit not stated";
* **words**: a quantity in words with no number ("Plusieurs centaines", "tens of thousands"): the sweep's English
  gloss where it gives one, else the words' English (a fixed phrase list, never a guessed number);
* **statement**: not a quantity (a legal fact, a date, a description): the sweep's English gloss where it
  gives one, else the text itself when it is English, else the editors' translation (data/glosses.csv); blank
  when none exists yet (counted by `untranslated`). A page shows a statement as a statement, never in an
  Estimate column;
* **several figures**: a statement of several figures: the readings of its parts (`statements.py`).

`value_language` is the language the value is printed in (en, fr, es, pt, ru, ar), blank for a bare number:
pages mark the printed words with it.

The sweeps' notes carry an English gloss for values outside English ("EN: more than 7.5 thousand people",
"gloss: ...", "= 'hundreds of young men'"); `gloss` reads it.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem
from asmhub_utils.tidy import values

QUANTITY, WORDS, STATEMENT, SEVERAL = "quantity", "words", "statement", "several figures"
READING_KINDS = (QUANTITY, WORDS, STATEMENT, SEVERAL)

# Units that hold the value itself: the figure is a statement, whatever its digits ('1990', a date, a licence).
STATEMENT_UNITS = frozenset({"year", "date", "text", "event", "dataset", "licence"})

# The English after a number for a unit of the tidy table (persons are named by `noun`).
UNIT_READING: dict[str, str] = {
    "percent": "%",
    "t/yr": "tonnes a year",
    "t": "tonnes",
    "kg/yr": "kg a year",
    "kg": "kg",
    "ha": "hectares",
    "USD": "US dollars",
    "USD/yr": "US dollars a year",
    "USD/month": "US dollars a month",
    "USD/day": "US dollars a day",
    "deaths/yr": "deaths a year",
    "deaths/month": "deaths a month",
    "deaths": "deaths",
    "carats/yr": "carats a year",
    "persons/day": "people a day",
    "persons/mines": "people per mine",
    "MAD/day": "Moroccan dirham a day",
    "ZAR/yr": "South African rand a year",
    "ratio": "",
}
_SINGULAR = {
    "people": "person",
    "jobs": "job",
    "miners": "miner",
    "workers": "worker",
    "families": "family",
    "women": "woman",
    "children": "child",
    "tonnes": "tonne",
    "deaths": "death",
    "sites": "site",
    "licences": "licence",
    "hectares": "hectare",
    "US dollars": "US dollar",
    "camps": "camp",
    "grams": "gram",
    "groups": "group",
    "mines": "mine",
    "registrations": "registration",
    "ounces": "ounce",
}

# A count's own noun, read from the printed words in any language the sweeps hold ('mineurs' are minors).
_NOUNS: tuple[tuple[str, str], ...] = (
    (r"\b(?:miners|mineros) (?:and|y) (?:their|sus) famil", "miners and their families"),
    (r"\b(?:emplois?|empleos?|empregos?|jobs?|job opportunities)\b", "jobs"),
    (r"\b(?:mineros|orpailleurs|garimpeiros|miners|diggers|gambusinos|chercheurs d'or|prospectors)\b", "miners"),
    (r"\b(?:travailleurs|trabajadores|trabalhadores|workers|labourers)\b", "workers"),
    (r"\b(?:familles|familias|famílias|families)\b", "families"),
    (r"\b(?:femmes|mujeres|mulheres|women)\b", "women"),
    (r"\b(?:enfants|niños|crianças|children|minors)\b", "children"),
    (r"\b(?:licences|licencias|licenças|licenses|permits)\b", "licences"),
    (r"\b(?:campamentos|camps)\b", "camps"),
    (r"\b(?:focos|sites)\b", "sites"),
    (r"\b(?:onzas|ounces|oz)\b", "ounces"),
    (r"\b(?:tonnes|toneladas|tons|тонн\w*)\b", "tonnes"),
    (r"\b(?:grams|gramos|gramas|грамм\w*)\b", "grams"),
    (r"\b(?:inscripciones|registrations|reinfos)\b", "registrations"),
    (r"\b(?:grupos|groups)\b", "groups"),
    (r"\b(?:mines|minas)\b", "mines"),
)
_PEOPLE_MEASURES = {"women": "women", "children": "children"}

# A quantity in words: the words' English. Longest first; a number is never invented for them.
_VAGUE_ENGLISH: tuple[tuple[str, str], ...] = (
    (r"plusieurs centaines", "several hundred"),
    (r"dizaines de milliers", "tens of thousands"),
    (r"des milliers|milliers", "thousands"),
    (r"des centaines|centaines", "hundreds"),
    (r"decenas de miles", "tens of thousands"),
    (r"miles", "thousands"),
    (r"cientos|centenares", "hundreds"),
    (r"dezenas de milhares", "tens of thousands"),
    (r"milhares", "thousands"),
    (r"centenas", "hundreds"),
    (r"десятки тысяч", "tens of thousands"),
    (r"тысячи", "thousands"),
    (r"сотни", "hundreds"),
    (r"المئات", "hundreds"),
    (r"الآلاف", "thousands"),
)

_FRACTION = re.compile(r"\b(?:one|a|two)?[ -]?(?:half|third|thirds|quarter)\b", re.I)
_ENGLISH_VAGUE = re.compile(r"\b(?:tens|dozens|hundreds|thousands|millions|several (?:hundred|thousand))\b", re.I)
# A gloss in a sweep's note: 'EN: ...', 'gloss: ...', or a note that opens with "= '...'".
_GLOSS = re.compile(r"(?:^|;\s*)(?:EN|gloss):\s*(?P<text>[^;]+)", re.I)
_OPENING_EQUALS = re.compile(r"^=\s*'(?P<text>[^']+)'")
# The unit a sweep names in its note where it left `unit` blank.
_NOTE_UNIT = (
    re.compile(r"unit as printed/implied:\s*(?P<u>[\w ]+?)\s*(?:[;,(]|$)", re.I),
    re.compile(r"\bunit\s*=\s*(?P<u>[\w ]+?)\s*(?:[;,(]| not\b|$)", re.I),
    re.compile(r"^(?P<u>[a-z][a-z ]{2,30}?), not (?:persons|people|miners)\b", re.I),
    re.compile(r"\bcurrency (?P<u>[A-Z]{2,5})\b"),
)
_SCRIPT_LANGUAGE = ((re.compile(r"[\u0400-\u04FF]"), "ru"), (re.compile(r"[\u0600-\u06FF]"), "ar"))
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def gloss(note: str) -> str:
    """The English gloss a sweep's note gives for a value ('' when it gives none)."""
    note = note or ""
    found = _GLOSS.search(note) or _OPENING_EQUALS.search(note)
    return found["text"].strip().strip("'\"").strip() if found else ""


def note_unit(note: str) -> str:
    """The unit a sweep names in its note for a value whose `unit` it left blank ('' when none)."""
    for pattern in _NOTE_UNIT:
        found = pattern.search(note or "")
        if found:
            return found["u"].strip()
    return ""


def language(value_text: str, document_language: str | None) -> str:
    """The language the value is printed in; blank for a bare number (no words to mark)."""
    if not _LETTERS.search(value_text or ""):
        return ""
    for pattern, code in _SCRIPT_LANGUAGE:
        if pattern.search(value_text):
            return code
    return values.guess_language(value_text) or document_language or "en"


def number(x: float) -> str:
    """315000000 -> '315 million'; 1234567 -> '1,234,567'; 7500 -> '7,500'; 4.5 -> '4.5' (nothing rounded away
    but false precision after the third significant digit of a small decimal)."""
    if abs(x) >= 1_000_000 and (x / 100_000).is_integer():
        return (
            f"{x / 1_000_000_000:g} billion"
            if (x / 100_000_000).is_integer() and abs(x) >= 1e9
            else f"{x / 1_000_000:g} million"
        )
    if abs(x) >= 100 or float(x).is_integer():
        return f"{round(x):,}"
    return f"{x:.3g}"


def _range(low: float, high: float) -> str:
    a, b = number(low), number(high)
    for scale in (" million", " billion"):
        if a.endswith(scale) and b.endswith(scale):
            return f"{a[: -len(scale)]} to {b}"
    return f"{a} to {b}"


def noun(value_text: str, unit: str, measures: str, note: str, indicator: str = "") -> str:
    """What a number counts, in English: the unit's words, else the value's own noun, else from the note."""
    own = next((word for pattern, word in _NOUNS if re.search(pattern, value_text or "", re.I)), "")
    if unit == "persons" and re.search(r"\bdeaths?\b|\bkilled\b|\bdied\b", indicator or "", re.I):
        return "deaths"
    if unit == "persons":
        return (
            own
            if own in ("jobs", "miners", "workers", "families", "women", "children", "miners and their families")
            else _PEOPLE_MEASURES.get(measures, "people")
        )
    if unit in UNIT_READING:
        return UNIT_READING[unit]
    if unit:
        return unit
    named = note_unit(note)
    if named:
        return named
    return own or ""


def _with_noun(figure: str, what: str, one: bool) -> str:
    if what == "%":
        return f"{figure}%"
    if not what:
        return f"{figure} (unit not stated)"
    if one:
        head = next((p for p in _SINGULAR if what.startswith(p)), None)
        what = _SINGULAR[head] + what[len(head) :] if head else what
    return f"{figure} {what}"


def _present(x: object) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def quantity_reading(
    low: float | None, high: float | None, central: float | None, qualifier: str, what: str, value_text: str = ""
) -> str:
    """'up to 10,000 jobs', '5,000 to 8,000 people', 'about 80%', '380 to 870 tonnes a year (median 520)': from
    the parsed numbers only (`value_text` only names a stated central figure: median, average, probable)."""
    qualifier = "" if qualifier in ("", "several figures") else qualifier
    if _present(low) and _present(high) and low != high:
        reading = (f"{qualifier} " if qualifier else "") + _with_noun(_range(low, high), what, False)
        if _present(central):
            word = re.search(r"\b(median|average|mean|probable|best estimate)\b", value_text or "", re.I)
            reading += f" ({word[1].lower() if word else 'central figure'} {number(central)})"
        return reading
    x = next(v for v in (central, low, high) if _present(v))
    if what == "" and 0 < x < 1 and (1 / x).is_integer():  # 'one in 25', read as 0.04
        return (f"{qualifier} " if qualifier else "") + f"1 in {round(1 / x):,}"
    return (f"{qualifier} " if qualifier else "") + _with_noun(number(x), what, x == 1)


def vague_reading(value_text: str) -> str:
    """The English of a quantity in words ('Plusieurs centaines' -> 'several hundred'); '' when not one."""
    for pattern, english in _VAGUE_ENGLISH:
        if re.search(pattern, value_text or "", re.I):
            return english
    return ""


def is_statement(value_kind: str, unit: str, value_text: str) -> bool:
    """True for a value that is not a quantity: a text unit (a year, a date, a licence), or text that is not a
    quantity in words."""
    if unit in STATEMENT_UNITS:
        return True
    if value_kind != "text":
        return False
    return not (vague_reading(value_text) or _ENGLISH_VAGUE.search(value_text or ""))


def read(
    record: dict, document_language: str | None = None, translations: dict[str, tuple[str, str]] | None = None
) -> tuple[str, str, str]:
    """(value_reading, reading_kind, value_language) of one estimates record (a several-figures statement gets its
    parts' readings later, `join_parts`)."""
    text = str(record.get("value_text") or "")
    unit = str(record.get("unit") or "")
    lang = language(text, document_language)
    translated = (translations or {}).get(str(record["record_id"]), ("", ""))[1]
    if translated and lang in ("", "en"):  # the editors translated it: its words are not English
        lang = document_language if document_language not in (None, "en") else "und"
    given = gloss(str(record.get("note") or "")) or translated
    kind = record.get("value_kind")
    if kind == "multiple":
        return given or (text if lang in ("", "en") else ""), SEVERAL, lang
    if is_statement(kind, unit, text):
        return given or (text if lang in ("", "en") else ""), STATEMENT, lang
    if kind == "text":  # a quantity in words
        if given:
            return given, WORDS, lang
        if lang in ("", "en"):
            return text, WORDS, lang
        english = vague_reading(text)
        what = noun(text, unit, str(record.get("measures") or ""), str(record.get("note") or ""))
        if not english:
            return "", WORDS, lang
        return (f"{english} of {what}" if english.endswith("s") and what else f"{english} {what}".strip()), WORDS, lang
    fraction = _FRACTION.search(text) if lang == "en" and unit == "percent" else None
    if fraction:  # 'about one-third' stays in words: '33.3%' would claim a precision the source never gave
        qualifier = str(record.get("qualifier") or "")
        words = " ".join(fraction[0].lower().replace("-", " ").split())
        return (f"{qualifier} " if qualifier else "") + words, QUANTITY, lang
    what = noun(
        text, unit, str(record.get("measures") or ""), str(record.get("note") or ""), str(record.get("indicator") or "")
    )
    reading = quantity_reading(
        record.get("value_low"),
        record.get("value_high"),
        record.get("value_central"),
        str(record.get("qualifier") or ""),
        what,
        text,
    )
    return reading, QUANTITY, lang


def join_parts(records: list[dict]) -> None:
    """A statement of several figures reads as its parts' readings, in order ('about 16 million people;
    up to 20 million people')."""
    parts: dict[str, list[str]] = {}
    for record in records:
        if record.get("statement_of"):
            parts.setdefault(record["statement_of"], []).append(record["value_reading"])
    for record in records:
        if record["record_id"] in parts and all(parts[record["record_id"]]):
            record["value_reading"] = "; ".join(parts[record["record_id"]])


def describe(
    records: list[dict], languages: dict[str, str | None], translations: dict[str, tuple[str, str]] | None = None
) -> None:
    """Fill value_reading, reading_kind and value_language of every record (`languages`: record_id -> the
    document's language as the build knows it; `translations`: `read_translations`)."""
    check_translations(records, translations or {})
    for record in records:
        record["value_reading"], record["reading_kind"], record["value_language"] = read(
            record, languages.get(record["record_id"]), translations
        )
    join_parts(records)


def untranslated(records: list[dict]) -> list[str]:
    """record_ids of values printed outside English that have no English reading yet."""
    return [r["record_id"] for r in records if r["value_language"] not in ("", "en") and not r["value_reading"]]


GLOSSES = "glosses.csv"  # in data/ (paths.DATA, read at call time: a staged data folder has its own)


def read_translations(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """data/glosses.csv: the editors' English for a value printed outside English that no sweep glossed
    (record_id, value_text as printed, english, translator); empty when the file does not exist. A row whose
    value_text is not the record's (the raw figure changed) stops the build in `check_translations`."""
    path = path or paths.DATA / GLOSSES
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["record_id"].strip(): (row["value_text"], row["english"].strip())
        for row in rows
        if row.get("record_id") and row.get("english")
    }


def check_translations(records: list[dict], translations: dict) -> None:
    """Every translation names a record and the words it translates; else a DataError naming the row and fix."""
    by_id = {r["record_id"]: r for r in records}
    problems = []
    for number, (record_id, (printed, _)) in enumerate(translations.items(), start=2):
        record = by_id.get(record_id)
        if record is None or record["value_text"] != printed:
            found = "no such record" if record is None else f"the record now prints '{record['value_text']}'"
            problems.append(
                Problem(
                    "data/glosses.csv",
                    number,
                    "value_text",
                    printed,
                    f"the translation of {record_id} does not match the data ({found})",
                    "translate the value as the record prints it, or remove the row",
                )
            )
    if problems:
        raise DataError(problems)
