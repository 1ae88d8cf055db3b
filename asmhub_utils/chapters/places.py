"""Country by country: which countries have data, their headline estimate (chosen by the rule in `headline.py` and
read from data/countries.csv), main minerals and a data-quality grade (its rule: `asmhub_utils/tidy/country_grade.py`,
which applies it and publishes its wording).
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from asmhub_utils import html_templates
from asmhub_utils.chapters import data
from asmhub_utils.tidy import country_grade

NO_DATA = country_grade.NO_DATA

# Counts of people working in ASM (all minerals or narrower): the `measures` words (measures.py) that count
# miners. Women-only counts, the inventory's separate minimum/maximum rows (shown as the best estimate's range),
# dependants, models and events are left out.
MINER_MEASURES = (
    "all people in ASM",
    "one mineral only",
    "registered or licensed",
    "illegal only",
    "surveyed at sites",
)
_INVENTORY_BEST = "ASM miners (inventory best estimate)"


def country_figures() -> pd.DataFrame:
    """Every country-scope figure with its source and plot year (`data.country_figures`)."""
    return data.country_figures()


def miner_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Headcounts of people working in ASM with a number above zero, with `range_low`/`range_high` from the
    inventory's bounds."""
    persons = figures[(figures["unit"] == "persons")]
    counts = persons[
        persons["measures"].isin(MINER_MEASURES)
        & (persons[["value_low", "value_high", "value_central"]].max(axis=1).fillna(0) > 0)
    ].copy()
    counts["range_low"], counts["range_high"] = counts["value_low"], counts["value_high"]
    bounds = persons[persons["measures"] == "inventory bound"]
    for index, row in counts[counts["indicator"] == _INVENTORY_BEST].iterrows():
        same = bounds[(bounds["iso3"] == row["iso3"]) & (bounds["source_id"] == row["source_id"])]
        low = same.loc[same["indicator"] == "ASM miners minimum", "value_low"]
        high = same.loc[same["indicator"] == "ASM miners maximum", "value_high"]
        if not low.empty and not high.empty:
            counts.loc[index, ["range_low", "range_high"]] = [low.iloc[0], high.iloc[0]]
    return counts


def _number(value: float) -> str:
    from asmhub_utils.chapters import display

    return display.whole(value)


def headline_text(row: pd.Series) -> str:
    """A country's headline as a page shows it: '250,000 (range 200,000-300,000)', the source's own words when
    it gave no plain number, a dash with no national count (row of data/countries.csv)."""
    if not isinstance(row["headline_record_id"], str) or not row["headline_record_id"]:
        return NO_DATA
    low, high, central = row["headline_low"], row["headline_high"], row["headline_central"]
    qualifier = row["headline_qualifier"] if isinstance(row["headline_qualifier"], str) else ""
    qualifier = "" if qualifier == "several figures" else qualifier
    said = f"{qualifier} " if qualifier else ""
    if pd.notna(low) and pd.notna(high) and low != high:
        bounds = f"{_number(low)}-{_number(high)}"
        return f"{_number(central)} (range {bounds})" if pd.notna(central) and not qualifier else said + bounds
    number = next((v for v in (central, low, high) if pd.notna(v)), None)
    if number is not None:  # 'up to 10,000': the parsed number in English, never the source's words
        return said + _number(number)
    return str(row["headline_value_text"])


def headline_order(row: pd.Series) -> float | None:
    """The number a headline sorts by: the parsed figure (central, else the lower bound, else the upper), never
    the words; None without one (sorts last)."""
    return next(
        (float(v) for v in (row["headline_central"], row["headline_low"], row["headline_high"]) if pd.notna(v)), None
    )


def headline_year(row: pd.Series) -> str:
    """The year the headline refers to; a span as the source gives it; 'undated' when unknown."""
    from asmhub_utils.chapters import display

    if not row["headline_record_id"]:
        return NO_DATA
    return display.year_label(row["headline_year"], row.get("headline_published_year"), row["headline_year_text"])


def what_it_counts(row: pd.Series) -> str:
    """'all people in ASM', 'narrower: one mineral only', or the status for a country without a headline."""
    if row["status"] == "no national count":
        return "ASM reported; no national count"
    if row["status"] == "narrower national":
        return f"narrower national count: {row['headline_measure']}"
    return str(row["headline_measure"])


TABLE_COLUMNS = (
    "Country",
    "ISO3",
    "Region",
    "Headline estimate",
    "Year",
    "What it counts",
    "Source",
    "Estimates",
    "Independent",
    "Main minerals",
    "Grade",
)


def country_table(headlines: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per country with any figure, sorted by name, read from data/countries.csv (headline.py decides
    the headline; this only words it). Dashes where there is no national count."""
    from asmhub_utils.chapters import display

    headlines = data.countries() if headlines is None else headlines
    publishers = data.sources().set_index("source_id")["publisher"]
    decisions = data.estimates().set_index("record_id")["curation"]
    rows = []
    for _, c in headlines.iterrows():
        has = bool(c["headline_record_id"])
        decision = display.curation_note(decisions.get(c["headline_record_id"], "")) if has else ""
        rows.append(
            {
                "Country": c["country_name"],
                "ISO3": c["iso3"],
                "Region": c["region"] or NO_DATA,
                "Headline estimate": headline_text(c),
                "Year": headline_year(c),
                "What it counts": what_it_counts(c) + (f". {decision}" if decision else ""),
                "Source": publishers.get(c["headline_source_id"], NO_DATA) if has else NO_DATA,
                "Estimates": int(c["n_figures"]),
                "Independent": int(c["n_independent"]),
                "Main minerals": c["main_minerals"] or NO_DATA,
                "Grade": c["grade"],
            }
        )
    table = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    table.attrs["order"] = dict(zip(headlines["iso3"], headlines.apply(headline_order, axis=1)))
    return table.sort_values("Country").reset_index(drop=True)


def headline_values(headlines: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per country (for the map and its CSV): iso3, country, status, low, high, central, year, what it counts,
    value_text and source_id, read from data/countries.csv."""
    c = data.countries() if headlines is None else headlines
    return pd.DataFrame(
        {
            "iso3": c["iso3"],
            "country": c["country_name"],
            "status": c["status"],
            "indicator": c.apply(what_it_counts, axis=1),
            "value_text": c["headline_value_text"],
            "low": c["headline_low"],
            "high": c["headline_high"],
            "central": c["headline_central"],
            "year": c["headline_year"],
            "source_id": c["headline_source_id"],
        }
    )


def profile_link(iso3: str, name: str) -> str:
    """A page-relative link from the country table to the country's profile page."""
    return html_templates.render("profile_link.html", iso3=iso3, name=name)


# What a reader looks for first (a phone card's first lines); the other columns share one small line under them.
CARD_COLUMNS = ("Country", "Headline estimate", "Year", "What it counts", "Source")
PAGE_ORDER = CARD_COLUMNS + ("Grade", "Estimates", "Independent", "Main minerals")
SOURCE_WIDTH = 45  # characters of the publisher shown in the table; the whole name is its tooltip


def country_table_html(table: pd.DataFrame) -> str:
    """The country table as the page shows it: a static HTML table (tables.sortable_table), names linked to the
    profiles with the ISO3 code and the region beside them (one column fewer on a desk screen), the headline
    estimate, the year and the counts sorting as numbers,
    and a small script (book/assets/asmhub-table.js) for the filter box and sorting.

    A static table with our own 3 KB script replaces itables/DataTables here: the DataTables bundle cost 618 KB
    of script and 107 KB of stylesheet as stored (about 200 KB gzip), which put this page at 1,166 KB as stored;
    without it the page is under 600 KB (benchmarks/page_weight.py prints both figures)."""
    from asmhub_utils.chapters import display, tables

    shown = table.loc[:, [c for c in PAGE_ORDER if c in table.columns]].copy()
    places = [
        " \u00b7 ".join(p for p in (iso3, region) if p != NO_DATA)
        for iso3, region in zip(table["ISO3"], table["Region"])
    ]
    shown["Country"] = [
        html_templates.render("country_cell.html", iso3=iso3, name=name, place=place)
        for iso3, name, place in zip(table["ISO3"], table["Country"], places)
    ]
    shown["Source"] = [
        source
        if source == NO_DATA
        else html_templates.render("source_cell.html", source=source, short=display.source_short(source, SOURCE_WIDTH))
        for source in table["Source"]
    ]
    order = table.attrs.get("order", {})  # the parsed headline figure, by ISO3 (country_table)
    by_code = dict(zip(shown["Headline estimate"].index, table["ISO3"]))
    numbers = {
        "Headline estimate": tables.leading_number,
        "Year": tables.year_order,
        "Estimates": tables.leading_number,
        "Independent": tables.leading_number,
    }
    orders = {"Headline estimate": [order.get(by_code[i]) for i in shown.index]} if order else {}
    table_html = tables.sortable_table(
        shown,
        numbers=numbers,
        primary=CARD_COLUMNS,
        html_columns=("Country", "Source"),
        noun="countries",
        orders=orders,
    )
    return html_templates.render("country_table.html", table=Markup(table_html), script=static_url("asmhub-table.js"))


def static_url(name: str) -> str:
    """Page-relative URL of a file of book/assets (served as _static), from the notebook being run."""
    import os
    from pathlib import Path

    from asmhub_utils import paths

    up = os.path.relpath(paths.ROOT, Path.cwd().resolve())
    return Path(up, "_static", name).as_posix()
