"""Load the tidy tables. One function per table; every notebook reads data through here.

Columns are documented in `asmhub_utils/tidy/schema.py` (and in `data/datapackage.json`, written from it).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from asmhub_utils import escape, paths
from asmhub_utils.tidy import schema

_NUMBER_COLUMNS = ("value_low", "value_high", "value_central")


def _read(path, columns: tuple[schema.Column, ...]) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in columns:
        if column.type == "string":  # written through escape.csv_cell: '=x' was stored as "'=x"
            frame[column.name] = frame[column.name].map(escape.from_csv_cell)
        elif column.type == "number":
            frame[column.name] = pd.to_numeric(frame[column.name].replace("", None), errors="raise")
        elif column.type == "integer":
            frame[column.name] = pd.to_numeric(frame[column.name].replace("", None)).astype("Int64")
    return frame


@lru_cache(maxsize=1)
def _estimates() -> pd.DataFrame:
    return with_country_names(_read(paths.ESTIMATES, schema.ESTIMATE_COLUMNS))


def with_country_names(frame: pd.DataFrame) -> pd.DataFrame:
    """`country_name` as pages write it: the name of the row's ISO3 code (display.country_name, "Côte d'Ivoire"),
    not the spelling a source or contributor typed ("Cote d'Ivoire"); a region's name (no code) is kept."""
    from asmhub_utils.chapters import display

    def name(code: object, typed: object) -> object:
        try:
            return display.country_name(code) if isinstance(code, str) and code.strip() else typed
        except KeyError:  # a code no register knows: the validator names it; keep what was typed
            return typed

    out = frame.copy()
    out["country_name"] = [name(c, t) for c, t in zip(out["iso3"], out["country_name"])]
    return out


@lru_cache(maxsize=1)
def _sources() -> pd.DataFrame:
    return _read(paths.SOURCES, schema.SOURCE_COLUMNS)


@lru_cache(maxsize=1)
def _countries() -> pd.DataFrame:
    return _read(paths.COUNTRIES, schema.COUNTRY_COLUMNS)


def countries() -> pd.DataFrame:
    """One row per country with its headline estimate by the book's rule (data/countries.csv; headline.py)."""
    return _countries().copy()


def estimates() -> pd.DataFrame:
    """Every figure, one row each (data/estimates.csv). A fresh copy: callers may modify it."""
    return _estimates().copy()


def sources() -> pd.DataFrame:
    """Every source, one row each (data/sources.csv)."""
    return _sources().copy()


def with_sources(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the source's title, publisher, year, url and reliability as `source_*` columns."""
    cited = sources().rename(columns=lambda c: c if c == "source_id" else f"source_{c}")
    return frame.merge(cited, on="source_id", how="left", validate="many_to_one")


def country_figures(iso3: str | None = None) -> pd.DataFrame:
    """Every country-scope figure with its source and plot year (`dated`); only one country's with `iso3`."""
    frame = estimates().query("scope == 'country' and iso3 != ''")
    return dated(frame if iso3 is None else frame.query("iso3 == @iso3"))


def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """Add `plot_year` (the year the figure refers to, else the source's publication year) and `year_basis`.

    Figures with neither stay with a missing `plot_year` and `year_basis == 'undated'`; pages list them
    instead of placing them on a time axis.
    """
    frame = frame if "source_year" in frame else with_sources(frame)
    out = frame.copy()
    out["plot_year"] = out["year"].fillna(out["source_year"])
    out["year_basis"] = "reference year"
    out.loc[out["year"].isna() & out["source_year"].notna(), "year_basis"] = "publication year"
    out.loc[out["plot_year"].isna(), "year_basis"] = "undated"
    return out


def independent(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per independent estimate: of the figures repeating one original estimate (same `echo_group`,
    asmhub_utils/tidy/echoes.py), the earliest-dated one, i.e. the original rather than its later quotations."""
    if "echo_group" not in frame or frame.empty:
        return frame
    order = "plot_year" if "plot_year" in frame else "year"
    first = frame.sort_values(order, kind="stable", na_position="last").drop_duplicates("echo_group")
    return frame.loc[frame.index.isin(first.index)]


_MERCURY = r"mercury|\bHg\b"


def about_mercury(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures that measure mercury (use, emissions, trade, loss per gram of gold), by what they say they
    count: the mercury data set also holds the gold output its compilers quoted beside them, which is not one."""
    says = frame["indicator"].str.contains(_MERCURY, case=False, regex=True) | frame["unit"].str.contains(
        _MERCURY, case=False, regex=True
    )
    return frame[says]


def bounds(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(floor, ceiling) of each figure: its lower bound `value_low`, else its stated value, else its upper bound;
    and the other way round. A stated figure is its own bounds; a one-sided bound counts as the figure it names."""
    floor = frame["value_low"].fillna(frame["value_central"]).fillna(frame["value_high"])
    ceiling = frame["value_high"].fillna(frame["value_central"]).fillna(frame["value_low"])
    return floor, ceiling


def numeric(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the rows whose value could be read as a number or range."""
    return frame[frame[list(_NUMBER_COLUMNS)].notna().any(axis=1)]


def lookup(indicator: str, **equal: object) -> pd.Series:
    """The one figure with this indicator (and column values); KeyError unless exactly one matches."""
    frame = with_sources(estimates())
    match = frame["indicator"] == indicator
    for column, value in equal.items():
        match &= frame[column] == value
    found = frame[match]
    if len(found) != 1:
        raise KeyError(f"{len(found)} figures match indicator={indicator!r} {equal}; expected exactly one")
    return found.iloc[0]
