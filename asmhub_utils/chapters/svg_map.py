"""The map a reader can use: countries as inline SVG shapes, each named and linked to its profile.

Drawn from the same Natural Earth 1:110m shapes and the same classes as `maps` (one headline per country from
data/countries.csv, classed by its stated figure or its range's lower bound; "no national count" and "no data"
are classes of their own, a narrower national count is hatched). Each country with a profile is an `<a>` (so a
keyboard reaches it, in the order of the names) whose `<title>` gives its name, headline and year; a country
without data is a shape with a title only.

One SVG serves every view: the world and each region of `maps.REGIONS` are view boxes of the same drawing, which
book/assets/asmhub-map.js switches with a row of buttons (without the script the world is shown). The shapes are
simplified for the zoom of a regional view on a desk column (about 0.1 degree, `TOLERANCE`) and their
coordinates written as whole tenths of a degree, relative to the previous point: about 45 KB for the world as
stored, a quarter of that gzipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from asmhub_utils.chapters import data, maps, places
from asmhub_utils.html_templates import render

SCALE = 10  # SVG units per degree: coordinates are whole tenths of a degree
TOLERANCE = 0.1  # degrees; a regional view on a desk column shows about 10 px per degree
MIN_RING_AREA = 0.05  # square degrees: smaller islands vanish at every view of this map
HATCH = 16  # SVG units between the hatch lines of a narrower count
VIEW_LABELS = {
    "World": "World",
    "Africa": "Africa",
    "Latin America and the Caribbean": "Latin America",
    "Asia and the Pacific": "Asia and the Pacific",
}


@dataclass(frozen=True)
class Country:
    """One shape of the map as the template writes it."""

    iso3: str
    name: str
    title: str
    fill: str
    hatched: bool
    href: str
    path: str


def _point(lon: float, lat: float) -> tuple[int, int]:
    """Plate carree, y down from the map's top (the north edge of `maps.WORLD_EXTENT`)."""
    return round((lon - maps.WORLD_EXTENT[0]) * SCALE), round((maps.WORLD_EXTENT[3] - lat) * SCALE)


def _ring(coords) -> str:
    """'M x y l dx dy ...z' for one ring; points that round onto the previous one are dropped."""
    points: list[tuple[int, int]] = []
    for lon, lat in coords:
        point = _point(lon, lat)
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    steps = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:]))
    return f"M{points[0][0]} {points[0][1]}l{steps}z"


def path_data(shape: BaseGeometry) -> str:
    """SVG path data of a (multi)polygon, simplified and rounded; islands smaller than MIN_RING_AREA dropped."""
    simple = shape.simplify(TOLERANCE, preserve_topology=True)
    polygons = list(simple.geoms) if isinstance(simple, MultiPolygon) else [simple]
    parts = []
    for polygon in polygons:
        if not isinstance(polygon, Polygon) or polygon.area < MIN_RING_AREA:
            continue
        parts.append(_ring(polygon.exterior.coords))
        parts.extend(_ring(hole.coords) for hole in polygon.interiors if Polygon(hole).area >= MIN_RING_AREA)
    return "".join(parts)


def view_box(extent: tuple[float, float, float, float]) -> str:
    """The SVG viewBox of a (lon_min, lon_max, lat_min, lat_max) extent."""
    lon_min, lon_max, lat_min, lat_max = extent
    left, top = _point(lon_min, lat_max)
    right, bottom = _point(lon_max, lat_min)
    return f"{left} {top} {right - left} {bottom - top}"


def country_title(row: pd.Series | None, name: str) -> str:
    """'Angola: 250,000 people (range 200,000-300,000), 2017; all people in ASM'; 'Chile: no data' for a country
    with none. The unit follows a parsed number only, never the source's own words ('más de 11500 mineros')."""
    if row is None:
        return f"{name}: no data"
    if row["status"] == "no national count":
        return f"{name}: {maps.NO_COUNT_LABEL}"
    counts = places.what_it_counts(row)
    headline = places.headline_text(row)
    if places.headline_order(row) is not None:
        headline = headline.replace(" (range", " people (range", 1) if " (range" in headline else f"{headline} people"
    return f"{name}: {headline}, {places.headline_year(row)}; {counts}"


def fill_of(value_class: str | None) -> str:
    """The colour of a map class (maps.CLASS_COLOURS, NO_COUNT_COLOUR, NO_DATA_COLOUR)."""
    if value_class is None:
        return maps.NO_DATA_COLOUR
    if value_class == maps.NO_COUNT_LABEL:
        return maps.NO_COUNT_COLOUR
    labels = [label for _, _, label in maps.CLASSES]
    return maps.CLASS_COLOURS[labels.index(value_class)]


def countries(headlines: pd.DataFrame | None = None, profile_dir: str = "profiles") -> list[Country]:
    """Every shape of the map, in the order of the names (a keyboard's order), linked to `profile_dir`/ISO3.html
    when the country has a row in data/countries.csv (every such country has a profile)."""
    headlines = data.countries() if headlines is None else headlines
    rows = {row["iso3"]: row for _, row in headlines.iterrows()}
    values = places.headline_values(headlines).set_index("iso3")
    shapes = []
    for _, shape in maps.world().iterrows():
        iso3, row = shape["iso_a3"], rows.get(shape["iso_a3"])
        name = row["country_name"] if row is not None else shape["name"]
        value_class = maps.map_class(values.loc[iso3]) if iso3 in values.index else None
        path = path_data(shape.geometry)
        if not path:
            continue
        shapes.append(
            Country(
                iso3=iso3,
                name=name,
                title=country_title(row, name),
                fill=fill_of(value_class),
                hatched=row is not None and row["status"] == "narrower national",
                href=f"{profile_dir}/{iso3}.html" if row is not None else "",
                path=path,
            )
        )
    return sorted(shapes, key=lambda c: c.name)


def legend() -> list[tuple[str, str]]:
    """(colour, label) of every class the map can show, the two no-figure classes last."""
    return [(colour, label) for (_, _, label), colour in zip(maps.CLASSES, maps.CLASS_COLOURS)] + [
        (maps.NO_COUNT_COLOUR, maps.NO_COUNT_LABEL),
        (maps.NO_DATA_COLOUR, "no data"),
    ]


def map_html(title: str, headlines: pd.DataFrame | None = None, name: str = "map") -> str:
    """The map as one HTML block: view buttons (shown by the script), the SVG, a note line that names the
    country under the finger, the legend, and the script tag."""
    shapes = countries(headlines)
    views = [
        {"key": key, "label": VIEW_LABELS.get(key, key), "box": view_box(extent)}
        for key, extent in {"World": maps.WORLD_EXTENT, **{k: r.extent for k, r in maps.REGIONS.items()}}.items()
    ]
    hatches = sorted({c.fill for c in shapes if c.hatched})
    return render(
        "country_map.html",
        name=name,
        title=title,
        views=views,
        countries=shapes,
        hatches={fill: f"{name}-hatch-{i}" for i, fill in enumerate(hatches)},
        hatch=HATCH,
        stripe=HATCH // 4,
        legend=legend(),
        legend_title=maps.LEGEND_TITLE[:1].upper() + maps.LEGEND_TITLE[1:],
        narrower_label=maps.NARROWER_LABEL,
        script=places.static_url("asmhub-map.js"),
    )
