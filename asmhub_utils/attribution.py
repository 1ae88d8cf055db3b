"""The 'Sources:' line under every chart and table, written from data/sources.csv."""

from __future__ import annotations

import html

import pandas as pd

from . import data


def _label(row: pd.Series) -> str:
    year = "n.d." if pd.isna(row["source_year"]) else str(row["source_year"])
    return f"{row['source_publisher']} ({year})"


def source_labels(frame: pd.DataFrame) -> pd.Series:
    """A short 'Publisher (year)' label per row, for chart legends."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    return frame.apply(_label, axis=1)


def sources_line(frame: pd.DataFrame, prefix: str = "Sources") -> str:
    """Markdown: every distinct source of the rows, linked, low-reliability ones marked, with data years."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    cited = frame.drop_duplicates("source_id").sort_values(["source_publisher", "source_year"])
    parts = []
    for _, row in cited.iterrows():
        title = html.escape(str(row["source_title"]), quote=False).replace("[", "(").replace("]", ")")
        mark = " (**low reliability**)" if row["source_reliability"] == "low" else ""
        parts.append(f"{html.escape(_label(row), quote=False)}, [{title}]({row['source_url']}){mark}")
    years = sorted({int(y) for y in frame["year"].dropna()})
    span = "" if not years else f" Data years: {years[0]}" + (f"-{years[-1]}." if years[-1] != years[0] else ".")
    return f"**{prefix}:** " + "; ".join(parts) + "." + span
