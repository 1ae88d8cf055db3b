"""Statements of several figures become several numeric rows of the tidy table, each pointing to its statement.

A raw value such as "35,000 chefs de chantier + 272,000 workers" or "105,000 (IGF-18) / 128,000 (ARM-18)" is
kept as received in its own row (`value_kind` = multiple, no number: no single figure stands for it). The
build adds one row per figure in it (record id `<statement's id>.<n>`, `statement_of` = the statement's id):

* the statement is split where the value parser splits it (";", " / ", " + ", " and ", " vs ", " employing ");
* each part is read by the same parser; words before the number ("gemstones 15,000", "official ~2,400 kg") or
  after it ("272,000 workers") are the part's label, added to the indicator in brackets; a unit written in
  the part is dropped when it is the row's unit;
* a year in brackets ("(2013)") is the part's year; a compiler code ("(IGF-18)") is the part's original
  source (lineage.py);
* a statement whose unit is blank is not split: without a unit a number cannot be placed (a year, a count of
  sites and a count of people look alike).

The raw files stay as received: the parts exist only in data/estimates.csv.
"""

from __future__ import annotations

import re

from asmhub_utils.tidy import values

_LEADING_LABEL = re.compile(r"^(?P<label>[^\d~≈]+?)\s+(?P<number>[~≈]?\d.*)$")
_YEAR = re.compile(r"\((?:19|20)\d{2}\)")
_UNIT_WORDS = {"kg/yr": ("kg",), "kg": ("kg",), "t/yr": ("t", "tonnes"), "t": ("t", "tonnes")}


def _read(part: str, unit: str, language: str | None, country: str) -> tuple[values.ParsedValue, str]:
    """The part's value and its label (the words around the number)."""
    text = part
    for word in _UNIT_WORDS.get(unit, ()):
        text = re.sub(rf"(?<=\d)\s*{re.escape(word)}\b", "", text)
    parsed = values.parse_value(text, unit, language, country)
    label = ""
    if not parsed.is_numeric and (m := _LEADING_LABEL.match(text)):
        parsed = values.parse_value(m.group("number"), unit, language, country)
        label = m.group("label")
    if parsed.is_numeric and not label:
        label = re.sub(
            r"\([^)]*\)|[\d.,~≈-]+|\b(about|up to|more than|over|as many as|at least|million)\b", " ", text, flags=re.I
        )
    return parsed, " ".join(label.split()).strip(" ,.;:")


def parts(record: dict, language: str | None) -> list[dict]:
    """The numeric rows of one statement row (empty unless it is a statement of several figures with a unit)."""
    if record["value_kind"] != "multiple" or not record["unit"]:
        return []
    pieces = [p.strip(" ,") for p in values.STATEMENT_SEPARATORS.split(record["value_text"]) if p.strip(" ,")]
    out = []
    for number, piece in enumerate(pieces, start=1):
        parsed, label = _read(piece, record["unit"], language, record["iso3"])
        if not parsed.is_numeric:
            continue
        year = _YEAR.search(piece)
        out.append(
            record
            | {
                "record_id": f"{record['record_id']}.{number}",
                "indicator": f"{record['indicator']} [{label}]" if label else record["indicator"],
                "value_text": piece,
                "value_low": parsed.low,
                "value_high": parsed.high,
                "value_central": parsed.central,
                "qualifier": parsed.qualifier,
                "value_kind": parsed.kind,
                "year": int(year.group(0)[1:-1]) if year else record["year"],
                "year_text": year.group(0)[1:-1] if year else record["year_text"],
                "statement_of": record["record_id"],
            }
        )
    return out if len(out) > 1 else []
