"""Amazon mined area per country over time (mined_area), written as SVG from the template of chart_timeline.py,
without a drawing library.

It draws what the matplotlib chart it replaces drew: one line per
country on a true time axis in whole years, a dot for a whole year and a diamond for a quarter, colour fixed per
country, every point citing its source, a legend of countries and shapes. Why not matplotlib: the chart is on every
Amazon country's profile, where it was the one reason to import matplotlib. `asmhub profile BRA`: the chart's cell
took 1.5 s of the command's 3.6 s (importing matplotlib, drawing, the layout check, writing the SVG), the other
cells 0.03-0.13 s each. As in chart_timeline, the layout gate is by construction: every text is measured with the
font's widths (chart_text) and placed inside the drawing, every point inside the plot area; `problems` checks both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from asmhub_utils.chapters import chart_publish, chart_style, chart_text, data, display
from asmhub_utils.chapters.chart_style import MIN_TEXT_PT, ChartLayoutError, palette
from asmhub_utils.chapters.chart_svg import source_citation, source_link
from asmhub_utils.chapters.chart_timeline import (
    GRID,
    HANDLE_X,
    INK,
    KEY,
    LABEL_X,
    LEGEND_LINE,
    LINE,
    PAD,
    PLOT_HEIGHT,
    PT_PER_IN,
    TICK,
    Mark,
    Text,
    Timeline,
    fill_style,
    line_path,
    mark_path,
    nice_ticks,
    problems,
    title_texts,
    value_axis,
)

POINT = 2.5  # a point's half size: matplotlib's markersize 5, as the chart it replaces
OVERHANG = POINT * math.sqrt(2) + 1  # how far a point at the axis's end reaches past it: a diamond and its stroke
LINE_WIDTH = 1.5
HEADROOM = 1.06  # above the largest value
MARGIN = 0.04  # of the value axis, left empty below 0: a point at 0 is drawn whole
MAX_YEAR_NAMES = 8  # names on the year axis, at most: more would overlap
LEGEND_TITLE = "Country (colour) and period (shape)"
COLUMN_GAP = 16.0


def country_colours(names: list[str]) -> dict[str, str]:
    """One colour per Amazon country, fixed by the alphabetical order of all names given (same in every chart)."""
    return palette(sorted(set(names)))


@dataclass(frozen=True)
class AmazonMeasure:
    """What a column of the Amazon tables holds, how a point of it is read, and where on the time axis it sits."""

    says: str  # written after the value in a point's title
    placed: str  # 'end' (a running total at the end of its period) or 'middle' (what the period added)
    axis: str  # the time axis label: what a point is and where it sits


AMAZON_MEASURES = {
    "cumulative_ha": AmazonMeasure(
        "mined in total by the end of", "end", "year (a point: the total at the end of its period)"
    ),
    "area_ha": AmazonMeasure(
        "of mining newly detected in", "middle", "year (a point: the area new in its period, at its middle)"
    ),
}
PERIOD_MARKERS = {"year": ("o", "dot: a whole year"), "quarter": ("D", "diamond: a quarter")}


def period_words(row: pd.Series) -> str:
    """'2023' / '2025 Q2 (a quarter)': an Amazon period, saying when it is not a whole year."""
    return row["period"] if pd.isna(row["quarter"]) else f"{row['period']} (a quarter)"


def mined_area_title(row: pd.Series, value: str) -> str:
    """'Brazil: 186,118 ha mined in total by the end of 2023. Earth Genome / ... (2025). Reliability: primary.'
    What one point of an Amazon chart says on hover and tap (kept short: a chart holds a hundred points, and
    every point of one chart has the same source, whose title the library entry gives)."""
    return (
        f"{row['country']}: {display.number(row[value])} ha {AMAZON_MEASURES[value].says} "
        f"{period_words(row)}. {source_citation(row, with_title=False)}"
    )


def period_time(row: pd.Series, placed: str) -> float:
    """A period's place on a true time axis, in years: its end (2023 -> 2024.0) or its middle (2025 Q2 ->
    2025.375)."""
    from asmhub_utils.chapters import amazon

    start, end = amazon.period_span(int(row["year"]), row["quarter"])
    return end if placed == "end" else (start + end) / 2


Item = tuple[str, str, str]  # a legend line: its shape ("line" or a point's), style and label


def _legend_columns(items: list[Item], room: float, size: float) -> list[tuple[float, list[Item]]]:
    """(left, items) of each legend column: two, filled down the first (as matplotlib's ncols=2), when the second's
    labels end inside `room`; else one."""
    half = -(-len(items) // 2)
    first, second = items[:half], items[half:]
    if second:
        left = LABEL_X + max(chart_text.width(label, size) for *_, label in first) + COLUMN_GAP
        if left + LABEL_X + max(chart_text.width(label, size) for *_, label in second) <= room - PAD:
            return [(0.0, first), (left, second)]
    return [(0.0, items)]


def layout(frame: pd.DataFrame, value: str, title: str, ylabel: str) -> Timeline:
    """The chart of `frame` (Amazon rows with their sources, `_x` their place in years and `_kind` year or quarter),
    every position computed."""
    measure = AMAZON_MEASURES[value]
    width = chart_style.WIDTH * PT_PER_IN
    size = MIN_TEXT_PT
    texts, top = title_texts(title, width)

    first, last = int(frame["year"].min()), int(frame["year"].max())
    x_low, x_high = float(first), float(last + 1)
    y_high = float(frame[value].max()) * HEADROOM or 1.0
    y_low = -y_high * MARGIN
    y_ticks = [t for t in nice_ticks(0, y_high, 5) if 0 <= t <= y_high]
    y_labels = [chart_style.human(t) for t in y_ticks]

    label_lines, left = value_axis(ylabel, y_labels, size)
    right = width - PAD - OVERHANG  # a point at the axis's end is drawn whole
    bottom = top + PLOT_HEIGHT

    def x_at(year: float) -> float:
        return left + (year - x_low) / (x_high - x_low) * (right - left)

    def y_at(amount: float) -> float:
        return bottom - (amount - y_low) / (y_high - y_low) * PLOT_HEIGHT

    bounds = list(range(first, last + 2))  # every 1 January: a grid line and a tick
    grid = f"stroke:{GRID};stroke-width:0.8"
    ink = f"fill:none;stroke:{INK};stroke-width:0.8"
    lines = [(line_path(x_at(t), bottom, x_at(t), top), grid) for t in bounds]
    lines += [(line_path(left, y_at(t), right, y_at(t)), grid) for t in y_ticks]
    lines += [(line_path(x_at(t), bottom, x_at(t), bottom + 2 * TICK), ink) for t in bounds]
    lines += [(line_path(left - TICK, y_at(t), left, y_at(t)), ink) for t in y_ticks]
    lines += [(line_path(left, bottom, left, top), ink), (line_path(left, bottom, right, bottom), ink)]
    step = max(1, -(-(last + 1 - first) // MAX_YEAR_NAMES))
    for n, year in enumerate(range(first, last + 1)):
        if n % step == 0:  # each year's name in the middle of its band
            texts.append(Text(x_at(year + 0.5), bottom + 2 * TICK + size * 0.8, str(year), anchor="middle"))
    for t, label in zip(y_ticks, y_labels):
        texts.append(Text(left - 2 * TICK, y_at(t) + size * 0.38, label, anchor="end"))
    axis_lines = chart_text.wrap(measure.axis, right - left, size)
    axis_top = bottom + 2 * TICK + size * (0.8 + LINE)
    for n, line in enumerate(axis_lines):
        texts.append(Text((left + right) / 2, axis_top + size * LINE * n, line, anchor="middle"))
    middle = (top + bottom) / 2
    for n, line in enumerate(label_lines):
        texts.append(Text(PAD + size * (0.8 + LINE * n), middle, line, anchor="middle", rotate=True))

    from asmhub_utils.chapters import amazon

    names = sorted(frame["country"].unique())
    colours = country_colours(amazon.national_yearly()["country"].unique().tolist() + names)
    kinds = [kind for kind in PERIOD_MARKERS if (frame["_kind"] == kind).any()]
    order = frame.groupby("country")[value].max().sort_values(ascending=False).index
    marks = []
    for name in order:
        rows = frame[frame["country"] == name]
        colour = colours[name]
        # a running total is one quantity throughout; new area per year and per quarter are not joined
        pieces = [rows] if measure.placed == "end" else [rows[rows["_kind"] == kind] for kind in kinds]
        for piece in pieces:
            points = [(x_at(x), y_at(y)) for x, y in zip(piece["_x"], piece[value])]
            if len(points) > 1:
                path = "M " + " L ".join(f"{x:.2f} {y:.2f}" for x, y in points)
                lines.append((path, f"fill:none;stroke:{colour};stroke-width:{LINE_WIDTH:g};stroke-linejoin:round"))
        for _, row in rows.iterrows():
            x, y = x_at(row["_x"]), y_at(row[value])
            reach = POINT * (math.sqrt(2) if row["_kind"] == "quarter" else 1)
            mark = Mark(mined_area_title(row, value), source_link(row))
            mark.add(
                mark_path(PERIOD_MARKERS[row["_kind"]][0], x, y, POINT),
                fill_style(colour),
                (x - reach, y - reach, x + reach, y + reach),
            )
            marks.append(mark)

    items = [(PERIOD_MARKERS[kind][0], fill_style(KEY), PERIOD_MARKERS[kind][1]) for kind in kinds]
    items += [("line", f"fill:none;stroke:{colours[name]};stroke-width:{LINE_WIDTH:g}", name) for name in order]
    y = axis_top + size * LINE * (len(axis_lines) - 1) + 10 + LEGEND_LINE
    texts.append(Text(width / 2, y, LEGEND_TITLE, anchor="middle"))
    columns = _legend_columns(items, width, size)
    for left_of_column, column in columns:
        for n, (shape, style, label) in enumerate(column, start=1):
            row_y, centre = y + LEGEND_LINE * n, left_of_column + HANDLE_X
            outline = (
                line_path(centre - 11, row_y, centre + 11, row_y)
                if shape == "line"
                else mark_path(shape, centre, row_y, POINT)
            )
            lines.append((outline, style))
            texts.append(Text(left_of_column + LABEL_X, row_y + size * 0.35, label))
    height = y + LEGEND_LINE * max(len(column) for _, column in columns) + LEGEND_LINE / 2 + PAD
    description = f"Chart: {title}, one line per country on a time axis; each point names its value, period and source."
    return Timeline(
        width,
        height,
        (left, top, right + OVERHANG, bottom),
        bounds,
        y_ticks,
        lines,
        marks,
        texts,
        description,
    )


def mined_area(frame: pd.DataFrame, value: str, title: str, ylabel: str) -> Timeline:
    """Amazon mined area per country and period on a true time scale, one line per country (`value`:
    cumulative_ha, drawn at the end of each period; or area_ha, at the middle of each period, with no line
    joining a year's total to a quarter's). Colour = country; shape = a whole year (dot) or a quarter (diamond).
    Every point cites its source like an estimate's mark (value, period, source, link to the library). Refused
    (ChartLayoutError) when a text would leave the drawing or a point the plot area; shown on the page."""
    if value not in AMAZON_MEASURES:
        raise ValueError(f"mined_area draws one of {sorted(AMAZON_MEASURES)}, not {value!r}")
    if frame.empty:
        raise ValueError(f"chart {title!r}: no Amazon period to draw")
    placed = AMAZON_MEASURES[value].placed
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = frame.assign(
        _x=[period_time(row, placed) for _, row in frame.iterrows()],
        _kind=["year" if pd.isna(q) else "quarter" for q in frame["quarter"]],
    ).sort_values("_x")
    chart = layout(frame, value, title, ylabel)
    found = problems(chart)
    if found:
        raise ChartLayoutError(f"chart {title!r}: " + "; ".join(found))
    chart_publish.show(chart_publish.svg_figure_html(chart.svg))
    return chart
