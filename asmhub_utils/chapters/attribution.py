"""The 'Sources:' line under every chart and table, written from data/sources.csv."""

from __future__ import annotations

import pandas as pd

from asmhub_utils import escape
from asmhub_utils.chapters import data, display
from asmhub_utils.chapters.citations import cite


def _label(row: pd.Series) -> str:
    return f"{row['source_publisher']} ({display.publication_year(row['source_year'])})"


def source_labels(frame: pd.DataFrame) -> pd.Series:
    """A short 'Publisher (year)' label per row, for chart legends."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    return frame.apply(_label, axis=1)


def sources_line(frame: pd.DataFrame, prefix: str = "Sources", library: bool = True) -> str:
    """MyST Markdown: every distinct source of the rows, low-reliability ones marked, with data years.

    Each source is cited into the resource library (`{cite:t}`, which shows 'Publisher (year)') and its title
    links to the original address. With `library=False` (a notebook outside the book, e.g. in JupyterLab, where
    no {cite} role runs) the 'Publisher (year)' is plain escaped text.
    """
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    cited = frame.drop_duplicates("source_id").sort_values(["source_publisher", "source_year"])
    parts = []
    for _, row in cited.iterrows():
        mark = " (**low reliability**)" if row["source_reliability"] == "low" else ""
        who = cite(row["source_id"], "t") if library else escape.myst(_label(row))
        parts.append(f"{who}, {escape.markdown_link(row['source_title'], row['source_url'])}"
                     f"{mark}")
    years = sorted({int(y) for y in frame["year"].dropna()})
    span = "" if not years else f" Data years: {years[0]}" + (f"-{years[-1]}." if years[-1] != years[0] else ".")
    return f"**{prefix}:** " + "; ".join(parts) + "." + span
