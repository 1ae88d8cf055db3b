"""Static tables of estimates: every figure with its own words, year, source and reliability."""

from __future__ import annotations

import pandas as pd

from asmhub_utils import escape
from asmhub_utils.chapters import data, display

DOWNLOAD_COLUMNS = (
    "record_id", "scope", "iso3", "country_name", "indicator", "mineral", "year", "value_text", "value_reading",
    "reading_kind", "value_language", "value_low",
    "value_high", "value_central", "qualifier", "unit", "source_id", "source_title", "source_publisher",
    "source_year", "source_url", "source_reliability", "locator", "note", "reader_note", "year_text", "published_year",
    "original_source", "measures", "coverage", "grade", "grade_reason", "echo_group", "curation",
)


def figures_for_download(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs to check a figure against its source, in a stable order."""
    frame = frame if "source_title" in frame else data.with_sources(frame)
    return frame.loc[:, list(DOWNLOAD_COLUMNS)]


def _cell(value: object) -> str:
    return escape.html(value)


def permalink(record_id: str) -> str:
    """The small '#' link beside a figure, to its row (`id="<record_id>"`), for a reader to copy or cite."""
    record = _cell(record_id)
    return (f' <a class="asm-permalink" href="#{record}" title="Link to this figure ({record})" '
            f'aria-label="Link to this figure">#</a>')


def estimate_html(r: pd.Series | dict) -> str:
    """What an Estimate cell shows: the English reading (`display.figure`, class asm-reading), then the value as
    the source printed it, marked as the source's words and in its own language, where its words say more."""
    reading = f'<span class="asm-reading">{_cell(display.figure(r))}</span>'
    words = display.printed(r)
    if not words:
        return reading
    return (f'{reading}<br><small class="asm-printed">source\u2019s words: '
            f'<q lang="{_cell(display.language(r))}">{_cell(words)}</q></small>')


def statement_html(r: pd.Series | dict) -> str:
    """A statement as a statement: the source's words (in their language) with their English where they are not
    English ('14 au 15 novembre 2022' (14 to 15 November 2022)); never in an Estimate column."""
    words = " ".join(str(r.get("value_text") or "").split())
    english = display.figure(r)
    said = f'<q lang="{_cell(display.language(r))}">{_cell(words)}</q>'
    if english and english.casefold() != words.casefold():
        said += f' <span class="asm-reading">({_cell(english)})</span>'
    return said


def statements_list(rows: pd.DataFrame, where: bool = False) -> str:
    """Statements that are not quantities, as a list (each item carries its record id as an anchor): what it is
    about, the words, the year and the source."""
    items = []
    for _, r in rows.iterrows():
        grade = r["grade"] if "grade" in r and isinstance(r["grade"], str) else r["source_reliability"]
        badge = "" if grade == "primary" else f' <span class="asm-reliability asm-{_cell(grade)}">{_cell(grade)}</span>'
        at = f"{_cell(place(r))}, " if where else ""
        source = (f'<span data-label="Source">{escape.html_link(r["source_publisher"], r["source_url"])} '
                  f'({_cell(display.publication_year(r["source_year"]))})</span>{badge}')
        items.append(f'<li id="{_cell(r["record_id"])}">{at}{_cell(r["indicator"])}: '
                     f'<span data-label="Statement">{statement_html(r)}</span> '
                     f'(<span data-label="Year">{_cell(display.row_year(r))}</span>; {source})'
                     f'{_curated(r)}{permalink(r["record_id"])}</li>')
    return (f'<p class="asm-statements-head"><strong>Statements</strong> (not quantities: laws, dates, '
            f'descriptions)</p><ul class="asm-statements">{"".join(items)}</ul>')


def place(r: pd.Series | dict) -> str:
    """Where a figure is from, by name: the country (display.country_name of its code), else the region the
    source names, else 'World'."""
    if display._present(r.get("iso3")):
        return display.country_name(r["iso3"])
    named = r.get("country_name")
    return str(named).strip() if display._present(named) else "World"


def _row(r: pd.Series, where: bool = False, also: list[tuple[str, str]] = ()) -> str:
    """One figure: its row carries the record id as an anchor, with a small link a reader can copy. The year
    is display.row_year: a span or decade as given, else 'undated (published YYYY)'. Every value is escaped
    (escape.html) at the point it is written."""
    record = _cell(r["record_id"])
    grade = r["grade"] if "grade" in r and isinstance(r["grade"], str) else r["source_reliability"]
    badge = "" if grade == "primary" else f' <span class="asm-reliability asm-{_cell(grade)}">{_cell(grade)}</span>'
    source_year = display.publication_year(r["source_year"])
    source = f"{escape.html_link(r['source_publisher'], r['source_url'])} ({_cell(source_year)}){badge}"
    link = permalink(r["record_id"])
    place_cell = f'<td data-label="Where">{_cell(place(r))}</td>' if where else ""
    # a figure shown through another keeps its anchor (links to it land on the row that shows it)
    others = "; ".join(f'<span id="{_cell(rid)}">{_cell(who)}</span>' for rid, who in also)
    quoted = f"<br><small>also quoted by {others} (the same estimate, counted once)</small>" if also else ""
    order = next((r[c] for c in ("value_central", "value_low", "value_high") if pd.notna(r.get(c))), None)
    order_attr = "" if order is None else f' data-order="{float(order):g}"'
    return (f'<tr id="{record}">{place_cell}<td data-label="Year">{_cell(display.row_year(r))}</td>'
            f'<td data-label="Estimate"{order_attr}>{estimate_html(r)}{link}</td>'
            f'<td data-label="What is counted">{_cell(r["indicator"])}{_curated(r)}{_caveat(r)}{quoted}</td>'
            f'<td data-label="Source">{source}</td></tr>')


def _curated(r: pd.Series) -> str:
    """A decision of data/curation.csv on this figure, shown where the figure appears."""
    text = display.curation_note(r.get("curation"))
    return f"<br><small>{_cell(text)}</small>" if text else ""


def _caveat(r: pd.Series) -> str:
    """The caveat a reader needs (reader_note), in plain words; compilers' working notes stay in the data."""
    text = display.caveat(r)
    return f"<br><small>{_cell(text)}</small>" if text else ""


def representative(group_id: str, members: pd.DataFrame, prefer: frozenset[str] | set[str] = frozenset()) -> pd.Series:
    """The figure an echo group is shown by: one of `prefer` when the group holds one (the figure a page's summary
    cites, so the summary and the row below show the same record), else the one the group is named after (its
    earliest, echoes.py), or the first listed when that one is not among `members`."""
    chosen = members[members["record_id"].isin(prefer)]
    if not chosen.empty:
        return chosen.iloc[0]
    named = members[members["record_id"] == group_id]
    return (named if not named.empty else members).iloc[0]


def _one_per_estimate(rows: pd.DataFrame) -> list[tuple[pd.Series, list[tuple[str, str]]]]:
    """Figures repeating one original estimate (same `echo_group`, asmhub_utils/tidy/echoes.py) shown once: the
    group's first figure (or the first listed), with the record id, publisher and year of each other one."""
    if "echo_group" not in rows:
        return [(r, []) for _, r in rows.iterrows()]
    out = []
    for group_id, members in rows.groupby("echo_group", sort=False):
        rep = representative(group_id, members)
        also = [(str(e["record_id"]), f"{e['source_publisher']} ({display.row_year(e)})")
                for _, e in members.iterrows() if e["record_id"] != rep["record_id"]]
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
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr>"
    body = []
    for name, rows in groups:
        if group:
            body.append(f'<tr><th colspan="{len(columns)}" scope="rowgroup">{_cell(name) or "(not stated)"}</th></tr>')
        body += [_row(r, where, also) for r, also in _one_per_estimate(rows)]
    table = f'<table class="asm-estimates"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>' if body else ""
    return table + (statements_list(statements, where) if not statements.empty else "")


def labelled_table(frame: pd.DataFrame) -> str:
    """Any small table as an `asm-estimates` table: every cell escaped and labelled with its column
    (`data-label`), so the phone cards name what each value is."""
    head = "".join(f"<th>{_cell(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f'<td data-label="{_cell(c)}">{_cell(v)}</td>' for c, v in row.items())
                   + "</tr>" for _, row in frame.iterrows())
    return f'<table class="asm-estimates"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


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


def sortable_table(frame: pd.DataFrame, *, numbers: dict[str, object] | None = None, primary: tuple[str, ...] = (),
                   html_columns: tuple[str, ...] = (), noun: str = "rows", caption: str = "",
                   orders: dict[str, list[float | None]] | None = None) -> str:
    """A static HTML table that book/assets/asmhub-table.js sorts and filters (class `asm-sortable`).

    Every cell is escaped (escape.html) except the columns in `html_columns`, which the caller has built from
    escaped parts. Each cell carries its column's `data-label`; a column in `numbers` sorts by the number its
    function reads from the cell (`data-order`; a cell without one sorts last), so '1,000,000' sorts after
    '250,000'; `orders` gives a column's sort numbers row by row instead (a parsed figure, never read from the
    words shown). Columns in `primary` make a phone card's first lines; the others (class `asm-more`) share one
    small line under them (book/assets/asmhub.css)."""
    numbers, orders = numbers or {}, orders or {}
    kinds = {c: ("number" if c in numbers or c in orders else "text") for c in frame.columns}
    head = "".join(f'<th scope="col" data-sort="{kinds[c]}"{_classes(c, primary)}>{_cell(c)}</th>'
                   for c in frame.columns)
    body = []
    for position, (_, row) in enumerate(frame.iterrows()):
        cells = []
        for c, value in row.items():
            text = str(value) if c in html_columns else _cell(value)
            order = orders[c][position] if c in orders else numbers[c](value) if c in numbers else None
            order = None if order is None or order != order else order  # NaN sorts last, like a blank
            order_attr = "" if order is None else f' data-order="{order:.15g}"'
            classes = _classes(c, primary, empty=str(value).strip() in EMPTY_CELLS)
            cells.append(f'<td data-label="{_cell(c)}"{order_attr}{classes}>{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"<caption>{_cell(caption)}</caption>" if caption else ""
    return (f'<table class="asm-sortable" data-noun="{_cell(noun)}">{caption}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


# A cell that holds nothing (a dash): a phone card leaves it out (class asm-empty), a sort puts it last.
EMPTY_CELLS = ("", "\u2013", "-", "\u2014")


def _classes(column: str, primary: tuple[str, ...], empty: bool = False) -> str:
    names = (["asm-more"] if primary and column not in primary else []) + (["asm-empty"] if empty else [])
    return f' class="{" ".join(names)}"' if names else ""
