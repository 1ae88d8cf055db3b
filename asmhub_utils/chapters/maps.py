"""World choropleth from the Natural Earth 1:110m countries kept in data/geo/ (no download, no tiles).

Countries without a figure are drawn grey and labelled "no data", never coloured as zero. Countries where ASM is
reported but the data holds no national count (`status` in data/countries.csv) are their own class, in a pale
colour distinct from both. A country whose headline is a narrower national count (one mineral, registered or
illegal miners only) is coloured by it and hatched. Values are put into
classes rather than a continuous scale: the estimates differ in method and year, so only orders of magnitude
are compared. A range is classed by its lower bound (the legend says so); a range is never averaged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from asmhub_utils import paths
from asmhub_utils.chapters import chart_style, charts

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
    """A regional panel: its extent (lon_min, lon_max, lat_min, lat_max) and the countries it is drawn for (those
    of these Natural Earth continents, `tidy.countries.region`, but the `excluding` codes)."""

    extent: tuple[float, float, float, float]
    continents: frozenset[str]
    excluding: frozenset[str] = frozenset()

    def holds(self, iso3: str) -> bool:
        from asmhub_utils.tidy.countries import region

        return region(iso3) in self.continents and iso3 not in self.excluding


# Regional panels: on a phone the whole world is a thumbnail, so the regions where ASM is counted are drawn
# again at a readable scale. Each extent holds every country of its region that has a headline
# (tests/test_chart_geometry.py checks it against the data): Mexico to Tierra del Fuego, Turkey to the Solomon
# Islands and Tasmania.
REGIONS = {
    "Africa": Region((-19, 52, -36, 38), frozenset({"Africa"})),
    "Latin America and the Caribbean": Region(
        (-118, -33, -56.5, 33.5), frozenset({"South America", "North America"}), frozenset({"USA", "CAN", "GRL"})
    ),
    "Asia and the Pacific": Region((25, 164, -45, 57), frozenset({"Asia", "Oceania"})),
}


def _classed(values: pd.DataFrame) -> gpd.GeoDataFrame:
    shapes = world()
    if "status" not in values:
        values = values.assign(status="national")
    classed = values.assign(value_class=values.apply(map_class, axis=1))
    return shapes.merge(classed[["iso3", "value_class", "status"]], left_on="iso_a3", right_on="iso3", how="left")


def _draw(ax: plt.Axes, merged: gpd.GeoDataFrame) -> list[Patch]:
    """Draw the classed countries on `ax`; returns the legend handles of what the map can show."""
    merged[merged["value_class"].isna()].plot(ax=ax, color=NO_DATA_COLOUR, edgecolor="white", linewidth=0.3)
    handles = []
    for (_, _, label), colour in zip(CLASSES, CLASS_COLOURS):
        part = merged[merged["value_class"] == label]
        if not part.empty:
            part.plot(ax=ax, color=colour, edgecolor="white", linewidth=0.3)
        handles.append(Patch(facecolor=colour, label=label))
    narrower = merged[merged["status"] == "narrower national"]
    if not narrower.empty:
        narrower.plot(ax=ax, facecolor="none", edgecolor="#ffffff", hatch="////", linewidth=0)
        handles.append(Patch(facecolor="#bbbbbb", hatch="////", edgecolor="#ffffff", label=NARROWER_LABEL))
    no_count = merged[merged["value_class"] == NO_COUNT_LABEL]
    if not no_count.empty:
        no_count.plot(ax=ax, color=NO_COUNT_COLOUR, edgecolor="white", linewidth=0.3)
    handles.append(Patch(facecolor=NO_COUNT_COLOUR, label=NO_COUNT_LABEL))
    handles.append(Patch(facecolor=NO_DATA_COLOUR, label="no data"))
    ax.set_axis_off()
    return handles


WORLD_EXTENT = (-180, 180, -56, 84)  # Antarctica left out
DESK_WIDTH = 7.2  # inches: 691 CSS px at natural size, about the book's column on a desk screen
LEGEND_TITLE = "people working in ASM (a range: its lower bound)"


def _shape(extent: tuple[float, float, float, float]) -> float:
    """Height / width of a panel showing `extent` as geopandas draws it (1 / cos(mid latitude) aspect)."""
    lon_min, lon_max, lat_min, lat_max = extent
    return (lat_max - lat_min) / (lon_max - lon_min) / math.cos(math.radians((lat_min + lat_max) / 2))


def layout(regions: bool, desk: bool) -> list[list[str]]:
    """Rows of panels: on a phone one panel a row; on a desk the world across, then the regions two a row when
    they are about as tall as wide (Africa, Latin America), a wide region (Asia and the Pacific) across."""
    names = list(REGIONS) if regions else []
    if not desk:
        return [["World"]] + [[name] for name in names]
    rows, waiting = [["World", "World"]], None
    for name in names:
        if _shape(REGIONS[name].extent) < 0.75:
            rows.append([name, name])
        elif waiting:
            rows.append([waiting, name])
            waiting = None
        else:
            waiting = name
    if waiting:
        rows.append([waiting, waiting])
    return rows


def draw(values: pd.DataFrame, title: str, regions: bool = True, desk: bool = False) -> plt.Figure:
    """The classed map of `values` (see `choropleth`) laid out for a phone (`chart_style.WIDTH` wide, one panel a
    row) or a desk screen (DESK_WIDTH wide, `layout`). Each panel shows its extent whole (equal-aspect maps)."""
    charts.use_house_style()
    merged = _classed(values)
    rows = layout(regions, desk)
    width = DESK_WIDTH if desk else chart_style.WIDTH
    extents = {"World": WORLD_EXTENT, **{name: region.extent for name, region in REGIONS.items()}}
    heights = [max(_shape(extents[name]) * width / len(set(row)) for name in row) + 0.35 for row in rows]
    legend_rows = (7 + 1) // 2 + 1 if desk else 7 + 2
    fig = plt.figure(figsize=(width, sum(heights) + 0.3 * legend_rows + 0.8))
    axes = fig.subplot_mosaic(rows, height_ratios=heights)
    handles: list[Patch] = []
    for name, ax in axes.items():
        handles = _draw(ax, merged)
        lon_min, lon_max, lat_min, lat_max = extents[name]
        ax.set_xlim(lon_min, lon_max)
        ax.set_ylim(lat_min, lat_max)
        ax.set_aspect(_shape(extents[name]) * (lon_max - lon_min) / (lat_max - lat_min), adjustable="box")
        ax.set_title(
            name if name != "World" else charts.wrap(title, charts.WRAP - 6 if not desk else 70),
            loc="left",
            fontsize=12,
            fontweight="bold" if name == "World" else "normal",
        )
    fig.legend(
        handles=handles,
        loc="outside lower left",
        ncols=2 if desk else 1,
        frameon=False,
        title=LEGEND_TITLE if desk else LEGEND_TITLE.replace(" (", "\n("),
    )
    fig._asm_world = axes["World"]
    return fig


def choropleth(values: pd.DataFrame, title: str, regions: bool = True, name: str = "map") -> plt.Axes:
    """Draw `values` (columns iso3, central, low, high, and optionally status from data/countries.csv) on the
    world map, in classes, with a no-national-count class and a no-data class, narrower counts hatched; then
    (with `regions`) each region of REGIONS at a scale a phone can read. Drawn twice, for a phone and for a desk
    screen, and shown as one picture at the column's width (the browser fetches one of the two, `name`-*.png).
    Returns the world panel of the phone map."""
    phone, desk = draw(values, title, regions), draw(values, title, regions, desk=True)
    shown = ", ".join(REGIONS) if regions else ""
    alt = (
        f"World map{' and maps of ' + shown if shown else ''}: {title}, each country coloured by its class "
        f"({', '.join(label for _, _, label in CLASSES)}); {NO_COUNT_LABEL.lower()} in a pale colour; "
        "no data in grey."
    )
    charts.publish_picture(phone, desk, name, alt)
    return phone._asm_world


def missing_from_map(values: pd.DataFrame) -> list[str]:
    """ISO3 codes with a value but no shape at 1:110m (small states); pages list them under the map."""
    return sorted(set(values["iso3"]) - set(world()["iso_a3"]))
