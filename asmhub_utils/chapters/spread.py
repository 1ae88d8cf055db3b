"""How far apart a country's independent national estimates of its ASM workforce are: the ratio of the highest
to the lowest, per country. Nothing is averaged: the ratio compares two published figures, the lowest and the
highest, each with its own source.

The estimates compared are a country's national counts of all people working in ASM (places.miner_counts,
`measures == "all people in ASM"`, `coverage == "national"`), one per original estimate (data.independent): a figure
quoted by five compilations counts once. A figure's lower bound is its `value_low` (else its stated value), its
upper bound its `value_high` (else its stated value), as text.spread reads them (data.bounds); a range therefore
widens the
spread, and a bound ("more than 10,000") counts as the figure it names. Only countries with two or more
independent estimates have a spread.
"""

from __future__ import annotations

import pandas as pd

from asmhub_utils.chapters import data, display, places

TENFOLD = 10  # "more than ten times": the threshold a page counts countries against
COLUMNS = (
    "iso3",
    "country_name",
    "region",
    "n_independent",
    "lowest",
    "lowest_record_id",
    "highest",
    "highest_record_id",
    "ratio",
)


def national_estimates(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each country's independent national estimates of all people in ASM, with `floor` and `ceiling` bounds."""
    figures = data.country_figures() if figures is None else figures
    counts = places.miner_counts(figures)
    counts = counts[(counts["measures"] == "all people in ASM") & (counts["coverage"] == "national")]
    counts = data.independent(counts).copy()
    counts["floor"], counts["ceiling"] = data.bounds(counts)
    return counts[counts["floor"] > 0]


def by_country(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per country with two or more independent national estimates: the lowest lower bound, the highest
    upper bound (with the record ids of the figures that give them), their ratio and the country's region."""
    counts = national_estimates(figures)
    rows = []
    for iso3, group in counts.groupby("iso3", sort=False):
        if len(group) < 2:
            continue
        low, high = group.loc[group["floor"].idxmin()], group.loc[group["ceiling"].idxmax()]
        rows.append(
            {
                "iso3": iso3,
                "country_name": display.country_name(iso3),
                "n_independent": len(group),
                "lowest": low["floor"],
                "lowest_record_id": low["record_id"],
                "highest": high["ceiling"],
                "highest_record_id": high["record_id"],
                "ratio": high["ceiling"] / low["floor"],
            }
        )
    table = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "region"])
    regions = data.countries().set_index("iso3")["region"]
    table["region"] = table["iso3"].map(regions).fillna("").replace("", "region not stated")
    return table.loc[:, list(COLUMNS)].sort_values("ratio", ascending=False, ignore_index=True)


def figures_behind(table: pd.DataFrame) -> pd.DataFrame:
    """The lowest and highest figure of every country in `table` (rows of data/estimates.csv), for the
    sources line and the download."""
    ids = set(table["lowest_record_id"]) | set(table["highest_record_id"])
    return data.dated(data.estimates().query("record_id in @ids", local_dict={"ids": sorted(ids)}))


def ratio_text(ratio: float) -> str:
    """2.1666 -> '2.2 times'; 240.0 -> '240 times' (two significant figures at most: a ratio of estimates
    is no more precise than that)."""
    return f"{float(f'{ratio:.2g}'):g} times"


def median_ratio(table: pd.DataFrame) -> str:
    """The median of the countries' ratios, as text ('5.7 times'): the middle country, not an average of counts."""
    return ratio_text(table["ratio"].median()) if len(table) else "unknown"


def n_above(table: pd.DataFrame, times: float = TENFOLD) -> int:
    """How many countries' highest estimate is more than `times` their lowest."""
    return int((table["ratio"] > times).sum())


def reader_table(table: pd.DataFrame) -> pd.DataFrame:
    """The spread table as a page shows it: country, estimates, lowest, highest, ratio (display layer)."""
    return pd.DataFrame(
        {
            "Country": table["country_name"],
            "Independent estimates": table["n_independent"],
            "Lowest": table["lowest"].map(display.number),
            "Highest": table["highest"].map(display.number),
            "Highest / lowest": table["ratio"].map(ratio_text),
        }
    )
