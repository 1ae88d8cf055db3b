"""Named selections of figures that pages chart together. Indicator names are the sources' own words,
so which rows belong to a series is a decision recorded here, once, with the reason."""

from __future__ import annotations

import pandas as pd

from . import data

# People working directly in ASM (all minerals), worldwide.
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
# People who depend on ASM for a living: miners, families and the local economy around them.
GLOBAL_DEPENDANTS = (
    "people dependent on ASM (1999 estimate)",
    "people dependent on ASM (2013 estimate)",
    "people depending on ASM for livelihoods",
    "direct and indirect ASM employment",
)

SERIES = {
    "global_asm_workforce": GLOBAL_ASM_WORKFORCE,
    "global_asgm_workforce": GLOBAL_ASGM_WORKFORCE,
    "global_dependants": GLOBAL_DEPENDANTS,
}


def series(name: str) -> pd.DataFrame:
    """World-scope figures of one named series, with sources and plot years, oldest first."""
    indicators = SERIES[name]
    frame = data.estimates().query("scope == 'world' and indicator in @indicators")
    return data.dated(frame).sort_values(["plot_year", "value_central"], na_position="last")
