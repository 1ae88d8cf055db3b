"""Amazon Mining Watch: mined area per country and period, read from the raw mining-detector table.

`national_admin_yearly.json` gives, per country (ISO3, plus `AMAZ` for the whole Amazon) and period, the area of
mining newly detected in satellite imagery and the running total. Periods are coded `YYYY00` for a year and
`YYYYQQ` for a quarter (`202502` = 2025 Q2). The first period (2018) holds every scar detected up to the end
of 2018, not one year's growth, so it is labelled as such.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from . import countries, paths
from .errors import DataError, Problem, display_path

NATIONAL_YEARLY = paths.MINING_DETECTOR / "boundaries__national_admin__national_admin_yearly.json"
WHOLE_AMAZON = "AMAZ"
FIELDS = ("id", "admin_year", "intersected_area_ha", "intersected_area_ha_cumulative")
COLUMNS = ("iso3", "country", "period", "year", "quarter", "new_area_ha", "cumulative_area_ha", "source_id")


def _period(code: int) -> tuple[int, int | None]:
    year, part = divmod(code, 100)
    if part == 0:
        return year, None
    if 1 <= part <= 4:
        return year, part
    raise ValueError(f"period code {code}: the last two digits must be 00 (a year) or 01-04 (a quarter)")


def _source_id(path: Path) -> str:
    """The sources.csv key of this file: the source whose URL names it."""
    sources = pd.read_csv(paths.SOURCES, dtype=str, keep_default_na=False)
    found = sources.loc[sources["url"].str.endswith("/" + path.name.split("__")[-1]), "source_id"]
    if found.empty:
        raise DataError([Problem(display_path(paths.SOURCES), None, "url", path.name,
                                 "no source in sources.csv points at this Amazon Mining Watch file",
                                 "run `make data` so the source sweep's record of it is in sources.csv")])
    return found.iloc[0]


def national_yearly(path: Path = NATIONAL_YEARLY) -> pd.DataFrame:
    """One row per country and period, oldest first; `country` is the ISO name ('Amazon (all countries)' for AMAZ).

    Raises DataError naming the record and field when the file is malformed; nothing is returned then.
    """
    where = display_path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataError([Problem(where, None, None, None, f"not valid JSON ({error.msg}, line {error.lineno})",
                                 "restore the file from the mining-detector commit named in SOURCE.md")]) from error
    problems: list[Problem] = []
    rows = []
    for number, record in enumerate(records, start=1):
        missing = [f for f in FIELDS if f not in record]
        if missing:
            problems.append(Problem(where, number, missing[0], None, "field missing in record",
                                    "restore the file from the commit named in SOURCE.md"))
            continue
        code = str(record["id"])
        if code != WHOLE_AMAZON and not (re.fullmatch(r"[A-Z]{3}", code) and countries.is_iso3(code)):
            problems.append(Problem(where, number, "id", code, "not an ISO 3166-1 alpha-3 code or AMAZ",
                                    "use the country's ISO3 code"))
            continue
        try:
            year, quarter = _period(int(record["admin_year"]))
            new, total = float(record["intersected_area_ha"]), float(record["intersected_area_ha_cumulative"])
        except (TypeError, ValueError) as error:
            problems.append(Problem(where, number, "admin_year", str(record["admin_year"]), str(error),
                                    "periods are YYYY00 or YYYYQQ; areas are numbers of hectares"))
            continue
        if new < 0 or total < new:
            problems.append(Problem(where, number, "intersected_area_ha", str(new),
                                    "area is negative or larger than the cumulative area",
                                    "restore the file from the commit named in SOURCE.md"))
            continue
        rows.append({"iso3": "" if code == WHOLE_AMAZON else code,
                     "country": "Amazon (all countries)" if code == WHOLE_AMAZON else countries.iso_name(code),
                     "period": f"{year}" if quarter is None else f"{year} Q{quarter}",
                     "year": year, "quarter": quarter, "new_area_ha": new, "cumulative_area_ha": total})
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame(rows)
    frame["quarter"] = frame["quarter"].astype("Int64")
    frame["source_id"] = _source_id(path)
    order = frame.assign(_q=frame["quarter"].fillna(0)).sort_values(["iso3", "year", "_q"]).index
    return frame.loc[order, list(COLUMNS)].reset_index(drop=True)


def countries_only(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of single countries (drops the whole-Amazon total)."""
    return frame[frame["iso3"] != ""]


def first_period_label(frame: pd.DataFrame) -> str:
    """'up to 2018': the first period holds every scar detected until then."""
    return f"up to {int(frame['year'].min())}"
