"""Estimate charts: one row per figure with its label above its mark (ranges_chart, estimates_by_category,
headline_strips). Colour = the figure's reliability; shape = what the source states (dot, bar for a range,
triangle for a bound). Every independent estimate at its year is chart_timeline.py's (drawn without matplotlib)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from asmhub_utils import escape
from asmhub_utils.chapters import chart_publish, chart_style, data, display, glyphs
from asmhub_utils.chapters.chart_style import (
    MIN_TEXT_PT,
    RELIABILITY_COLOURS,
    WRAP,
    figure_reliability,
    human,
    legend_entries,
    mark_value,
    marker,
    use_house_style,
    wrap,
)
from asmhub_utils.chapters.chart_svg import Citations, mark_title

LINE_IN = 0.2  # height of one line of 11 pt text, inches
MARK_IN = 0.24  # height of the band holding a figure's mark
HEADING_IN = 0.3
# A phone shows about 8 inches of a WIDTH-wide chart (844 px tall screen, 390 px wide); a chart taller than one and
# a half screens repeats its value axis (tick labels in a band of AXIS_IN) every SCREEN_IN of rows, so a reader
# scrolling through the rows always has the scale in view (the women chart: 50 rows, 3 screens).
SCREEN_IN = 8.0
TALL_IN = 1.5 * SCREEN_IN
AXIS_IN = 0.3


def draw_estimate(
    ax: plt.Axes, position: float, row: pd.Series, colour: str, horizontal: bool = False, hollow: bool = False
) -> list:
    """A bar for a range, a dot for a stated figure, a triangle for a bound; returns the artists drawn."""
    low, high = row["value_low"], row["value_high"]
    drawn = []
    if pd.notna(low) and pd.notna(high) and low != high:
        span = ax.hlines if horizontal else ax.vlines
        drawn.append(span(position, low, high, color=colour, linewidth=6, alpha=0.6))
    point = mark_value(row)
    if point is None:
        return drawn
    shape = marker(row, vertical=not horizontal)
    xy = (point, position) if horizontal else (position, point)
    drawn += ax.plot(
        *xy, marker=shape, markersize=9, color=colour, markerfacecolor="white" if hollow else colour, linestyle="none"
    )
    return drawn


def _legend_handle(what: str, label: str) -> Line2D:
    """A legend line of chart_style.legend_entries: a reliability's colour, a range's bar or a bound's triangle."""
    if what == "range":
        return Line2D([], [], color="#555555", linewidth=6, alpha=0.6, label=label)
    if what == "bound":
        return Line2D([], [], marker=">", color="#555555", linestyle="none", markersize=9, label=label)
    return Line2D([], [], marker="s", markersize=9, color=RELIABILITY_COLOURS[what], linestyle="none", label=label)


def _legend(fig: plt.Figure, frame: pd.DataFrame) -> int:
    """The estimate legend: reliability colours and mark shapes present. Returns the number of lines."""
    handles = [_legend_handle(what, label) for what, label in legend_entries(frame)]
    fig.legend(handles=handles, loc="outside lower left", ncols=1, frameon=False, handletextpad=0.4)
    return len(handles)


def _repeat_axis(ax: plt.Axes, y: float, height: float) -> None:
    """The value axis again (line, ticks and labels) at `y` inches from the top of rows `height` inches tall: a
    secondary axis of the same scale, so no extra text or line joins the chart's own (its marks, its labels)."""
    low, high = sorted(ax.get_xlim())
    ticks = [t for t in ax.get_xticks() if low <= t <= high]  # a log axis lists ticks beyond its limits
    axis = ax.secondary_xaxis(1 - y / height)
    axis.set_xticks(ticks)
    axis.xaxis.set_major_formatter(ax.xaxis.get_major_formatter())
    axis.tick_params(axis="x", labelsize=MIN_TEXT_PT, colors="#555555", direction="out")
    axis.spines["top"].set_color("#bbbbbb")


def repeated_axes(body: float) -> int:
    """How many times a chart of `body` inches of rows repeats its value axis (0 up to TALL_IN)."""
    return 0 if body <= TALL_IN else int(body // SCREEN_IN)


def _rows(
    ax: plt.Axes,
    frame: pd.DataFrame,
    labels: list[str],
    headings: dict[int, str],
    cites: Citations,
    repeat_axis: bool = False,
) -> float:
    """Draw one figure per row, its wrapped label above its mark; bold headings before rows listed in
    `headings`. y is in inches from the top. With `repeat_axis`, a band for the value axis is left every
    SCREEN_IN (`ax._asm_axis_bands`). Returns the total height used."""
    y = 0.1
    next_axis = SCREEN_IN
    bands: list[float] = []
    left = blended_transform_factory(ax.transAxes, ax.transData)
    for i, ((_, row), label) in enumerate(zip(frame.iterrows(), labels)):
        if repeat_axis and y >= next_axis:
            bands.append(y + AXIS_IN)
            y += AXIS_IN + 0.05
            next_axis += SCREEN_IN
        if i in headings:
            heading = _heading(headings[i])
            ax.text(0, y, heading, transform=left, va="top", ha="left", fontweight="bold", fontsize=12, in_layout=False)
            y += HEADING_IN * (heading.count("\n") + 1)
        text = _label(label)
        ax.text(0, y, text, transform=left, va="top", ha="left", fontsize=MIN_TEXT_PT, color="#222222", in_layout=False)
        y += LINE_IN * (text.count("\n") + 1)
        tier = figure_reliability(row)
        artists = draw_estimate(ax, y + MARK_IN / 2, row, RELIABILITY_COLOURS[tier], horizontal=True)
        whole = " ".join(str(label).split())
        cites.add(row, artists, None if glyphs.shortened(whole) == whole else f"{whole}: {mark_title(row)}")
        y += MARK_IN + 0.08
    ax._asm_axis_bands = bands  # where ranges_chart draws the value axis again, once the height is known
    return y


def _heading(heading: str) -> str:
    """A group heading as drawn: shortened like a label, wrapped for its bold 12 pt."""
    return wrap(escape.chart_text(glyphs.shortened(str(heading))), WRAP - 4)


def _label(label: str) -> str:
    """A row label as drawn: at most glyphs.MAX_LABEL characters (the mark's title gives the whole), wrapped."""
    return wrap(escape.chart_text(glyphs.shortened(str(label))))


def _lines(label: str) -> int:
    """How many lines a row label takes, wrapped as _rows draws it."""
    return _label(label).count("\n") + 1


MARGIN = 0.04  # of the value axis, left empty beyond 0 and the top: a mark at either end is drawn whole


def _value_axis(ax: plt.Axes, frame: pd.DataFrame, percent: bool, log: bool) -> None:
    if log:
        ax.set_xscale("log")
    elif percent:
        ax.set_xlim(-100 * MARGIN, 100 * (1 + MARGIN))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%"))
    else:
        top = max(float(frame[["value_low", "value_high", "value_central"]].max().max()) * 1.04, 1)
        locator = MaxNLocator(5)
        end = locator.tick_values(0, top)[-1]
        ax.set_xlim(-end * MARGIN, end)
        ax.xaxis.set_major_formatter(FuncFormatter(human))
    ax.xaxis.set_major_locator(MaxNLocator(5) if not log else ax.xaxis.get_major_locator())
    if not log:  # no tick below 0 or above the end (the margins are room for marks, not values)
        low, high = ax.get_xlim()
        ax.set_xticks(
            [
                t
                for t in ax.xaxis.get_major_locator().tick_values(max(low, 0), high)
                if max(low, 0) - 1e-9 <= t <= (100 if percent else high) + 1e-9
            ]
        )
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)


def _title(fig: plt.Figure, title: str) -> None:
    """The chart's title, wrapped, from the figure's left edge (not the axes': tick labels would push it out)."""
    fig.suptitle(wrap(title, WRAP - 6), x=0.01, ha="left", fontweight="bold", fontsize=12)


def _figure(height: float) -> tuple[plt.Figure, plt.Axes]:
    use_house_style()
    fig, ax = plt.subplots(figsize=(chart_style.WIDTH, height))
    fig._asm_citations = Citations()
    return fig, ax


def _numeric(frame: pd.DataFrame, title: str) -> pd.DataFrame:
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = data.numeric(frame).copy()
    if frame.empty:
        raise ValueError(f"chart {title!r}: no figure with a number to draw")
    return frame


def _overhead(title: str, xlabel: str, legend_lines: int) -> float:
    return (
        0.3 * (wrap(title, WRAP - 6).count("\n") + 1)
        + 0.3 * (xlabel.count("\n") + 1)
        + 0.45
        + 0.24 * legend_lines
        + 0.3
    )


def ranges_chart(
    frame: pd.DataFrame,
    label: str,
    title: str,
    xlabel: str,
    log: bool = False,
    percent: bool = False,
    headings: str | None = None,
    names_source: bool = False,
) -> plt.Axes:
    """One row per numeric figure, labelled (above the mark) by column `label` and its source's short publisher
    ('Ghana, 2017 · UNEP'; with `names_source`, the label already names the source and is used alone), wrapped,
    never cut, in the frame's order.

    A bar spans a stated range (never reduced to its midpoint); a dot marks a stated figure; a triangle a bound.
    Colour = the figure's reliability. With `headings` (a column), a bold heading starts each group. Rows without a
    number are left out: list them in a table.
    """
    frame = _numeric(frame, title)
    labels = [str(row[label]) if names_source else f"{row[label]} · {publisher(row)}" for _, row in frame.iterrows()]
    heads: dict[int, str] = {}
    if headings:
        for i, value in enumerate(frame[headings]):
            if i == 0 or value != frame[headings].iloc[i - 1]:
                heads[i] = str(value) or "(not stated)"
    body = sum(LINE_IN * _lines(t) + MARK_IN + 0.08 for t in labels) + HEADING_IN * sum(
        max(1.5, _heading(h).count("\n") + 1) for h in heads.values()
    )
    repeats = repeated_axes(body)
    body += repeats * (AXIS_IN + 0.05)
    legend_lines = 3
    fig, ax = _figure(body + _overhead(title, xlabel, legend_lines) + 0.2)
    _value_axis(ax, frame, percent, log)
    if repeats:  # the axis at the top too, so the first rows are read against it
        ax.tick_params(axis="x", top=True, labeltop=True)
    used = _rows(ax, frame, labels, heads, fig._asm_citations, repeat_axis=bool(repeats))
    ax.set_ylim(used + 0.05, 0)
    for band in ax._asm_axis_bands:
        _repeat_axis(ax, band, used + 0.05)
    _title(fig, title)
    ax.set_xlabel(wrap(xlabel))
    _legend(fig, frame)
    chart_publish.publish(fig, f"Chart: {title}. {len(frame)} figures, each with its source.")
    return ax


def row_label(frame: pd.DataFrame, what: str = "country_name") -> pd.Series:
    """'Indonesia, 2017' / 'World, undated (published 2023)': a row label with the year the figure refers to."""
    frame = frame if "source_year" in frame else data.with_sources(frame)
    years = frame.apply(display.row_year, axis=1)
    name = frame[what] if what in frame else pd.Series("", index=frame.index)
    name = name.fillna("").astype(str).replace("", "World")
    return name + ", " + years


def publisher(row: pd.Series) -> str:
    """'Creamer Media / Mining Weekly': the publisher before any bracket, whole (a chart label wraps, never cuts)."""
    return display.source_short(row["source_publisher"], None)


def short_source(row: pd.Series) -> str:
    """'IGF / IISD, 2017': the short publisher and the figure's year label; a row label that names its source."""
    return f"{publisher(row)}, {display.row_year(row)}"


def _reading_order(column: pd.Series) -> pd.Series:
    """Names as a reader looks them up: case and a leading 'The' ignored (The Democratic Republic of the Congo
    under D); other columns as they are."""
    if column.dtype == object or pd.api.types.is_string_dtype(column):
        return column.fillna("").astype(str).str.casefold().str.replace(r"^the ", "", regex=True)
    return column


def estimates_by_category(
    frame: pd.DataFrame, category: str, title: str, xlabel: str, percent: bool = False, label: str | None = None
) -> plt.Axes:
    """Every figure side by side under a bold heading per `category` (e.g. mineral), labelled with its source and
    year (or, with `label`, by that column and the year): nothing averaged. Colour = the figure's reliability."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = frame.sort_values(
        [category, *([label] if label else []), "plot_year"], na_position="first", key=_reading_order
    )
    frame = frame.assign(
        _label=[short_source(r) if label is None else f"{r[label]}, {display.row_year(r)}" for _, r in frame.iterrows()]
    )
    return ranges_chart(frame, "_label", title, xlabel, percent=percent, headings=category, names_source=label is None)


def headline_strips(groups: dict[str, pd.DataFrame], units: dict[str, str]) -> plt.Figure:
    """One panel per headline indicator, stacked for a phone: every estimate on its own row, labelled with its
    source and year, drawn as a range, a point or a bound; colour = the figure's reliability."""
    use_house_style()
    groups = {name: (f if "source_publisher" in f else data.with_sources(f)) for name, f in groups.items()}
    labels = {name: [short_source(r) for _, r in f.iterrows()] for name, f in groups.items()}
    bodies = [sum(LINE_IN * _lines(t) + MARK_IN + 0.08 for t in labels[name]) + 0.1 for name in groups]
    titles = {name: wrap(f"{name} ({units[name]})", WRAP - 6) for name in groups}
    extra = sum(0.3 * (t.count("\n") + 1) + 0.5 for t in titles.values())
    fig, axes = plt.subplots(
        len(groups),
        1,
        figsize=(chart_style.WIDTH, sum(bodies) + extra + 1.2),
        gridspec_kw={"height_ratios": bodies},
        squeeze=False,
    )
    fig._asm_citations = Citations()
    for ax, (name, frame) in zip(axes[:, 0], groups.items()):
        used = _rows(ax, frame, labels[name], {}, fig._asm_citations)
        ax.set_ylim(used + 0.05, 0)
        _value_axis(ax, frame, percent=False, log=False)
        ax.set_title(titles[name], loc="left", fontsize=12)
    _legend(fig, pd.concat(groups.values()))
    chart_publish.publish(fig, "Chart: headline indicators, every estimate with its source.")
    return fig
