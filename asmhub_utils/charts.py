"""One house style for charts: readable on a phone, ranges drawn as ranges, sources in the legend."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.ticker import FuncFormatter

from .attribution import source_labels

WIDTH, HEIGHT = 6.4, 4.0  # inches; rendered at 100 dpi this fits a phone-width column without scrolling


def use_house_style() -> None:
    sns.set_theme(style="whitegrid", context="notebook", palette="colorblind")
    plt.rcParams.update({"figure.figsize": (WIDTH, HEIGHT), "figure.dpi": 100, "savefig.dpi": 100,
                         "axes.titlesize": 12, "axes.titleweight": "bold", "legend.fontsize": 8,
                         "figure.autolayout": True})


def human(value: float, _pos: object = None) -> str:
    """12,500,000 -> '12.5M'; for axis ticks."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def estimates_over_time(frame: pd.DataFrame, title: str, ylabel: str, ax: plt.Axes | None = None) -> plt.Axes:
    """Every estimate at its year: a dot for a stated figure, a bar for a range, a triangle for a bound.

    Colour = source. Bounds point the way the source does ("more than" up, "up to" / "nearly" down).
    Low-reliability sources get a hollow marker and '(low reliability)' in the legend.
    """
    use_house_style()
    frame = frame.dropna(subset=["plot_year"]).copy()
    frame["label"] = source_labels(frame)
    low = frame["source_reliability"] == "low"
    frame.loc[low, "label"] = frame.loc[low, "label"] + " (low reliability)"
    ax = ax or plt.subplots()[1]
    palette = dict(zip(frame["label"].unique(), sns.color_palette("colorblind", frame["label"].nunique())))
    for _, row in frame.iterrows():
        colour, x = palette[row["label"]], float(row["plot_year"])
        face = "white" if row["source_reliability"] == "low" else colour
        hollow = "none" if row["year_basis"] == "publication year" else face
        has_low, has_high = pd.notna(row["value_low"]), pd.notna(row["value_high"])
        if has_low and has_high and row["value_low"] != row["value_high"]:
            ax.vlines(x, row["value_low"], row["value_high"], color=colour, linewidth=4, alpha=0.6)
        if pd.notna(row["value_central"]):
            marker = "^" if has_low and not has_high else "v" if has_high and not has_low else "o"
            ax.plot(x, row["value_central"], marker=marker, markersize=8, color=colour,
                    markerfacecolor=hollow, linestyle="none")
    for label, colour in palette.items():
        ax.plot([], [], marker="o", color=colour, linestyle="none", label=label)
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    ax.set(title=title, xlabel="year the estimate refers to (hollow: year of publication)", ylabel=ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.18), ncol=1, frameon=False)
    return ax
