"""The 'Sources:' line under every chart and table, written from data/sources.csv.

Four modules, one idea each: `chapters/source_lines.py` (the "Sources:" line under a chart or table),
`chapters/source_links.py` ({cite} roles linking to a source's library entry), `site/book_citation.py` (how to cite
the book and its pages) and `site/sphinx_ext/cite_this_page.py` (the "Cite this page" block).
"""

from __future__ import annotations

import pandas as pd

from asmhub_utils import escape
from asmhub_utils.chapters import data, display
from asmhub_utils.chapters.source_links import cite


def _label(row: pd.Series) -> str:
    return f"{row['source_publisher']} ({display.publication_year(row['source_year'])})"


def source_labels(frame: pd.DataFrame) -> pd.Series:
    """A short 'Publisher (year)' label per row, for chart legends."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    return frame.apply(_label, axis=1)


SOURCE_COLUMNS = ("source_id", "source_publisher", "source_year", "source_title", "source_url", "source_reliability")

# A publisher with more sources than this in one line (an inventory's country sheets) is named once, its
# documents listed by their own short titles, instead of the same name repeated 40 times.
GROUP_ABOVE = 3


def _reader_title(title: object) -> str:
    """The title without the compilers' bracketed working notes ('(title from URL)'): reader_notes."""
    from asmhub_utils.tidy import reader_notes

    return reader_notes.without_working_asides(str(title))


def _short_title(title: str) -> str:
    """'ASM Inventory country data sheet: Uganda (quoting GEF 2021 ...)' -> 'Uganda'."""
    head = str(title).split(" (")[0]
    return head.rsplit(": ", 1)[-1].strip() or str(title)


def _low_mark(row: pd.Series) -> str:
    return " (**low reliability**)" if row["source_reliability"] == "low" else ""


def _cited_source(row: pd.Series, library: bool = True) -> str:
    who = cite(row["source_id"], "t") if library else escape.myst(_label(row))
    return f"{who}, {escape.markdown_link(_reader_title(row['source_title']), row['source_url'])}{_low_mark(row)}"


def _publisher_group(rows: pd.DataFrame, library: bool = True) -> str:
    """'Publisher, 44 documents (2021-2022): [Bolivia](url), ...' with each document's citation key kept."""
    years = {display.publication_year(y) for y in rows["source_year"]}
    dated = sorted(years - {"n.d."})
    span = ", ".join(
        filter(
            None,
            [
                dated[0] if len(dated) == 1 else f"{dated[0]}-{dated[-1]}" if dated else "",
                "undated" if "n.d." in years else "",
            ],
        )
    )
    items = [
        escape.markdown_link(_short_title(_reader_title(r["source_title"])), r["source_url"]) + _low_mark(r)
        for _, r in rows.iterrows()
    ]
    keys = cite(list(rows["source_id"]), "p").replace("{cite:p}", "{cite:empty}") if library else ""
    return f"{escape.myst(rows['source_publisher'].iloc[0])}, {len(rows)} documents ({span}): {', '.join(items)}{keys}"


def sources_line(frame: pd.DataFrame, prefix: str = "Sources", library: bool = True) -> str:
    """MyST Markdown: every distinct source of the rows, low-reliability ones marked, with data years.

    Each source is cited into the resource library (`{cite:t}`, which shows 'Publisher (year)') and its title
    links to the original address; a publisher with many documents is named once (`GROUP_ABOVE`). With
    `library=False` (a notebook outside the book, e.g. in JupyterLab, where no {cite} role runs) the
    'Publisher (year)' is plain escaped text.
    """
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    # the columns a line reads, taken before iterrows: rows of all the figures' columns cost 25 ms a profile
    cited = frame.drop_duplicates("source_id")[list(SOURCE_COLUMNS)]
    cited = cited.sort_values(["source_publisher", "source_year", "source_title"])
    parts = []
    for _publisher, rows in cited.groupby("source_publisher", sort=True):
        parts += (
            [_publisher_group(rows, library)]
            if len(rows) > GROUP_ABOVE
            else [_cited_source(row, library) for _, row in rows.iterrows()]
        )
    years = sorted({int(y) for y in frame["year"].dropna()})
    span = "" if not years else f" Data years: {years[0]}" + (f"-{years[-1]}." if years[-1] != years[0] else ".")
    return f"**{prefix}:** " + "; ".join(parts) + "." + span
