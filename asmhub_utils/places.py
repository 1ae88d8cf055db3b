"""Country by country: which countries have data, their latest miner estimate, main minerals and a data-quality grade.

Data-quality grade (one letter per country, from its country-scope figures in data/estimates.csv):

* **count**: 2 points for 15 or more figures, 1 for 6 to 14, 0 for fewer;
* **independent sources**: 2 points for 5 or more distinct sources, 1 for 2 to 4, 0 for one;
* **recency**: 2 points when the newest dated figure refers to (or, if undated, was published in) 2020 or
  later, 1 point for 2015-2019, 0 for older or undated only;
* **reliability**: 2 points when at least half the figures come from sources graded *primary*
  (`asmhub_utils/reliability.py`), 1 when fewer do but not every figure is from a *low*-reliability source,
  0 when every figure is.

The sum (0-8) gives the grade: **A** 7-8, **B** 5-6, **C** 3-4, **D** 0-2. A country with no figure gets a dash.
The grade says how much this book holds about a country, not how good the country's own statistics are.
"""

from __future__ import annotations

import re

import pandas as pd

from . import countries, data

NO_DATA = "–"
GRADE_POINTS = {"A": 7, "B": 5, "C": 3, "D": 0}  # lowest sum that earns each letter

# Headcounts of people working in ASM (all minerals or one). Left out: female-only counts, the inventory's
# separate minimum/maximum rows (shown as the best estimate's range instead) and counts that add dependants.
_NOT_A_MINER_COUNT = re.compile(r"female|women|minimum|maximum|indirect|\bdependent|depending|living from", re.I)
_INVENTORY_BEST = "ASM miners (inventory best estimate)"


def count_points(n_figures: int) -> int:
    return 2 if n_figures >= 15 else 1 if n_figures >= 6 else 0


def source_points(n_sources: int) -> int:
    return 2 if n_sources >= 5 else 1 if n_sources >= 2 else 0


def recency_points(latest_year: float | None) -> int:
    if latest_year is None or pd.isna(latest_year):
        return 0
    return 2 if latest_year >= 2020 else 1 if latest_year >= 2015 else 0


def reliability_points(grades: pd.Series) -> int:
    if grades.empty or (grades == "low").all():
        return 0
    return 2 if (grades == "primary").mean() >= 0.5 else 1


def grade_letter(points: int) -> str:
    return next(letter for letter, least in GRADE_POINTS.items() if points >= least)


def quality_grade(figures: pd.DataFrame) -> str:
    """The grade of one country's figures (rows with `plot_year` and `source_reliability`); a dash if none."""
    if figures.empty:
        return NO_DATA
    latest = figures["plot_year"].max()
    points = (count_points(len(figures)) + source_points(figures["source_id"].nunique())
              + recency_points(None if pd.isna(latest) else float(latest))
              + reliability_points(figures["source_reliability"]))
    return grade_letter(points)


def country_figures() -> pd.DataFrame:
    """Every country-scope figure with its source and plot year."""
    return data.dated(data.estimates().query("scope == 'country' and iso3 != ''"))


def miner_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Headcount estimates of people working in ASM, with `range_low`/`range_high` from the inventory's bounds."""
    persons = figures[(figures["dataset"] == "miners_by_country") & (figures["unit"] == "persons")]
    counts = persons[~persons["indicator"].str.contains(_NOT_A_MINER_COUNT)].copy()
    counts["range_low"], counts["range_high"] = counts["value_low"], counts["value_high"]
    bounds = persons[persons["indicator"].isin(["ASM miners minimum", "ASM miners maximum"])]
    for index, row in counts[counts["indicator"] == _INVENTORY_BEST].iterrows():
        same = bounds[(bounds["iso3"] == row["iso3"]) & (bounds["source_id"] == row["source_id"])
                      & (bounds["year"].fillna(-1) == (-1 if pd.isna(row["year"]) else row["year"]))]
        low = same.loc[same["indicator"] == "ASM miners minimum", "value_low"]
        high = same.loc[same["indicator"] == "ASM miners maximum", "value_high"]
        if not low.empty and not high.empty:
            counts.loc[index, ["range_low", "range_high"]] = [low.iloc[0], high.iloc[0]]
    return counts


def _number(value: float) -> str:
    return f"{value:,.0f}"


def estimate_text(row: pd.Series) -> str:
    """'250,000 (range 200,000-300,000)'; the source's own words when it gave no number."""
    low, high, central = row["range_low"], row["range_high"], row["value_central"]
    if pd.notna(low) and pd.notna(high) and low != high:
        bounds = f"{_number(low)}-{_number(high)}"
        return f"{_number(central)} (range {bounds})" if pd.notna(central) else bounds
    if pd.notna(central) and (row["qualifier"] if isinstance(row["qualifier"], str) else "") == "":
        return _number(central)
    return str(row["value_text"])


def latest_miner_count(counts: pd.DataFrame) -> pd.Series | None:
    """The newest dated headcount (ties: the one with a range, then the larger scope); None when there is none."""
    dated = counts.dropna(subset=["plot_year"])
    if dated.empty:
        return None
    ranked = dated.assign(_has_range=(dated["range_low"] != dated["range_high"]).astype(int),
                          _size=dated["range_high"].fillna(dated["value_central"]).fillna(0))
    return ranked.sort_values(["plot_year", "_has_range", "_size", "record_id"]).iloc[-1]


_PARENTHESES = re.compile(r"\([^)]*\)")
_SPLIT = re.compile(r",|;|/|&|\band\b")
_SAME_MINERAL = {"diamond": "diamonds", "gemstone": "gemstones", "coloured gemstones": "gemstones",
                 "precious stones": "gemstones", "semi-precious stones": "gemstones"}


def minerals(mineral_cells: pd.Series, n: int = 3) -> list[str]:
    """The n minerals named most often in a country's figures (names split and normalised, ties alphabetical)."""
    names: list[str] = []
    for cell in mineral_cells.dropna():
        for part in _SPLIT.split(_PARENTHESES.sub("", str(cell))):
            name = part.strip().lower()
            if name and name not in {"all", "all minerals", "other", "others", "etc."}:
                names.append(_SAME_MINERAL.get(name, name))
    counts = pd.Series(names, dtype=str).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ordered[:n]]


TABLE_COLUMNS = ("Country", "ISO3", "Region", "Latest miner estimate", "Year", "Counted", "Source",
                 "Estimates", "Sources", "Main minerals", "Grade")


def country_table(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per country with any figure, sorted by name. Text cells, numbers as numbers, dashes for nothing."""
    figures = country_figures() if figures is None else figures
    counts = miner_counts(figures)
    rows = []
    for iso3, own in figures.groupby("iso3", sort=False):
        latest = latest_miner_count(counts[counts["iso3"] == iso3])
        rows.append({
            "Country": countries.iso_name(iso3), "ISO3": iso3, "Region": countries.region(iso3) or NO_DATA,
            "Latest miner estimate": NO_DATA if latest is None else estimate_text(latest),
            "Year": NO_DATA if latest is None else str(int(latest["plot_year"])),
            "Counted": NO_DATA if latest is None else latest["indicator"],
            "Source": NO_DATA if latest is None else latest["source_publisher"],
            "Estimates": len(own), "Sources": own["source_id"].nunique(),
            "Main minerals": ", ".join(minerals(own["mineral"])) or NO_DATA,
            "Grade": quality_grade(own),
        })
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS)).sort_values("Country").reset_index(drop=True)


def latest_miner_values(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per country with a dated headcount: iso3, low, high, central, year, source_id (for the map and its CSV)."""
    figures = country_figures() if figures is None else figures
    counts = miner_counts(figures)
    rows = []
    for iso3 in sorted(counts["iso3"].unique()):
        latest = latest_miner_count(counts[counts["iso3"] == iso3])
        if latest is not None:
            rows.append({"iso3": iso3, "country": countries.iso_name(iso3), "indicator": latest["indicator"],
                         "value_text": latest["value_text"], "low": latest["range_low"],
                         "high": latest["range_high"], "central": latest["value_central"],
                         "year": int(latest["plot_year"]), "source_id": latest["source_id"]})
    return pd.DataFrame(rows)


def profile_link(iso3: str, name: str) -> str:
    """A page-relative link from the country table to the country's profile page."""
    return f'<a href="profiles/{iso3}.html">{name}</a>'


def linked_table(table: pd.DataFrame) -> pd.DataFrame:
    """The country table with each country name linked to its profile (for the HTML page, not the CSV)."""
    out = table.copy()
    out["Country"] = [profile_link(iso3, name) for iso3, name in zip(out["ISO3"], out["Country"])]
    return out


def rule_markdown() -> str:
    """The data-quality grade rule, as documented in this module, for the page that shows the grades."""
    return __doc__.split("\n\n", 1)[1].strip()


def datatables_url() -> str:
    """Page-relative URL of the one shared DataTables bundle (book/assets is served as _static)."""
    import os
    from pathlib import Path

    from . import paths

    up = os.path.relpath(paths.ROOT, Path.cwd().resolve())
    return Path(up, "_static", "vendor", "itables", "dt_bundle.js").as_posix()
