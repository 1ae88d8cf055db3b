"""Decisions no rule can make, read from `data/curation.csv` (record_id, field, value, reason).

Each row sets one derived field of one figure (`CURATED_FIELDS`) and says why. `headline_decision` is a
reviewed decision about a country's headline (headline.py): `keep` (the rule's choice stands although it carries
a warning sign), `prefer` (this figure is the headline) or `exclude` (never the headline); its reason is shown
with the headline. `repeats` names the record id of the estimate a figure repeats when its note does not say so
(echoes.py joins them, and the figure takes the original's year). The file is checked like any
input: an unknown record id, a field that cannot be curated, a value outside the field's vocabulary or a
missing reason stops the build with the file, row, column, value and fix. The reason is published with the
figure (`curation` column of `data/estimates.csv`) and shown on the pages beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem, display_path, read_decisions
from asmhub_utils.tidy import measures

COLUMNS = ("record_id", "field", "value", "reason")
CURATED_FIELDS = ("year", "original_source", "measures", "coverage", "reliability", "headline_decision", "repeats")
HEADLINE_DECISIONS = ("keep", "prefer", "exclude")  # headline.py: keep the rule's choice, prefer this figure, never
_COVERAGE = re.compile(r"^(world|region|national|sites|unknown|subnational: .+)$")


@dataclass(frozen=True)
class Decision:
    row: int
    record_id: str
    field: str
    value: str
    reason: str


def read(path: Path | None = None) -> list[Decision]:
    """Every curation decision; raises DataError listing each malformed row."""
    return read_decisions(path or paths.DATA / "curation.csv", COLUMNS, Decision, check)


def check(shown: str, d: Decision) -> list[Problem]:
    problems = []
    if d.field not in CURATED_FIELDS:
        problems.append(
            Problem(
                shown,
                d.row,
                "field",
                d.field,
                "not a field curation may set",
                f"use one of: {', '.join(CURATED_FIELDS)}",
            )
        )
    elif d.field == "year" and d.value and not re.fullmatch(r"(19|20)\d{2}", d.value):
        problems.append(Problem(shown, d.row, "value", d.value, "not a year", "write YYYY, or leave blank for unknown"))
    elif d.field == "measures" and d.value not in measures.MEASURES:
        problems.append(
            Problem(
                shown, d.row, "value", d.value, "not a measures word", f"use one of: {', '.join(measures.MEASURES)}"
            )
        )
    elif d.field == "coverage" and not _COVERAGE.match(d.value):
        problems.append(
            Problem(
                shown,
                d.row,
                "value",
                d.value,
                "not a coverage",
                "use world, region, national, sites, unknown or 'subnational: AREA'",
            )
        )
    elif d.field == "headline_decision" and d.value not in HEADLINE_DECISIONS:
        problems.append(
            Problem(
                shown,
                d.row,
                "value",
                d.value,
                "not a headline decision",
                f"use one of: {', '.join(HEADLINE_DECISIONS)}",
            )
        )
    elif d.field == "repeats" and not d.value:
        problems.append(
            Problem(shown, d.row, "value", d.value, "names no figure", "give the record_id of the figure it repeats")
        )
    elif d.field == "reliability" and d.value not in ("primary", "secondary", "low"):
        problems.append(Problem(shown, d.row, "value", d.value, "not a reliability", "use primary, secondary or low"))
    if not d.reason:
        problems.append(
            Problem(
                shown,
                d.row,
                "reason",
                "",
                "a decision needs its reason",
                "say why no rule decides this, in a sentence a reader can check",
            )
        )
    return problems


def apply(records: list[dict], decisions: list[Decision], path: Path | None = None) -> None:
    """Set each decided field on its record and record the reason in `curation`; unknown ids are an error."""
    shown = display_path(path or paths.DATA / "curation.csv")
    by_id = {r["record_id"]: r for r in records}
    problems = [
        Problem(
            shown,
            d.row,
            "record_id",
            d.record_id,
            "no figure has this record id",
            "use a record_id from data/estimates.csv",
        )
        for d in decisions
        if d.record_id not in by_id
    ]
    problems += [
        Problem(
            shown, d.row, "value", d.value, "no figure has this record id", "use a record_id from data/estimates.csv"
        )
        for d in decisions
        if d.field == "repeats" and d.value not in by_id
    ]
    if problems:
        raise DataError(problems)
    for d in decisions:
        record = by_id[d.record_id]
        record[d.field] = (int(d.value) if d.value else None) if d.field == "year" else d.value
        if d.field == "headline_decision":
            record["headline_decision_reason"] = d.reason
        note = f"{d.field} set by curation: {d.reason}"
        record["curation"] = f"{record['curation']} | {note}" if record.get("curation") else note
