"""One house style for charts: readable on a phone, ranges drawn as ranges, sources in the legend.

Charts are drawn narrow (4.8 in at 100 dpi = 480 px) with 10 pt text, so a phone shows them at close to full
size without side-scrolling; legends sit in their own row under the axes (constrained layout reserves the space,
so they never cover the axis label), one entry per line.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from . import escape
from .attribution import source_labels

WIDTH, HEIGHT = 4.8, 4.2  # inches, at 100 dpi
# seaborn's "colorblind" palette, written out so charts need not import seaborn (0.5 s per notebook kernel).
COLOURS = ("#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133",
           "#56b4e9")
LOW_MARK = " (low reliability)"


def use_house_style() -> None:
    plt.rcParams.update({
        "figure.figsize": (WIDTH, HEIGHT), "figure.dpi": 100, "savefig.dpi": 100, "font.size": 10,
        "axes.titlesize": 11, "axes.titleweight": "bold", "axes.labelsize": 10, "legend.fontsize": 9,
        "xtick.labelsize": 9, "ytick.labelsize": 9, "axes.grid": True, "grid.color": "#dddddd",
        "axes.spines.top": False, "axes.spines.right": False, "axes.prop_cycle": plt.cycler(color=COLOURS),
        "figure.constrained_layout.use": True, "figure.autolayout": False,
    })
    _inline_without_tight_crop()


def _inline_without_tight_crop() -> None:
    """In a notebook, draw each figure once: constrained layout already keeps legends inside the figure, so the
    inline backend's default bbox_inches='tight' would only cost a second full draw per chart."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is not None:
        set_matplotlib_formats("png", bbox_inches=None)


def human(value: float, _pos: object = None) -> str:
    """12,500,000 -> '12.5M'; for axis ticks."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def palette(labels: list[str]) -> dict[str, str]:
    """A colour per label, repeating the colour-blind palette when there are more labels than colours."""
    return {label: COLOURS[i % len(COLOURS)] for i, label in enumerate(labels)}


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """Add `label`: 'Publisher (year)', with ' (low reliability)' for low-reliability sources."""
    out = frame.copy()
    out["label"] = source_labels(out)
    low = out["source_reliability"] == "low"
    out.loc[low, "label"] = out.loc[low, "label"] + LOW_MARK
    return out


def legend_below(fig: plt.Figure, ax: plt.Axes, colours: dict[str, str], hollow: set[str] = frozenset()) -> None:
    """One legend row per source, under the chart, in space the layout reserves for it."""
    for label, colour in colours.items():
        face = "white" if label in hollow else colour
        ax.plot([], [], marker="o", color=colour, markerfacecolor=face, linestyle="none",
                label=textwrap.fill(escape.chart_text(label), 52, subsequent_indent="  "))
    if colours:
        fig.legend(loc="outside lower left", ncols=1, frameon=False, handletextpad=0.3)


def draw_estimate(ax: plt.Axes, position: float, row: pd.Series, colour: str, horizontal: bool = False,
                  hollow: bool = False) -> None:
    """A bar for a range, a dot for a stated figure, a triangle for a bound ('more than' up, 'up to' down)."""
    low, high, central = row["value_low"], row["value_high"], row["value_central"]
    has_low, has_high = pd.notna(low), pd.notna(high)
    if has_low and has_high and low != high:
        span = ax.hlines if horizontal else ax.vlines
        span(position, low, high, color=colour, linewidth=5, alpha=0.55)
    point = central if pd.notna(central) else (low if has_low and not has_high else high if has_high and not has_low
                                               else None)
    if point is None or pd.isna(point):
        return
    if has_low and not has_high:
        marker = ">" if horizontal else "^"
    elif has_high and not has_low:
        marker = "<" if horizontal else "v"
    else:
        marker = "o"
    xy = (point, position) if horizontal else (position, point)
    ax.plot(*xy, marker=marker, markersize=8, color=colour, markerfacecolor="white" if hollow else colour,
            linestyle="none")


def estimates_over_time(frame: pd.DataFrame, title: str, ylabel: str, ax: plt.Axes | None = None) -> plt.Axes:
    """Every estimate at its year: a dot for a stated figure, a bar for a range, a triangle for a bound.

    Colour = source. Low-reliability sources and figures placed at their publication year (no reference year)
    get a hollow marker; low-reliability sources also get '(low reliability)' in the legend.
    """
    use_house_style()
    frame = labelled(frame.dropna(subset=["plot_year"]))
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(WIDTH, HEIGHT + 0.25 * frame["label"].nunique()))
    colours = palette(list(frame["label"].unique()))
    for _, row in frame.iterrows():
        hollow = row["source_reliability"] == "low" or row["year_basis"] == "publication year"
        draw_estimate(ax, float(row["plot_year"]), row, colours[row["label"]], hollow=hollow)
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    ax.set(title=title, xlabel="year the figure refers to\n(hollow: publication year or low reliability)",
           ylabel=ylabel)
    ax.set_ylim(bottom=0)
    legend_below(fig, ax, colours, {label for label in colours if label.endswith(LOW_MARK)})
    return ax


RELIABILITY_COLOURS = {"primary": "#0173b2", "secondary": "#de8f05", "low": "#949494"}


def short_source(row: pd.Series, width: int = 30) -> str:
    """'IGF / IISD, 2017': the publisher cut to `width` characters and the figure's year ('pub. 2025' when only
    the publication year is known, 'undated' when neither is)."""
    publisher = str(row["source_publisher"]).split(" (")[0]
    publisher = publisher if len(publisher) <= width else publisher[: width - 1].rstrip() + "…"
    if pd.isna(row["plot_year"]):
        year = "undated"
    else:
        year = ("pub. " if row.get("year_basis") == "publication year" else "") + str(int(row["plot_year"]))
    return f"{publisher}, {year}"


def estimates_by_category(frame: pd.DataFrame, category: str, title: str, xlabel: str,
                          percent: bool = False, label: str | None = None) -> plt.Axes:
    """One line per figure, grouped under a bold heading per `category` (e.g. mineral), labelled with its source
    and year: every source's estimate side by side, nothing averaged. Colour = source reliability; low-reliability
    sources are hollow and grey. With `label` (a column name, e.g. a country), lines are labelled by that column
    and the year instead of by source."""
    use_house_style()
    frame = frame.sort_values([category, *([label] if label else []), "plot_year"], na_position="first")
    groups = list(dict.fromkeys(frame[category]))
    fig, ax = plt.subplots(figsize=(WIDTH, 1.6 + 0.26 * (len(frame) + len(groups))))
    ticks, tick_labels, headings = [], [], []
    position = 0
    for group in groups:
        ticks.append(position)
        tick_labels.append(str(group))
        headings.append(position)
        position += 1
        for _, row in frame[frame[category] == group].iterrows():
            grade = row["source_reliability"]
            draw_estimate(ax, position, row, RELIABILITY_COLOURS[grade], horizontal=True, hollow=grade == "low")
            ticks.append(position)
            tick_labels.append(short_source(row) if label is None
                               else f"{row[label]}, {short_source(row).rsplit(', ', 1)[1]}")
            position += 1
    ax.set_yticks(ticks, [escape.chart_text(text) for text in tick_labels])
    for tick, label in zip(ax.get_yticklabels(), ticks):
        if label in headings:
            tick.set_fontweight("bold")
            tick.set_fontsize(10)
    ax.set_ylim(position - 0.4, -0.6)
    fig.suptitle(title, fontweight="bold", fontsize=11)
    ax.set(xlabel=xlabel)
    if percent:
        ax.set_xlim(0, 100)
    else:
        ax.xaxis.set_major_formatter(FuncFormatter(human))
        ax.set_xlim(left=0)
    ax.grid(axis="y", visible=False)
    shown = {grade: colour for grade, colour in RELIABILITY_COLOURS.items() if (frame["source_reliability"] == grade).any()}
    legend_below(fig, ax, {f"{grade}-reliability source": colour for grade, colour in shown.items()},
                 {"low-reliability source"} if "low" in shown else set())
    return ax


def headline_strips(groups: dict[str, pd.DataFrame], units: dict[str, str]) -> plt.Figure:
    """One small panel per headline indicator, stacked for a phone: every estimate on its own line, labelled
    with source and year, drawn as a range, a point or a bound; colour = source reliability."""
    use_house_style()
    heights = [0.55 + 0.3 * len(frame) for frame in groups.values()]
    fig, axes = plt.subplots(len(groups), 1, figsize=(WIDTH, sum(heights) + 0.8),
                             gridspec_kw={"height_ratios": heights})
    for ax, (name, frame) in zip(axes, groups.items()):
        for position, (_, row) in enumerate(frame.iterrows()):
            grade = row["source_reliability"]
            draw_estimate(ax, position, row, RELIABILITY_COLOURS[grade], horizontal=True, hollow=grade == "low")
        ax.set_yticks(range(len(frame)), [escape.chart_text(short_source(row, 24)) for _, row in frame.iterrows()],
                      fontsize=8)
        ax.set_ylim(len(frame) - 0.5, -0.5)
        ax.set_title(f"{name} ({units[name]})", loc="left", fontsize=10)
        ax.xaxis.set_major_formatter(FuncFormatter(human))
        ax.set_xlim(left=0, right=max(frame[["value_low", "value_high", "value_central"]].max().max() * 1.1, 1))
        ax.grid(axis="y", visible=False)
    grades = {g for frame in groups.values() for g in frame["source_reliability"]}
    shown = {f"{g}-reliability source": c for g, c in RELIABILITY_COLOURS.items() if g in grades}
    legend_below(fig, axes[-1], shown, {"low-reliability source"})
    return fig


def mined_area(frame: pd.DataFrame, value: str, title: str, ylabel: str) -> plt.Axes:
    """Amazon mined area per country and period: lines for cumulative totals, bars for new area."""
    use_house_style()
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT + 1.0))
    names = list(frame.groupby("country")[value].max().sort_values(ascending=False).index)
    colours = palette(names)
    periods = list(dict.fromkeys(frame.sort_values(["year", "quarter"], na_position="first")["period"]))
    x = {p: i for i, p in enumerate(periods)}
    for name in names:
        rows = frame[frame["country"] == name]
        ax.plot([x[p] for p in rows["period"]], rows[value], marker="o", markersize=4, color=colours[name])
    ax.set_xticks(range(len(periods)), periods, rotation=45, ha="right")
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    ax.set(title=title, ylabel=ylabel, xlabel="period of detection")
    ax.set_ylim(bottom=0)
    legend_below(fig, ax, colours)
    return ax
