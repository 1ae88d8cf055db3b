"""Fixture rows for the headline and warning-sign tests: one figure of data/estimates.csv as the headline rule
reads it, and one country's row built from such figures (independent of today's data)."""

import pandas as pd

from asmhub_utils.tidy import headline


def figure(
    rid,
    value,
    year=None,
    indicator="ASM miners",
    measure="all people in ASM",
    *,
    note="",
    reliability="primary",
    coverage="national",
    group=None,
    decision="",
    reason="",
    **columns,
) -> dict:
    """A national count of people with `value` as its low, high and central value; any other column by keyword."""
    row = {
        "record_id": rid,
        "value_low": value,
        "value_high": value,
        "value_central": value,
        "year": year,
        "year_text": "" if year is None else str(year),
        "indicator": indicator,
        "measures": measure,
        "coverage": coverage,
        "reliability": reliability,
        "reliability_reason": "x",
        "unit": "persons",
        "echo_group": group or rid,
        "source_id": "s",
        "value_text": str(value),
        "qualifier": "",
        "original_source": "",
        "note": note,
        "mineral": "",
        "published_year": None,
        "value_kind": "number",
        "headline_decision": decision,
        "headline_decision_reason": reason,
        "statement_of": "",
    }
    row.update(columns)
    return row


def country(rows: list[dict]) -> dict:
    """The countries.csv row of a country (GHA, grade B, no minerals) with these figures."""
    return headline.country_row("GHA", pd.DataFrame(rows), "B", [])
