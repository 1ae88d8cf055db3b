"""Amazon Mining Watch tables (data/raw/mining-detector/): mined area detected by satellite, in hectares.

The raw files are kept exactly as published (see their SOURCE.md). `national_admin_yearly.json` gives, per
country (ISO3, plus `AMAZ` for the whole Amazon) and period, the area of mining newly detected and the running
total. Periods are coded `YYYY00` for a year and `YYYY0Q` for a quarter (`202502` = 2025 Q2). The first period
(2018) holds every scar visible in the first year of imagery, not only mining new in 2018. Areas are mining
scars, not numbers of miners; very small operations are missed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pycountry

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem, display_path
from asmhub_utils.tidy import countries

NATIONAL_YEARLY = paths.MINING_DETECTOR / "boundaries__national_admin__national_admin_yearly.json"
_PAIT = (
    "boundaries__protected_areas_and_indigenous_territories__mining_by_{}__amazon_basin_2018-2025Q3_all_differences.csv"
)
PROTECTED = paths.MINING_DETECTOR / _PAIT.format("protected_areas")
INDIGENOUS = paths.MINING_DETECTOR / _PAIT.format("indigenous_territories")
REGION_ID = "AMAZ"  # the whole Amazon region in the national table
REGION_NAME = "Amazon (all countries)"
FIELDS = ("id", "admin_year", "intersected_area_ha", "intersected_area_ha_cumulative")
COLUMNS = ("iso3", "country", "year", "quarter", "period", "area_ha", "cumulative_ha", "source_id")
_RESTORE = "restore the file from the mining-detector commit named in SOURCE.md"


def _split_period(code: int) -> tuple[int, int | None]:
    year, part = divmod(int(code), 100)
    if not 1900 <= year <= 2100 or part not in (0, 1, 2, 3, 4):
        raise ValueError(f"period code {code!r} is neither YYYY00 (a year) nor YYYY0Q (a quarter)")
    return year, (part or None)


def period_label(code: int) -> str:
    """201800 -> '2018'; 202503 -> '2025 Q3'. Raises ValueError for any other form."""
    year, quarter = _split_period(code)
    return str(year) if quarter is None else f"{year} Q{quarter}"


def period_span(year: int, quarter: int | None = None) -> tuple[float, float]:
    """Where a period lies on a time axis, in years: 2023 -> (2023.0, 2024.0); 2025 Q2 -> (2025.25, 2025.5)."""
    if quarter is None or pd.isna(quarter):
        return float(year), float(year) + 1
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter {quarter!r} is not 1 to 4")
    return year + (int(quarter) - 1) / 4, year + int(quarter) / 4


def first_period_label(frame: pd.DataFrame) -> str:
    """'up to 2018': the first period holds every scar detected until then."""
    return f"up to {int(frame['year'].min())}"


def _country(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name.split(",")[0]


def source_id(path: Path = NATIONAL_YEARLY) -> str:
    """The sources.csv key of an Amazon Mining Watch file: the source whose URL names it."""
    sources = pd.read_csv(paths.SOURCES, dtype=str, keep_default_na=False)
    found = sources.loc[sources["url"].str.endswith("/" + Path(path).name.split("__")[-1]), "source_id"]
    if found.empty:
        raise DataError(
            [
                Problem(
                    display_path(paths.SOURCES),
                    None,
                    "url",
                    Path(path).name,
                    "no source in sources.csv points at this Amazon Mining Watch file",
                    "run `make data` so the source sweep's record of it is in sources.csv",
                )
            ]
        )
    return found.iloc[0]


def _record(where: str, number: int, record: dict) -> tuple[dict | None, Problem | None]:
    """One checked row of the national table, or the problem that stops it."""
    missing = [f for f in FIELDS if f not in record]
    if missing:
        return None, Problem(where, number, missing[0], None, "field missing in record", _RESTORE)
    code = str(record["id"])
    if code != REGION_ID and not (re.fullmatch(r"[A-Z]{3}", code) and countries.is_iso3(code)):
        return None, Problem(
            where, number, "id", code, "not an ISO 3166-1 alpha-3 code or AMAZ", "use the country's ISO3 code"
        )
    try:
        year, quarter = _split_period(record["admin_year"])
        new, total = float(record["intersected_area_ha"]), float(record["intersected_area_ha_cumulative"])
    except (TypeError, ValueError) as error:
        return None, Problem(
            where,
            number,
            "admin_year",
            str(record["admin_year"]),
            str(error),
            "periods are YYYY00 or YYYY0Q; areas are numbers of hectares",
        )
    if new < 0 or total < new:
        return None, Problem(
            where,
            number,
            "intersected_area_ha",
            str(new),
            "area is negative or larger than the cumulative area",
            _RESTORE,
        )
    region = code == REGION_ID
    return {
        "iso3": "" if region else code,
        "country": REGION_NAME if region else _country(code),
        "year": year,
        "quarter": quarter,
        "period": period_label(record["admin_year"]),
        "area_ha": new,
        "cumulative_ha": total,
    }, None


def _yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    """Every row of the national table (countries and the whole region); DataError naming each bad record."""
    where = display_path(path)
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataError(
            [Problem(where, None, None, None, f"not valid JSON ({error.msg}, line {error.lineno})", _RESTORE)]
        ) from error
    rows, problems = [], []
    for number, record in enumerate(records, start=1):
        row, problem = _record(where, number, record)
        if problem:
            problems.append(problem)
        else:
            rows.append(row)
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame(rows)
    frame["quarter"] = frame["quarter"].astype("Int64")
    frame["source_id"] = source_id(path)
    order = frame.assign(_q=frame["quarter"].fillna(0)).sort_values(["iso3", "year", "_q"]).index
    return frame.loc[order, list(COLUMNS)].reset_index(drop=True)


def national_yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    """Mined area per Amazon country and period, oldest first: iso3, country, year, quarter, period,
    area_ha (newly detected), cumulative_ha, source_id."""
    frame = _yearly(path)
    return frame[frame["iso3"] != ""].reset_index(drop=True)


def region_yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    """The same for the whole Amazon region (the source's own total), with iso3 blank."""
    frame = _yearly(path)
    return frame[frame["iso3"] == ""].reset_index(drop=True)


def _areas(path: Path, kind: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"admin_country_code": str}, keep_default_na=False)
    try:
        frame["period"] = frame["admin_year"].map(period_label)
    except ValueError as error:
        raise DataError([Problem(display_path(path), None, "admin_year", None, str(error), _RESTORE)]) from error
    frame["year"] = frame["admin_year"].astype(int) // 100
    unknown = sorted({c for c in frame["admin_country_code"] if pycountry.countries.get(alpha_2=c) is None})
    if unknown:
        raise DataError(
            [
                Problem(
                    display_path(path),
                    None,
                    "admin_country_code",
                    ", ".join(unknown),
                    "not ISO 3166-1 alpha-2 codes",
                    _RESTORE,
                )
            ]
        )
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
        area_ha=("area_ha", "sum"), n_areas=("area_id", "nunique")
    )
    return grouped.sort_values(["kind", "iso3", "year", "period"]).reset_index(drop=True)


def totals_by_country(frame: pd.DataFrame) -> pd.DataFrame:
    """Sum of new mined area over all periods (2018 to 2025 Q3) per kind and country, widest first."""
    out = frame.groupby(["kind", "iso3", "country"], as_index=False)["area_ha"].sum()
    return out.sort_values(["kind", "area_ha"], ascending=[True, False]).reset_index(drop=True)
