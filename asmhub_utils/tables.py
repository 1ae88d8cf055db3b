"""Static tables of estimates: every figure with its own words, year, source and reliability."""

from __future__ import annotations

import pandas as pd

from . import data, escape
from .lineage import year_label

DOWNLOAD_COLUMNS = (
    "record_id", "scope", "iso3", "country_name", "indicator", "mineral", "year", "value_text", "value_low",
    "value_high", "value_central", "qualifier", "unit", "source_id", "source_title", "source_publisher",
    "source_year", "source_url", "source_reliability", "locator", "note", "year_text", "published_year",
    "original_source", "measures", "coverage", "grade", "grade_reason", "echo_group", "curation",
)


def figures_for_download(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs to check a figure against its source, in a stable order."""
    frame = frame if "source_title" in frame else data.with_sources(frame)
    return frame.loc[:, list(DOWNLOAD_COLUMNS)]


def _cell(value: object) -> str:
    return escape.html(value)


def _row(r: pd.Series) -> str:
    year = _cell(year_label(r["year"], r.get("year_text")))  # a span stays a span, never "undated"
    grade = r["grade"] if "grade" in r and isinstance(r["grade"], str) else r["source_reliability"]
    badge = "" if grade == "primary" else f' <span class="asm-reliability asm-{_cell(grade)}">{_cell(grade)}</span>'
    source_year = "n.d." if pd.isna(r["source_year"]) else r["source_year"]
    source = f"{escape.html_link(r['source_publisher'], r['source_url'])} ({_cell(source_year)}){badge}"
    return (f"<tr><td>{year}</td><td>{_cell(r['value_text'])} {_cell(r['unit'])}</td>"
            f"<td>{_cell(r['indicator'])}{_curated(r)}</td><td>{source}</td></tr>")


def _curated(r: pd.Series) -> str:
    """A decision of data/curation.csv on this figure, shown where the figure appears."""
    text = r.get("curation")
    return f"<br><small>{_cell(text)}</small>" if isinstance(text, str) and text else ""


def estimates_table(frame: pd.DataFrame, group: str | None = None) -> str:
    """An HTML table of figures, newest first within each group; text is escaped, links kept."""
    frame = frame if "source_url" in frame else data.with_sources(frame)
    frame = frame.sort_values("year", ascending=False, na_position="last")
    head = "<tr><th>Year</th><th>Estimate</th><th>What is counted</th><th>Source</th></tr>"
    body = []
    groups = frame.groupby(group, sort=True) if group else [("", frame)]
    for name, rows in groups:
        if group:
            body.append(f'<tr><th colspan="4" scope="rowgroup">{_cell(name) or "(not stated)"}</th></tr>')
        body += [_row(r) for _, r in rows.iterrows()]
    return f'<table class="asm-estimates"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
