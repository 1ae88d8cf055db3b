"""Fixture rows, independent of today's data: a figure of data/estimates.csv as the headline rule reads it, a
country's row built from such figures, and a figure with its source's columns as the pages show it."""

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


def sourced_figure(**over) -> dict:
    """One figure with its source's columns, as the chapters read it (data.with_sources): a news report's
    'jusqu'à 10 milles emplois' in Togo, read as 'up to 10,000 jobs'; any column replaced by keyword."""
    base = {
        "record_id": "r-1",
        "iso3": "TGO",
        "country_name": "Togo",
        "indicator": "jobs in ASM",
        "year": None,
        "year_text": "",
        "published_year": 2019,
        "value_text": "jusqu'à 10 milles emplois",
        "unit": "persons",
        "value_low": None,
        "value_high": 10000.0,
        "value_central": None,
        "qualifier": "up to",
        "value_reading": "up to 10,000 jobs",
        "reading_kind": "quantity",
        "value_language": "fr",
        "reader_note": "",
        "note": "sentence truncated in stored excerpt; unverified claim, not a census",
        "source_publisher": "Afrique-News",
        "source_url": "https://example.org/a",
        "source_year": 2019,
        "source_title": "t",
        "source_reliability": "secondary",
        "reliability": "secondary",
        "reliability_reason": "news",
        "curation": "",
        "echo_group": "r-1",
        "statement_of": "",
        "measures": "all people in ASM",
        "coverage": "national",
        "scope": "country",
        "dataset": "other",
        "mineral": "",
        "source_id": "s",
        "locator": "",
        "origin": "x",
    }
    base.update(over)
    return base
