"""What the world map (svg_map.py) is drawn from: the Natural Earth 1:110m countries kept in data/geo/ (no
download, no tiles), the classes a headline falls in, and the regional views.

Countries without a figure are "no data", never coloured as zero. Countries where ASM is reported but the data
holds no national count (`status` in data/countries.csv) are their own class, distinct from both. A country whose
headline is a narrower national count (one mineral, registered or illegal miners only) is classed by it and
hatched. Values are put into classes rather than a continuous scale: the estimates differ in method and year, so
only orders of magnitude are compared. A range is classed by its lower bound (the legend says so); a range is
never averaged."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from asmhub_utils import paths

CLASSES = (
    (0, 10_000, "under 10,000"),
    (10_000, 100_000, "10,000 to 99,999"),
    (100_000, 500_000, "100,000 to 499,999"),
    (500_000, 1_000_000, "500,000 to 999,999"),
    (1_000_000, float("inf"), "1 million or more"),
)
CLASS_COLOURS = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
NO_DATA_COLOUR = "#d9d9d9"
NO_COUNT_LABEL = "ASM reported; no national count"
NO_COUNT_COLOUR = "#f3e3c3"
NARROWER_LABEL = "hatched: narrower national count only"


def world() -> gpd.GeoDataFrame:
    """Natural Earth 1:110m admin-0 countries (public domain), without Antarctica."""
    from asmhub_utils.tidy.countries import USER_ASSIGNED

    frame = gpd.read_file(paths.WORLD_GEOJSON)
    # Natural Earth gives Kosovo no code (iso_a3 "-99"); the data codes it XKX (countries.USER_ASSIGNED).
    by_name = {name: code for code, name in USER_ASSIGNED.items()}
    unnamed = frame["iso_a3"] == "-99"
    frame.loc[unnamed, "iso_a3"] = frame.loc[unnamed, "name"].map(by_name).fillna("-99")
    return frame[frame["continent"] != "Antarctica"]


def class_of(value: float | None) -> str | None:
    """The class label a headcount falls in; None for a missing value."""
    if value is None or pd.isna(value):
        return None
    return next(label for low, high, label in CLASSES if low <= value < high)


def map_class(row: pd.Series) -> str | None:
    """The class a country is drawn in: a headcount class, the no-national-count class, or None (no data)."""
    if row.get("status") == "no national count":
        return NO_COUNT_LABEL
    return class_of(map_value(row))


def map_value(row: pd.Series) -> float | None:
    """The number a country is classed by: the stated figure, else the lower bound of its range."""
    for column in ("central", "low", "high"):
        if pd.notna(row[column]):
            return float(row[column])
    return None


@dataclass(frozen=True)
class Region:
    """A regional view: its extent (lon_min, lon_max, lat_min, lat_max) and the countries it shows (those
    of these Natural Earth continents, `tidy.countries.region`, but the `excluding` codes)."""

    extent: tuple[float, float, float, float]
    continents: frozenset[str]
    excluding: frozenset[str] = frozenset()

    def holds(self, iso3: str) -> bool:
        from asmhub_utils.tidy.countries import region

        return region(iso3) in self.continents and iso3 not in self.excluding


# Regional views: on a phone the whole world is a thumbnail, so the regions where ASM is counted are shown
# again at a readable scale. Each extent holds every country of its region that has a headline
# (tests/test_svg_map.py checks it against the data): Mexico to Tierra del Fuego, Turkey to the Solomon
# Islands and Tasmania.
REGIONS = {
    "Africa": Region((-19, 52, -36, 38), frozenset({"Africa"})),
    "Latin America and the Caribbean": Region(
        (-118, -33, -56.5, 33.5), frozenset({"South America", "North America"}), frozenset({"USA", "CAN", "GRL"})
    ),
    "Asia and the Pacific": Region((25, 164, -45, 57), frozenset({"Asia", "Oceania"})),
}


WORLD_EXTENT = (-180, 180, -56, 84)  # Antarctica left out
LEGEND_TITLE = "people working in ASM (a range: its lower bound)"


def missing_from_map(values: pd.DataFrame) -> list[str]:
    """ISO3 codes with a value but no shape at 1:110m (small states); pages list them under the map."""
    return sorted(set(values["iso3"]) - set(world()["iso_a3"]))
