"""Unit names as sources write them, mapped to one spelling per unit. The original is always kept."""

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
    "persons", "percent", "ratio", "t/yr", "t", "kg/yr", "kg", "ha", "sites", "mines", "operations",
    "countries", "provinces", "registrations", "deaths", "deaths/yr", "deaths/month", "injuries per 100 person-years",
    "carats", "carats/yr", "USD", "USD/yr", "USD/month", "USD/day", "g Hg per g Au", "year", "date", "text",
)
COUNT_UNITS = frozenset({"persons", "sites", "mines", "operations", "countries", "provinces", "registrations",
                         "deaths", "deaths/yr", "deaths/month", "carats", "carats/yr", "t", "t/yr", "kg", "kg/yr", "ha"})


def normalise_unit(unit: str) -> str:
    """The one spelling used in `data/estimates.csv` for a unit as the source wrote it."""
    unit = " ".join(unit.split())
    return NORMALISED.get(unit, unit)
