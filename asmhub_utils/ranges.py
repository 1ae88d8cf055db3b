"""Estimates side by side: one row per figure, a bar from low to high, a marker for the stated figure.

For comparing countries or sources where the year axis of `charts.estimates_over_time` does not fit: the
15 countries of one mercury table, or every source's estimate of ASM's share of world cobalt supply.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.ticker import FuncFormatter

from . import data, escape
from .attribution import source_labels
from .charts import HEIGHT, WIDTH, human, use_house_style


LABEL_WIDTH = 30  # characters per line of a row label, so long labels wrap instead of squeezing the chart


def marker(row: pd.Series) -> str:
    """'o' for a stated figure, '>' for a lower bound (more than), '<' for an upper bound (up to, nearly)."""
    has_low, has_high = pd.notna(row["value_low"]), pd.notna(row["value_high"])
    if has_low and not has_high:
        return ">"
    if has_high and not has_low:
        return "<"
    return "o"


def ranges_chart(frame: pd.DataFrame, label: str, title: str, xlabel: str, log: bool = False,
                 percent: bool = False) -> plt.Axes:
    """One horizontal row per numeric figure, labelled by column `label`, in the frame's order; colour = source.

    A bar spans a stated range (never reduced to its midpoint); a dot marks a stated figure or a stated
    median; a triangle marks a bound, pointing where the true value lies. Low-reliability sources get a hollow
    marker and '(low reliability)' in the legend. Rows without a number are left out: list them in a table.
    """
    use_house_style()
    frame = data.numeric(frame).copy()
    if frame.empty:
        raise ValueError(f"ranges_chart({title!r}): no figure with a number to draw")
    frame["source_label"] = source_labels(frame)
    low_grade = frame["source_reliability"] == "low"
    frame.loc[low_grade, "source_label"] = frame.loc[low_grade, "source_label"] + " (low reliability)"
    palette = dict(zip(frame["source_label"].unique(),
                       sns.color_palette("colorblind", frame["source_label"].nunique())))
    labels = [textwrap.fill(escape.chart_text(text), LABEL_WIDTH) for text in frame[label]]
    lines = sum(text.count("\n") + 1 for text in labels)
    height = max(HEIGHT, 0.2 * lines + 0.16 * len(frame) + 0.18 * len(palette) + 1.6)
    _, ax = plt.subplots(figsize=(WIDTH, height))
    for y, (_, row) in enumerate(frame.iterrows()):
        colour = palette[row["source_label"]]
        low, high = row["value_low"], row["value_high"]
        if pd.notna(low) and pd.notna(high) and low != high:
            ax.hlines(y, low, high, color=colour, linewidth=6, alpha=0.6)
        point = next((v for v in (row["value_central"], low, high) if pd.notna(v)), None)
        if point is not None and not (pd.notna(low) and pd.notna(high) and low != high
                                      and pd.isna(row["value_central"])):
            face = "white" if row["source_reliability"] == "low" else colour
            ax.plot(point, y, marker=marker(row), markersize=8, color=colour, markerfacecolor=face,
                    linestyle="none")
    for name, colour in palette.items():
        ax.plot([], [], marker="s", color=colour, linestyle="none", label=escape.chart_text(name))
    ax.set_yticks(range(len(frame)), labels=labels)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_ylim(len(frame) - 0.5, -0.5)
    if log:
        ax.set_xscale("log")
    else:
        ax.set_xlim(left=0, right=100 if percent else None)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%" if percent else human(v)))
    ax.set(title=title, xlabel=xlabel, ylabel="")
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.5 / height - 0.04), ncol=1, frameon=False)
    return ax


def row_label(frame: pd.DataFrame, what: str = "country_name") -> pd.Series:
    """'Indonesia, 2017' / 'Indonesia, undated': a row label with the year the figure refers to."""
    year = frame["year"].map(lambda y: "undated" if pd.isna(y) else str(int(y)))
    name = frame[what].where(frame[what].astype(bool) if what in frame else False, "World")
    return name.fillna("World").replace("", "World") + ", " + year
