"""World choropleth from the Natural Earth 1:110m countries kept in data/geo/ (no download, no tiles).

Countries without a figure are drawn grey and labelled "no data", never coloured as zero. Countries where ASM is
reported but the data holds no national count (`status` in data/countries.csv) are their own class, in a pale
colour distinct from both. A country whose headline is a narrower national count (one mineral, registered or
illegal miners only) is coloured by it and hatched. Values are put into
classes rather than a continuous scale: the estimates differ in method and year, so only orders of magnitude
are compared. A range is classed by its lower bound (the legend says so); a range is never averaged.
"""

from __future__ import annotations

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from asmhub_utils import paths
from asmhub_utils.chapters import charts

CLASSES = ((0, 10_000, "under 10,000"), (10_000, 100_000, "10,000 to 99,999"),
           (100_000, 500_000, "100,000 to 499,999"), (500_000, 1_000_000, "500,000 to 999,999"),
           (1_000_000, float("inf"), "1 million or more"))
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


# Regional panels: on a phone the whole world is a thumbnail, so the regions where ASM is counted are drawn
# again at a readable scale (lon_min, lon_max, lat_min, lat_max).
REGIONS = {"Africa": (-19, 52, -36, 38), "Latin America and the Caribbean": (-93, -33, -56, 24),
           "Asia and the Pacific": (60, 155, -12, 45)}


def _classed(values: pd.DataFrame) -> gpd.GeoDataFrame:
    shapes = world()
    if "status" not in values:
        values = values.assign(status="national")
    classed = values.assign(value_class=values.apply(map_class, axis=1))
    return shapes.merge(classed[["iso3", "value_class", "status"]], left_on="iso_a3", right_on="iso3",
                        how="left")


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


def choropleth(values: pd.DataFrame, title: str, regions: bool = True) -> plt.Axes:
    """Draw `values` (columns iso3, central, low, high, and optionally status from data/countries.csv) on the
    world map, in classes, with a no-national-count class and a no-data class, narrower counts hatched; then
    (with `regions`) each region of REGIONS at a scale a phone can read. Returns the world panel."""
    charts.use_house_style()
    merged = _classed(values)
    panels = [("World", None), *REGIONS.items()] if regions else [("World", None)]
    heights = [2.5] + [3.4] * (len(panels) - 1)
    fig, axes = plt.subplots(len(panels), 1, figsize=(charts.WIDTH, sum(heights) + 3.0),
                             gridspec_kw={"height_ratios": heights}, squeeze=False)
    handles: list[Patch] = []
    for ax, (name, box) in zip(axes[:, 0], panels):
        handles = _draw(ax, merged)
        if box:
            ax.set_xlim(box[0], box[1])
            ax.set_ylim(box[2], box[3])
            ax.set_title(name, loc="left", fontsize=12)
        else:
            ax.set_title(charts.wrap(title, charts.WRAP - 6), loc="left")
    fig.legend(handles=handles, loc="outside lower left", ncols=1, frameon=False,
               title="people working in ASM\n(a range: its lower bound)")
    charts.publish(fig, f"Map: {title}, world and regions.", svg=False)
    return axes[0, 0]


def missing_from_map(values: pd.DataFrame) -> list[str]:
    """ISO3 codes with a value but no shape at 1:110m (small states); pages list them under the map."""
    return sorted(set(values["iso3"]) - set(world()["iso_a3"]))
