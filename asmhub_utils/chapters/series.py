"""Named selections of figures that pages chart together. Indicator names are the sources' own words,
so which rows belong to a series is a decision recorded here, once, with the reason.

A series holds one measure (`SERIES_MEASURE`: miners with miners, dependants with dependants; jobs, direct and
indirect, are neither), and each figure is placed at its original's year: a figure that quotes an earlier estimate
(the same echo group) is dated by that estimate, never by the article that repeats it."""

from __future__ import annotations

import pandas as pd

from asmhub_utils.chapters import data, display
from asmhub_utils.tidy import minerals

# People working directly in ASM (all minerals), worldwide. The 2019 State of the Sector's "vital livelihood for
# over 40 million people" counts the people working in ASM (data/curation.csv), not their families.
GLOBAL_ASM_WORKFORCE = (
    "people directly engaged in ASM",
    "people engaged directly in ASM (1993 estimate)",
    "people directly engaged in ASM (IGF Global Trends)",
    "people for whom ASM is a vital livelihood (2019 State of the Sector)",
    "people in ASM globally (World Bank conservative estimate)",
    "people employed in ASM globally (2020 State of the ASM Sector)",
    "people in ASM worldwide (gender report extract)",
    "people directly employed in ASM (World Bank estimate)",
)
# People working directly in artisanal and small-scale gold mining (ASGM) only, worldwide.
GLOBAL_ASGM_WORKFORCE = (
    "artisanal and small-scale gold miners worldwide",
    "ASGM miners worldwide",
    "ASGM workers worldwide",
    "small-scale gold miners worldwide",
    "artisanal gold miners worldwide",
    "artisanal gold miners worldwide (full-time equivalent, miners only)",
    "people directly involved in ASGM worldwide",
)
# People who depend on ASM for a living: miners, families and the local economy around them. Not "direct and
# indirect ASM employment" (315 million in 2025: 45 million miners plus 270 million indirect jobs, one op-ed): jobs
# are another measure, and joined to this series they read as growth that is not there.
GLOBAL_DEPENDANTS = (
    "people dependent on ASM (1999 estimate)",
    "people dependent on ASM (2013 estimate)",
    "people depending on ASM for livelihoods",
)

SERIES = {
    "global_asm_workforce": GLOBAL_ASM_WORKFORCE,
    "global_asgm_workforce": GLOBAL_ASGM_WORKFORCE,
    "global_dependants": GLOBAL_DEPENDANTS,
}
# The one measure each series holds (estimates.csv `measures`); a listed figure that measures anything else is
# left out, so a series can never mix miners, dependants and jobs.
SERIES_MEASURE = {
    "global_asm_workforce": "all people in ASM",
    "global_asgm_workforce": "one mineral only",
    "global_dependants": "dependants and livelihoods",
}


def by_original_year(frame: pd.DataFrame) -> pd.DataFrame:
    """`plot_year` of each figure set to the earliest year of its echo group where that is known and earlier:
    a quotation is placed at its original's year (`year_basis` says 'original's year')."""
    years = data.estimates().groupby("echo_group")["year"].min()
    out = frame.copy()
    original = out["echo_group"].map(years)
    earlier = original.notna() & (out["plot_year"].isna() | (original < out["plot_year"]))
    out.loc[earlier, "plot_year"] = original[earlier]
    out.loc[earlier, "year_basis"] = "original's year"
    return out


def series(name: str) -> pd.DataFrame:
    """World-scope figures of one named series and its one measure, with sources and plot years (each at its
    original's year), oldest first."""
    indicators, measure = SERIES[name], SERIES_MEASURE[name]  # noqa: F841 (read by the query below, as @names)
    frame = data.estimates().query("scope == 'world' and indicator in @indicators and measures == @measure")
    return by_original_year(data.dated(frame)).sort_values(["plot_year", "value_central"], na_position="last")


def world_supply_shares() -> pd.DataFrame:
    """ASM's share of world production or supply, per mineral, every source's figure (percent only)."""
    frame = data.estimates().query("dataset == 'supply_share' and scope == 'world' and unit == 'percent'")
    frame = data.dated(frame)
    frame["mineral_group"] = frame["mineral"].map(minerals.same_mineral)
    return frame


def _world(query: str) -> pd.DataFrame:
    return by_original_year(data.dated(data.estimates().query(f"scope == 'world' and ({query})")))


# The dashboard's headline indicators: which world figures answer each question. "Countries with ASM" counts all
# ASM, never the countries with gold mining only (a different count). Units differ within "mercury use" (all ASGM
# use vs. the main users): the indicator text stays with every figure, so a reader sees what each one counts.
HEADLINES = {
    "People working in ASM": lambda: series("global_asm_workforce"),
    "People depending on ASM": lambda: series("global_dependants"),
    "Countries with ASM": lambda: _world("unit == 'countries' and indicator.str.contains('with AS') and mineral == ''"),
    "ASM share of world gold": lambda: _world(
        "dataset == 'supply_share' and mineral == 'gold' and unit == 'percent' and not indicator.str.contains('1990s')"
    ),
    "Value of ASM gold output": lambda: _world(
        "dataset == 'other' and unit.str.startswith('USD') and indicator.str.contains('value')"
    ),
    "Mercury used in ASGM": lambda: _world(
        "dataset == 'mercury' and unit == 't/yr' "
        "and indicator.str.contains('mercury use') and indicator.str.contains('global')"
    ),
}


# What each headline counts, in a reader's words (the landing page says it beside the number).
HEADLINE_COUNTS = {
    "People working in ASM": "the miners themselves, all minerals",
    "People depending on ASM": "miners, their families and the local economy around them",
    "Countries with ASM": "countries where ASM of any mineral takes place, not gold only",
    "ASM share of world gold": "ASM's part of the world's gold supply",
    "Value of ASM gold output": "the value of the gold ASM produces in a year",
    "Mercury used in ASGM": "mercury used in artisanal gold mining, world totals",
}


def headlines() -> dict[str, pd.DataFrame]:
    """Every figure behind each headline indicator, oldest first."""
    return {name: select().sort_values("plot_year", na_position="first") for name, select in HEADLINES.items()}


def world_gold_output() -> pd.DataFrame:
    """Estimates of the gold ASM produces worldwide in a year (tonnes), every source."""
    return _world(
        "mineral == 'gold' and unit in ('t/yr', 't') and indicator.str.contains('production')"
        " and not indicator.str.contains('revision')"
    )


_WOMEN = r"women|female"


def derived_female_coverage(derived: pd.DataFrame | None = None) -> str:
    """Which countries the computed women's shares cover, in a sentence computed from the data, so every page that
    shows them says the same: 'the 50 countries whose inventory sheet gives both ...; 2 with a women's figure but
    no best estimate above zero (A, B) are left out'."""
    from asmhub_utils.chapters import display

    derived = derived_female_shares() if derived is None else derived
    frame = data.estimates().query("scope == 'country' and dataset == 'miners_by_country'")
    with_female = set(frame.loc[frame["indicator"] == "female ASM miners (estimate)", "iso3"])
    left_out = display.by_name(with_female - set(derived["iso3"]))
    text = (
        f"the {display.count(derived['iso3'].nunique(), 'country', 'countries')} whose inventory sheet gives "
        "both an estimate of women miners and a best estimate of all miners above zero for the same year"
    )
    if left_out:
        names = ", ".join(display.country_name(code) for code in left_out)
        text += (
            f"; {display.count(len(left_out), 'country', 'countries')} with a women's figure but no such best "
            f"estimate ({names}) {'is' if len(left_out) == 1 else 'are'} left out"
        )
    return text


def women_shares() -> pd.DataFrame:
    """Published shares of women among ASM workers (percent), world and country figures, with a `place` label."""
    frame = data.estimates().query(
        "unit == 'percent' and indicator.str.contains(@_WOMEN) and not indicator.str.contains('without')"
    )
    frame = data.dated(frame)
    frame["place"] = frame["country_name"].where(frame["scope"] != "world", "World").replace("", "World")
    return frame


def derived_female_shares() -> pd.DataFrame:
    """Women's share per country computed by this book from ONE source's own two figures for the same year:
    its 'female ASM miners (estimate)' divided by its 'ASM miners (inventory best estimate)'.

    The source (the Global ASM Population Inventory) calls many of its female figures working hypotheses, so these
    shares are as uncertain as the figures they come from. Countries whose best estimate is missing or zero are
    left out. Columns follow estimates.csv (value_* in percent), plus `female` and `total`.
    """
    frame = data.estimates().query("scope == 'country' and dataset == 'miners_by_country'")
    keys = ["iso3", "source_id", "year"]
    female = frame[frame["indicator"] == "female ASM miners (estimate)"]
    total = frame[frame["indicator"] == "ASM miners (inventory best estimate)"]
    joined = female.merge(total[keys + ["value_central"]], on=keys, suffixes=("", "_total"), how="inner")
    joined = joined[joined["value_central_total"] > 0].copy()
    share = (100 * joined["value_central"] / joined["value_central_total"]).round(1)
    joined["female"], joined["total"] = joined["value_central"], joined["value_central_total"]
    joined["value_low"] = joined["value_high"] = joined["value_central"] = share
    joined["value_text"] = share.astype(str)
    # What a tapped mark of the chart says: the share, with the two figures it is computed from (the women's
    # figure's own reading, '30,000 women', was shown for a mark drawn at 15%). The row keeps the women's record
    # and its reading (value_reading), as every other view of that record gives it (charts.mark_title).
    joined["mark_reading"] = [
        f"{value:g}% ({display.whole(women)} women of {display.whole(miners)} miners)"
        for value, women, miners in zip(share, joined["female"], joined["total"])
    ]
    joined["unit"] = "percent"
    joined["indicator"] = "women's share of ASM miners (computed: female estimate / best estimate, same source)"
    return data.dated(joined.drop(columns=["value_central_total"]))
