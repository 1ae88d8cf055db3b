"""Static tables of estimates: every figure with its own words, year, source and reliability."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from asmhub_utils import escape, html_templates
from asmhub_utils.chapters import data, display

DOWNLOAD_COLUMNS = (
    "record_id",
    "scope",
    "iso3",
    "country_name",
    "indicator",
    "mineral",
    "year",
    "value_text",
    "value_reading",
    "reading_kind",
    "value_language",
    "value_low",
    "value_high",
    "value_central",
    "qualifier",
    "unit",
    "source_id",
    "source_title",
    "source_publisher",
    "source_year",
    "source_url",
    "source_reliability",
    "locator",
    "note",
    "reader_note",
    "year_text",
    "published_year",
    "original_source",
    "measures",
    "coverage",
    "reliability",
    "reliability_reason",
    "echo_group",
    "curation",
)


def figures_for_download(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs to check a figure against its source, in a stable order."""
    frame = frame if "source_title" in frame else data.with_sources(frame)
    return frame.loc[:, list(DOWNLOAD_COLUMNS)]


def permalink(record_id: str) -> str:
    """The small '#' link beside a figure, to its row (`id="<record_id>"`), for a reader to copy or cite."""
    return html_templates.render("permalink.html", record=record_id)


def estimate_html(r: pd.Series | dict) -> str:
    """What an Estimate cell shows: the English reading (`display.figure`, class asm-reading), then the value as
    the source printed it, marked as the source's words and in its own language, where its words say more."""
    return html_templates.render(
        "estimate_cell.html", reading=display.figure(r), words=display.printed(r), lang=display.language(r)
    )


def statement_html(r: pd.Series | dict) -> str:
    """A statement as a statement: the source's words (in their language) with their English where they are not
    English ('14 au 15 novembre 2022' (14 to 15 November 2022)); never in an Estimate column."""
    words = " ".join(str(r.get("value_text") or "").split())
    english = display.figure(r)
    return html_templates.render(
        "statement.html",
        words=words,
        lang=display.language(r),
        english=english if english and english.casefold() != words.casefold() else "",
    )


def statements_list(rows: pd.DataFrame, where: bool = False) -> str:
    """Statements that are not quantities, as a list (each item carries its record id as an anchor): what it is
    about, the words, the year and the source."""
    items = [
        {
            "record": r["record_id"],
            "place": place(r) if where else "",
            "indicator": r["indicator"],
            "statement": Markup(statement_html(r)),
            **_statement_dating(r),
            "source": Markup(escape.html_link(r["source_publisher"], r["source_url"])),
            "reliability": display.reliability(r),
            "curation": display.curation_note(r.get("curation")),
        }
        for _, r in rows.iterrows()
    ]
    return html_templates.render("statements_list.html", items=items)


def _statement_dating(r: pd.Series | dict) -> dict[str, str]:
    """A statement's year (as every view of the record gives it) and its source's publication year only where
    that year says something new: '(2025; Dominican Today (external source))', '(undated (published 2018);
    Morocco Mail)', '(2019; planetGOLD, 2020)' (was '(2025; Dominican Today (external source) (2025)')."""
    year, published = display.row_year(r), display.publication_year(r.get("source_year"))
    said = published == year or f"published {published}" in year
    return {"year": year, "source_year": "" if said else published}


def place(r: pd.Series | dict) -> str:
    """Where a figure is from, by name: the country (display.country_name of its code), else the region the
    source names, else 'World'."""
    if display._present(r.get("iso3")):
        return display.country_name(r["iso3"])
    named = r.get("country_name")
    return str(named).strip() if display._present(named) else "World"


def _row_values(r: pd.Series, also: list[tuple[str, str]] = ()) -> dict[str, object]:
    """One figure's cells for templates/estimates_table.html: its row carries the record id as an anchor, with a
    small link a reader can copy. The year is display.row_year: a span or decade as given, else 'undated
    (published YYYY)'. A figure shown through another keeps its anchor (`also`: links to it land on this row)."""
    order = next((r[c] for c in ("value_central", "value_low", "value_high") if pd.notna(r.get(c))), None)
    return {
        "record": r["record_id"],
        "place": place(r),
        "year": display.row_year(r),
        "figure": Markup(estimate_html(r)),
        "order": None if order is None else f"{float(order):g}",
        "indicator": r["indicator"],
        "curation": display.curation_note(r.get("curation")),
        "caveat": display.caveat(r),
        "also": list(also),
        "source": Markup(escape.html_link(r["source_publisher"], r["source_url"])),
        "source_year": display.publication_year(r["source_year"]),
        "reliability": display.reliability(r),
    }


def representative(group_id: str, members: pd.DataFrame, prefer: frozenset[str] | set[str] = frozenset()) -> pd.Series:
    """The figure an echo group is shown by: one of `prefer` when the group holds one (the figure a page's summary
    cites, so the summary and the row below show the same record), else the one the group is named after (its
    earliest, echoes.py), or the first listed when that one is not among `members`."""
    ids = members["record_id"].tolist()  # positions, not boolean masks: a mask copies every column (4 ms)
    chosen = next((n for n, record in enumerate(ids) if record in prefer), None)
    if chosen is None:
        chosen = ids.index(group_id) if group_id in ids else 0
    return members.iloc[chosen]


def _one_per_estimate(rows: pd.DataFrame) -> list[tuple[pd.Series, list[tuple[str, str]]]]:
    """Figures repeating one original estimate (same `echo_group`, asmhub_utils/tidy/echoes.py) shown once: the
    group's first figure (or the first listed), with the record id, publisher and year of each other one."""
    if "echo_group" not in rows:
        return [(r, []) for _, r in rows.iterrows()]
    out = []
    for group_id, members in rows.groupby("echo_group", sort=False):
        rep = representative(group_id, members)
        also = [
            (str(e["record_id"]), f"{e['source_publisher']} ({display.row_year(e)})")
            for _, e in members.iterrows()
            if e["record_id"] != rep["record_id"]
        ]
        out.append((rep, also))
    return out


def estimates_table(frame: pd.DataFrame, group: str | None = None, where: bool | None = None) -> str:
    """An HTML table of figures, newest first within each group; text is escaped, links kept. Figures repeating
    one estimate (same `echo_group`) are one row, with "also quoted by"; a statement of several figures
    (`statement_of`) whose figures are listed is not listed again as printed. A "Where" column names each figure's
    place (`place`) when `where` is True, or by default when a group holds figures from more than one place:
    a row never leaves its reader guessing where it counts. Every cell carries its column's `data-label`
    (the phone cards of book/assets/asmhub.css show it)."""
    frame = frame if "source_url" in frame else data.with_sources(frame)
    if "statement_of" in frame:  # a statement of several figures whose figures are listed: shown once, by them
        frame = frame[~frame["record_id"].isin(set(frame["statement_of"].dropna()) - {""})]
    frame = frame.sort_values("year", ascending=False, na_position="last", kind="stable")
    said = frame.apply(display.is_statement, axis=1) if len(frame) else pd.Series(dtype=bool)
    statements, frame = frame[said], frame[~said]
    groups = list(frame.groupby(group, sort=True)) if group else [("", frame)]
    if where is None:
        where = any(rows.apply(place, axis=1).nunique() > 1 for _, rows in groups if len(rows))
    columns = (["Where"] if where else []) + ["Year", "Estimate", "What is counted", "Source"]
    shown = [
        {
            "name": (name if escape.html(name) else "(not stated)") if group else None,
            "rows": [_row_values(r, also) for r, also in _one_per_estimate(rows)],
        }
        for name, rows in groups
    ]
    listed = Markup(statements_list(statements, where)) if not statements.empty else ""
    return html_templates.render("estimates_table.html", columns=columns, groups=shown, where=where, statements=listed)


def labelled_table(frame: pd.DataFrame) -> str:
    """Any small table as an `asm-estimates` table: every cell escaped and labelled with its column
    (`data-label`), so the phone cards name what each value is."""
    rows = [list(row.items()) for _, row in frame.iterrows()]
    return html_templates.render("labelled_table.html", columns=list(frame.columns), rows=rows)


def leading_number(text: object) -> float | None:
    """The first number of a cell as displayed ('1,000,000 (range ...)' -> 1000000.0); None when there is none."""
    import re

    match = re.search(r"\d[\d,]*(?:\.\d+)?", str(text))
    return float(match.group(0).replace(",", "")) if match else None


def year_order(text: object) -> float | None:
    """The year a cell refers to, for sorting ('2017-2018' -> 2017); None for 'undated (published 2023)' or a dash,
    which sort last: a publication year is not the year a figure refers to."""
    import re

    match = re.match(r"\s*(\d{4})\b", str(text))
    return float(match.group(1)) if match else None


def sortable_table(
    frame: pd.DataFrame,
    *,
    numbers: dict[str, object] | None = None,
    primary: tuple[str, ...] = (),
    html_columns: tuple[str, ...] = (),
    noun: str = "rows",
    caption: str = "",
    orders: dict[str, list[float | None]] | None = None,
) -> str:
    """A static HTML table that book/assets/asmhub-table.js sorts and filters (class `asm-sortable`).

    Every cell is escaped (templates/sortable_table.html) except the columns in `html_columns`, which the caller
    has built from escaped parts. Each cell carries its column's `data-label`; a column in `numbers` sorts by the
    number its
    function reads from the cell (`data-order`; a cell without one sorts last), so '1,000,000' sorts after
    '250,000'; `orders` gives a column's sort numbers row by row instead (a parsed figure, never read from the
    words shown). Columns in `primary` make a phone card's first lines; the others (class `asm-more`) share one
    small line under them (book/assets/asmhub.css)."""
    numbers, orders = numbers or {}, orders or {}
    columns = [
        {"name": c, "kind": "number" if c in numbers or c in orders else "text", "classes": _classes(c, primary)}
        for c in frame.columns
    ]
    rows = []
    for position, (_, row) in enumerate(frame.iterrows()):
        cells = []
        for c, value in row.items():
            order = orders[c][position] if c in orders else numbers[c](value) if c in numbers else None
            order = None if order is None or order != order else order  # NaN sorts last, like a blank
            cells.append(
                {
                    "label": c,
                    "text": Markup(str(value)) if c in html_columns else value,
                    "order": None if order is None else f"{order:.15g}",
                    "classes": _classes(c, primary, empty=str(value).strip() in EMPTY_CELLS),
                }
            )
        rows.append(cells)
    return html_templates.render("sortable_table.html", columns=columns, rows=rows, noun=noun, caption=caption)


# A cell that holds nothing (a dash): a phone card leaves it out (class asm-empty), a sort puts it last.
EMPTY_CELLS = ("", "\u2013", "-", "\u2014")


def _classes(column: str, primary: tuple[str, ...], empty: bool = False) -> str:
    names = (["asm-more"] if primary and column not in primary else []) + (["asm-empty"] if empty else [])
    return " ".join(names)
