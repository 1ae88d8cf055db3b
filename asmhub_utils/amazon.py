"""Amazon Mining Watch tables (data/raw/mining-detector/): mined area detected by satellite, in hectares.

The raw files are kept exactly as published (see their SOURCE.md). Periods are coded `YYYY00` for a year and
`YYYY0Q` for a quarter of 2025 (`202502` = up to the second quarter, `202503` = the third quarter). The first
period (2018) holds all mining already visible in the first year of imagery, not only mining new in 2018.
Areas are mining scars, not numbers of miners; very small operations are missed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pycountry

from . import paths
from .errors import DataError, Problem, display_path

NATIONAL_YEARLY = paths.MINING_DETECTOR / "boundaries__national_admin__national_admin_yearly.json"
_PAIT = "boundaries__protected_areas_and_indigenous_territories__mining_by_{}__amazon_basin_2018-2025Q3_all_differences.csv"
PROTECTED = paths.MINING_DETECTOR / _PAIT.format("protected_areas")
INDIGENOUS = paths.MINING_DETECTOR / _PAIT.format("indigenous_territories")
REGION_ID = "AMAZ"  # the whole Amazon region in the national table


def period_label(code: int) -> str:
    """201800 -> '2018'; 202503 -> '2025 Q3'. Raises ValueError for any other form."""
    year, part = divmod(int(code), 100)
    if not 1900 <= year <= 2100 or part not in (0, 1, 2, 3, 4):
        raise ValueError(f"period code {code!r} is neither YYYY00 (a year) nor YYYY0Q (a quarter)")
    return str(year) if part == 0 else f"{year} Q{part}"


def _country(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name.split(",")[0]


def _periods(frame: pd.DataFrame, column: str, path: Path) -> pd.DataFrame:
    try:
        frame["period"] = frame[column].map(period_label)
    except ValueError as error:
        raise DataError([Problem(display_path(path), None, column, None, str(error),
                                 "restore the file from the upstream repository (see SOURCE.md)")]) from error
    frame["year"] = frame[column].astype(int) // 100
    return frame


def _yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    frame = pd.DataFrame(records)
    expected = {"id", "admin_year", "intersected_area_ha", "intersected_area_ha_cumulative"}
    if missing := expected - set(frame.columns):
        raise DataError([Problem(display_path(path), None, ", ".join(sorted(missing)), None,
                                 "the national yearly table lacks these fields",
                                 "restore the file from the upstream repository (see SOURCE.md)")])
    frame = _periods(frame, "admin_year", path)
    return frame.rename(columns={"intersected_area_ha": "area_ha", "intersected_area_ha_cumulative": "cumulative_ha"})


def national_yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    """Mined area per Amazon country and period: iso3, country, year, period, area_ha (new), cumulative_ha."""
    frame = _yearly(path)
    frame = frame[frame["id"] != REGION_ID].rename(columns={"id": "iso3"})
    frame["country"] = frame["iso3"].map(_country)
    columns = ["iso3", "country", "year", "period", "area_ha", "cumulative_ha"]
    return frame[columns].sort_values(["iso3", "year", "period"]).reset_index(drop=True)


def region_yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    """The same for the whole Amazon region (the source's own total): year, period, area_ha, cumulative_ha."""
    frame = _yearly(path)
    frame = frame[frame["id"] == REGION_ID]
    return frame[["year", "period", "area_ha", "cumulative_ha"]].reset_index(drop=True)


def _areas(path: Path, kind: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"admin_country_code": str}, keep_default_na=False)
    frame = _periods(frame, "admin_year", path)
    unknown = sorted({c for c in frame["admin_country_code"] if pycountry.countries.get(alpha_2=c) is None})
    if unknown:
        raise DataError([Problem(display_path(path), None, "admin_country_code", ", ".join(unknown),
                                 "not ISO 3166-1 alpha-2 codes", "restore the file from upstream (see SOURCE.md)")])
    frame["iso3"] = frame["admin_country_code"].map(lambda c: pycountry.countries.get(alpha_2=c).alpha_3)
    frame["country"] = frame["iso3"].map(_country)
    frame["kind"] = kind
    return frame.rename(columns={"id": "area_id", "intersected_area_ha": "area_ha"})


def protected_and_indigenous(protected: Path = PROTECTED, indigenous: Path = INDIGENOUS) -> pd.DataFrame:
    """Newly detected mined area inside protected areas and indigenous territories, per country, kind and period.

    Columns: kind ('protected area' or 'indigenous territory'), iso3, country, year, period, area_ha,
    n_areas (how many distinct protected areas or territories had new mining in that period).
    """
    frame = pd.concat([_areas(protected, "protected area"), _areas(indigenous, "indigenous territory")])
    grouped = frame.groupby(["kind", "iso3", "country", "year", "period"], as_index=False).agg(
        area_ha=("area_ha", "sum"), n_areas=("area_id", "nunique"))
    return grouped.sort_values(["kind", "iso3", "year", "period"]).reset_index(drop=True)


def totals_by_country(frame: pd.DataFrame) -> pd.DataFrame:
    """Sum of new mined area over all periods (2018 to 2025 Q3) per kind and country, widest first."""
    out = frame.groupby(["kind", "iso3", "country"], as_index=False)["area_ha"].sum()
    return out.sort_values(["kind", "area_ha"], ascending=[True, False]).reset_index(drop=True)
