"""Unit names as sources write them, mapped to one spelling per unit. The original is always kept."""

import re

# Source spelling -> normalised unit. Spellings not listed are already normal.
NORMALISED: dict[str, str] = {
    "tonnes/yr": "t/yr",
    "tonnes (per year, text truncated in stored copy)": "t/yr",
    "tonnes": "t",
    "hectares": "ha",
    "mine sites": "sites",
}

# Units a contribution may use (the contribution standard lists exactly these).
ALLOWED: tuple[str, ...] = (
    "persons",
    "percent",
    "ratio",
    "t/yr",
    "t",
    "kg/yr",
    "kg",
    "ha",
    "sites",
    "mines",
    "operations",
    "countries",
    "provinces",
    "registrations",
    "deaths",
    "deaths/yr",
    "deaths/month",
    "injuries per 100 person-years",
    "carats",
    "carats/yr",
    "USD",
    "USD/yr",
    "USD/month",
    "USD/day",
    "g Hg per g Au",
    "year",
    "date",
    "text",
)
COUNT_UNITS = frozenset(
    {
        "persons",
        "sites",
        "mines",
        "operations",
        "countries",
        "provinces",
        "registrations",
        "deaths",
        "deaths/yr",
        "deaths/month",
        "carats",
        "carats/yr",
        "t",
        "t/yr",
        "kg",
        "kg/yr",
        "ha",
    }
)


def normalise_unit(unit: str) -> str:
    """The one spelling used in `data/estimates.csv` for a unit as the source wrote it."""
    unit = " ".join(unit.split())
    return NORMALISED.get(unit, unit)


# Annual flows: a quantity or an amount of money that a source gives for a year (production, exports, value)
# is a flow per year. Cumulative totals, targets and one-off events stay as they are.
_FLOW = re.compile(
    r"production|produced|output|exports?\b|deliveries|purchased|extracted|"
    r"value of|economic value|revenue|annual|per year|a year|annually",
    re.I,
)
_NOT_A_FLOW = re.compile(r"cumulative|target|in total|since|stock|reserve|one day|local:", re.I)
PER_YEAR = {"t": "t/yr", "kg": "kg/yr", "USD": "USD/yr", "carats": "carats/yr"}


def per_year(unit: str, indicator: str, note: str = "") -> str:
    """`unit` as a flow per year when the figure is an annual flow (production, exports, value); else unchanged."""
    if unit in PER_YEAR and _FLOW.search(f"{indicator} {note}") and not _NOT_A_FLOW.search(f"{indicator} {note}"):
        return PER_YEAR[unit]
    return unit
