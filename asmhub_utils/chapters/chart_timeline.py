"""Every independent estimate at its year (estimates_over_time), written as SVG from a template, without a
drawing library.

It looks and reads like the book's other estimate charts (chart_estimates.py: the same size, font, colours, mark
shapes, legend and cited marks), but its layout is simple enough to compute here: a year axis, a value axis from 0,
one mark per estimate. Why not matplotlib: this is the one chart of a country profile, and a profile that draws no
matplotlib chart imports no matplotlib. `asmhub profile GHA` (a kernel started for one country): median 2.56 -> 2.23
s (5 interleaved runs each, reference loop 1.15 s); in the kernel the preload lost matplotlib's 0.4 s and the chart
cell went from 0.2 s to 0.03 s. The 108 profiles of a clean build, which import matplotlib once per kernel, gain
less (26.6 -> 25.7 s, 2 interleaved runs). The layout gate matplotlib's charts pass (chart_layout.check_layout) is
replaced by construction: every text is measured with the font's own widths (chart_text.py) and placed inside the
drawing, every mark inside the plot area; tests/test_chart_timeline.py checks both on extreme data, and a browser
test measures the drawn text of every chart on the built pages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from asmhub_utils import html_templates
from asmhub_utils.chapters import chart_publish, chart_style, chart_text, data
from asmhub_utils.chapters.chart_style import (
    MIN_TEXT_PT,
    RELIABILITY_COLOURS,
    ChartLayoutError,
    figure_reliability,
    legend_entries,
    mark_value,
    marker,
)
from asmhub_utils.chapters.chart_svg import DESK_SCALE, mark_title, source_link

PT_PER_IN = 72
PAD = 3.0  # around the drawing
TITLE_PT = 12
LINE = 1.2  # line height, in ems
PLOT_HEIGHT = 250.0  # the plot area, in points: about a phone screen's third
TICK = 3.5  # tick length, and the gap from a tick to its label
MARK = 4.5  # half a mark's size (9 pt, as the other estimate charts)
BAR = 6.0  # a range's bar width
LEGEND_LINE = 16.5
HANDLE_X, LABEL_X = 20.9, 36.3  # a legend line's handle (its centre) and label, from the legend's left
MARGIN = 0.04  # of the value axis, left empty below 0: a mark at 0 is drawn whole
HEADROOM = 1.134  # above the largest value (5 % and then 8 %, as the other charts): a bound's triangle is whole
GRID, INK, KEY = "#dddddd", "#000000", "#555555"


@dataclass
class Mark:
    """One estimate as drawn: what its <title> says, where its link goes, its shapes (SVG path data, style) and
    the box they cover (left, top, right, bottom; a bar's and a mark's full width)."""

    title: str
    href: str
    shapes: list[tuple[str, str]] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)

    def add(self, d: str, style: str, box: tuple[float, float, float, float]) -> None:
        self.shapes.append((d, style))
        self.boxes.append(box)


@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = MIN_TEXT_PT
    anchor: str = "start"
    bold: bool = False
    rotate: bool = False  # a quarter turn anticlockwise about (x, y): the value axis's label

    @property
    def style(self) -> str:
        weight = "font-weight:700;" if self.bold else ""
        return f"{weight}font-size:{self.size:g}px;text-anchor:{self.anchor}"


@dataclass
class Timeline:
    """The chart as written: its size (points), lines, marks, texts, and the SVG (`svg`) a page shows."""

    width: float
    height: float
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    x_ticks: list[float]
    y_ticks: list[float]
    lines: list[tuple[str, str]]
    marks: list[Mark]
    texts: list[Text]
    description: str

    @property
    def svg(self) -> str:
        return html_templates.render(
            "chart_timeline.svg",
            chart=self,
            max_width=round(self.width / PT_PER_IN * 96 * DESK_SCALE),
            number=_number,
        )


def _number(value: float) -> str:
    """A coordinate to 0.01 pt, as the other charts write them."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def nice_ticks(low: float, high: float, bins: int, integer: bool = False) -> list[float]:
    """Round ticks between `low` and `high`: at most `bins` intervals, each 1, 2, 2.5 or 5 times a power of ten
    (whole numbers only with `integer`), the smallest such interval that fits, in the manner of matplotlib's
    MaxNLocator; at least two ticks."""
    span = max(high - low, 1e-12)
    steps = (1, 2, 5, 10) if integer else (1, 2, 2.5, 5, 10)
    exponent = math.floor(math.log10(span / bins))
    for power in (exponent - 1, exponent, exponent + 1):
        for step in steps:
            size = step * 10**power
            if integer and size < 1:
                continue
            first, last = math.ceil(low / size - 1e-9), math.floor(high / size + 1e-9)
            if last - first <= bins and last > first:
                return [round(n * size, 10) for n in range(first, last + 1)]
    return [low, high]


def _circle(x: float, y: float, r: float = MARK) -> str:
    left, right, middle = _number(x - r), _number(x + r), _number(y)
    return f"M {left} {middle} A {r} {r} 0 1 0 {right} {middle} A {r} {r} 0 1 0 {left} {middle} Z"


def _polygon(points: list[tuple[float, float]]) -> str:
    return "M " + " L ".join(f"{_number(x)} {_number(y)}" for x, y in points) + " Z"


def mark_path(kind: str, x: float, y: float, r: float = MARK) -> str:
    """A mark's outline centred on (x, y), `r` from its centre to its sides: a dot 'o', triangles pointing up '^',
    down 'v' or right '>', a square 's', a diamond 'D' (its corners r * sqrt(2) away, as matplotlib's)."""
    d = r * math.sqrt(2)
    corners = {
        "^": [(x, y - r), (x - r, y + r), (x + r, y + r)],
        "v": [(x, y + r), (x - r, y - r), (x + r, y - r)],
        ">": [(x + r, y), (x - r, y - r), (x - r, y + r)],
        "s": [(x - r, y + r), (x + r, y + r), (x + r, y - r), (x - r, y - r)],
        "D": [(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
    }
    return _circle(x, y, r) if kind == "o" else _polygon(corners[kind])


def fill_style(colour: str, hollow: bool = False) -> str:
    return f"fill:{'#ffffff' if hollow else colour};stroke:{colour};stroke-linejoin:miter"


def _bar(colour: str) -> str:
    return f"fill:none;stroke:{colour};stroke-opacity:0.6;stroke-width:{BAR:g}"


def line_path(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"M {_number(x1)} {_number(y1)} L {_number(x2)} {_number(y2)}"


def _legend(frame: pd.DataFrame, hollow_any: bool) -> list[tuple[str, str, str]]:
    """(shape, style, label) per legend line: chart_style.legend_entries, then the hollow mark when one is drawn."""
    drawn = {"range": ("bar", _bar(KEY)), "bound": (">", fill_style(KEY))}
    items = [
        (*(drawn.get(what) or ("s", fill_style(RELIABILITY_COLOURS[what]))), label)
        for what, label in legend_entries(frame)
    ]
    if hollow_any:
        items.append(("o", fill_style(KEY, hollow=True), "hollow: placed at its publication year"))
    return items


def title_texts(title: str, width: float) -> tuple[list[Text], float]:
    """The chart's title wrapped to the drawing's `width`, as texts, and the top of the plot area below it."""
    lines = chart_text.wrap(title, width - 2 * PAD, TITLE_PT, "bold")
    texts = [Text(PAD, PAD + TITLE_PT * (0.93 + LINE * n), line, TITLE_PT, bold=True) for n, line in enumerate(lines)]
    return texts, PAD + TITLE_PT * LINE * len(lines) + 6


def value_axis(ylabel: str, tick_labels: list[str], size: float) -> tuple[list[str], float]:
    """The value axis's label in lines (it runs up beside the plot) and the plot area's left edge: room for the
    label, the tick labels and the ticks."""
    lines = chart_text.wrap(ylabel, PLOT_HEIGHT, size)
    tick_room = max(chart_text.width(label, size) for label in tick_labels)
    return lines, PAD + size * LINE * len(lines) + 4 + tick_room + 2 * TICK


def layout(frame: pd.DataFrame, title: str, ylabel: str) -> Timeline:
    """The chart for `frame` (dated independent estimates with their sources), every position computed."""
    width = chart_style.WIDTH * PT_PER_IN
    size = MIN_TEXT_PT
    texts, top = title_texts(title, width)

    years = frame["plot_year"].astype(float)
    x_low, x_high = years.min() - 1, years.max() + 1
    x_ticks = [t for t in nice_ticks(x_low, x_high, 5, integer=True) if x_low <= t <= x_high]
    values = frame[["value_low", "value_high", "value_central"]].astype(float)
    y_high = max(float(values.max().max()), 0.0) * HEADROOM or 1.0
    y_low = -y_high * MARGIN
    y_ticks = [t for t in nice_ticks(0, y_high, 6) if 0 <= t <= y_high]
    y_labels = [chart_style.human(t) for t in y_ticks]

    label_lines, left = value_axis(ylabel, y_labels, size)
    right = width - PAD - chart_text.width(f"{x_ticks[-1]:.0f}", size) / 2
    bottom = top + PLOT_HEIGHT

    def x_at(year: float) -> float:
        return left + (year - x_low) / (x_high - x_low) * (right - left)

    def y_at(value: float) -> float:
        return bottom - (value - y_low) / (y_high - y_low) * PLOT_HEIGHT

    grid = f"stroke:{GRID};stroke-width:0.8"
    lines = [(line_path(x_at(t), bottom, x_at(t), top), grid) for t in x_ticks]
    lines += [(line_path(left, y_at(t), right, y_at(t)), grid) for t in y_ticks]
    ink = f"fill:none;stroke:{INK};stroke-width:0.8"
    lines += [(line_path(x_at(t), bottom, x_at(t), bottom + TICK), ink) for t in x_ticks]
    lines += [(line_path(left - TICK, y_at(t), left, y_at(t)), ink) for t in y_ticks]
    lines += [(line_path(left, bottom, left, top), ink), (line_path(left, bottom, right, bottom), ink)]
    for t in x_ticks:
        texts.append(Text(x_at(t), bottom + 2 * TICK + size * 0.8, f"{t:.0f}", anchor="middle"))
    for t, label in zip(y_ticks, y_labels):
        texts.append(Text(left - 2 * TICK, y_at(t) + size * 0.38, label, anchor="end"))
    axis_label_y = bottom + 2 * TICK + size * (0.8 + LINE)
    texts.append(Text((left + right) / 2, axis_label_y, "year the figure refers to", anchor="middle"))
    middle = (top + bottom) / 2
    for n, line in enumerate(label_lines):
        texts.append(Text(PAD + size * (0.8 + LINE * n), middle, line, anchor="middle", rotate=True))

    marks, hollow_any = [], False
    for _, row in frame.iterrows():
        colour = RELIABILITY_COLOURS[figure_reliability(row)]
        hollow = row.get("year_basis") == "publication year"
        hollow_any |= hollow
        x = x_at(float(row["plot_year"]))
        mark = Mark(mark_title(row), source_link(row))
        low, high = row["value_low"], row["value_high"]
        if pd.notna(low) and pd.notna(high) and low != high:
            upper, lower = sorted((y_at(float(low)), y_at(float(high))))
            mark.add(line_path(x, lower, x, upper), _bar(colour), (x - BAR / 2, upper, x + BAR / 2, lower))
        point = mark_value(row)
        if point is not None:
            at = y_at(float(point))
            box = (x - MARK, at - MARK, x + MARK, at + MARK)
            mark.add(mark_path(marker(row, vertical=True), x, at), fill_style(colour, hollow), box)
        marks.append(mark)

    y = axis_label_y + 10
    for shape, style, label in _legend(frame, hollow_any):
        y += LEGEND_LINE
        centre = HANDLE_X
        outline = line_path(centre - 11, y, centre + 11, y) if shape == "bar" else mark_path(shape, centre, y)
        lines.append((outline, style))
        texts.append(Text(LABEL_X, y + size * 0.35, label))
    height = y + LEGEND_LINE / 2 + PAD
    description = f"Chart: {title}. {len(frame)} dated independent estimates, each with its source."
    return Timeline(width, height, (left, top, right, bottom), x_ticks, y_ticks, lines, marks, texts, description)


def text_box(text: Text) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a text as drawn: its width from the font's advances (chart_text), from its
    baseline 0.8 em up and 0.25 em down; a rotated text turned a quarter about its anchor."""
    size = text.size
    length = chart_text.width(text.text, size, "bold" if text.bold else "normal")
    start = {"start": 0.0, "middle": -length / 2, "end": -length}[text.anchor]
    if text.rotate:
        return (text.x - 0.8 * size, text.y - start - length, text.x + 0.25 * size, text.y - start)
    return (text.x + start, text.y - 0.8 * size, text.x + start + length, text.y + 0.25 * size)


def problems(chart: Timeline) -> list[str]:
    """What would be cut or unreadable: a text outside the drawing or under 11 pt, a mark outside the plot area."""
    found = []
    for text in chart.texts:
        left, top, right, bottom = text_box(text)
        if left < 0 or top < 0 or right > chart.width or bottom > chart.height:
            found.append(f"the text {text.text!r} leaves the figure")
        if text.size < MIN_TEXT_PT:
            found.append(f"the text {text.text!r} is {text.size:g} pt, under {MIN_TEXT_PT} pt")
    plot_left, plot_top, plot_right, plot_bottom = chart.plot
    for mark in chart.marks:
        for left, top, right, bottom in mark.boxes:
            if left < plot_left or right > plot_right or top < plot_top or bottom > plot_bottom:
                found.append(f"the mark of {mark.title!r} is cut by the plot area")
    return found


def estimates_over_time(frame: pd.DataFrame, title: str, ylabel: str) -> Timeline:
    """Every independent estimate at its year (`data.independent`: one mark per original estimate, however often
    quoted): a dot for a stated figure, a bar for a range, a triangle for a bound. Colour = the figure's reliability;
    hollow = placed at its source's publication year (no reference year given). Figures with no year at all are
    left out (pages list them in a table). Whole years on the year axis. Refused (ChartLayoutError) when a text
    would leave the drawing or a mark the plot area; shown on the page (chart_publish.show)."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = data.independent(frame.dropna(subset=["plot_year"]))
    frame = data.numeric(frame) if len(frame) else frame
    if frame.empty:
        raise ValueError(f"chart {title!r}: no dated figure with a number to draw")
    chart = layout(frame, title, ylabel)
    found = problems(chart)
    if found:
        raise ChartLayoutError(f"chart {title!r}: " + "; ".join(found))
    chart_publish.show(chart_publish.svg_figure_html(chart.svg))
    return chart
