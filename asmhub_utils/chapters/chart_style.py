"""The charts' house style: sizes, colours and what they mean, the layout error, and the text helpers every chart
uses (compact numbers on axes, wrapped labels, a figure's reliability). See charts.py for the rules."""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

from babel.numbers import format_compact_decimal, format_decimal

from asmhub_utils.chapters import display

if TYPE_CHECKING:
    import pandas as pd

# matplotlib is imported by the charts that draw with it, not here: chart_timeline.py uses this module without it.

WIDTH = 4.4  # inches
MIN_TEXT_PT = 11  # smallest text, in points (= SVG px); see the module docstring for the 11 px displayed rule
WRAP = 42  # characters per line of a label at 11 pt in a 4.4 in figure
LIBRARY_LINK = "asmhub-library:"  # rewritten to the page-relative library address by sphinx_ext/library_links
RELIABILITY_COLOURS = {"primary": "#0173b2", "secondary": "#de8f05", "low": "#949494"}
RELIABILITY_LABELS = {
    "primary": "primary source",
    "secondary": "secondary source (quoted by another publisher)",
    "low": "low-reliability source",
}
# seaborn's "colorblind" palette, written out (no seaborn import in a kernel).
COLOURS = ("#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133", "#56b4e9")
LAND_COLOURS = {"protected area": "#029e73", "indigenous territory": "#cc78bc"}
REGION_COLOURS = {
    "Africa": "#029e73",
    "Asia": "#d55e00",
    "South America": "#cc78bc",
    "North America": "#ca9161",
    "Europe": "#56b4e9",
    "Oceania": "#fbafe4",
}  # any other region (or none stated): grey
PALETTES = {
    "estimates": ("source reliability", RELIABILITY_COLOURS),
    "amazon": ("country (fixed per country, by name)", COLOURS),
    "land": ("kind of land", LAND_COLOURS),
    "regions": ("region (named beside its row)", REGION_COLOURS),
}


class ChartLayoutError(RuntimeError):
    """A chart whose plot area collapsed or whose text left the figure or is too small to read."""


def use_house_style() -> None:
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "figure.figsize": (WIDTH, 4.2),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "legend.fontsize": 11,
            "legend.title_fontsize": 11,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": plt.cycler(color=COLOURS),
            "figure.constrained_layout.use": True,
            "figure.autolayout": False,
            "svg.fonttype": "none",
            "svg.hashsalt": "asmhub",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],  # + Noto when needed: glyphs.py
        }
    )


def human(value: float, _pos: object = None, locale: str = display.LOCALE) -> str:
    """12,500,000 -> '12.5M', 1,500 -> '1.5k'; for axis ticks: CLDR's short compact form (Babel) to three
    significant digits. English thousands are 'k' (the book's wording; CLDR writes 'K')."""
    if abs(value) < 1000:
        return display.number(value, locale) if value == int(value) else format_decimal(value, "@##", locale)
    scaled = abs(value) / 10 ** (3 * min(int(math.log10(abs(value)) // 3), 4))
    digits = max(0, 3 - len(str(int(scaled))))
    text = format_compact_decimal(value, format_type="short", fraction_digits=digits, locale=locale)
    return text.replace("K", "k") if locale == "en" else text


def wrap(text: str, width: int = WRAP) -> str:
    return textwrap.fill(" ".join(str(text).split()), width, break_long_words=True)


def palette(labels: list[str]) -> dict[str, str]:
    """A colour per label, in the given order, repeating the colour-blind palette when needed."""
    return {label: COLOURS[i % len(COLOURS)] for i, label in enumerate(labels)}


def figure_reliability(row: pd.Series | dict) -> str:
    """The figure's reliability as the tables show it (display.reliability); low where it has none."""
    tier = display.reliability(row)
    return tier if tier in RELIABILITY_COLOURS else "low"


def marker(row: pd.Series | dict, vertical: bool = False) -> str:
    """'o' for a stated figure, '>' for a lower bound (more than), '<' for an upper bound (up to, nearly); on a
    vertical value axis the triangles point up ('^') and down ('v')."""
    import pandas as pd

    has_low, has_high = pd.notna(row["value_low"]), pd.notna(row["value_high"])
    shape = ">" if has_low and not has_high else "<" if has_high and not has_low else "o"
    return {">": "^", "<": "v"}.get(shape, shape) if vertical else shape


def mark_value(row: pd.Series | dict) -> float | None:
    """Where an estimate's mark sits: its stated figure, else its one bound (the value as the row holds it); None
    for a range alone."""
    import pandas as pd

    low, high, central = row["value_low"], row["value_high"], row["value_central"]
    if pd.notna(central):
        return central
    if pd.notna(low) and pd.isna(high):
        return low
    if pd.notna(high) and pd.isna(low):
        return high
    return None


RANGE_LABEL = "bar: a range as published"
BOUND_LABEL = "triangle: a bound (more than / up to)"


def legend_entries(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(what, label) for each line of an estimate chart's legend: each reliability drawn ('primary', ...), in
    RELIABILITY_COLOURS' order, then 'range' when a range is drawn and 'bound' when a bound is."""
    tiers = {figure_reliability(row) for _, row in frame.iterrows()}
    entries = [(tier, RELIABILITY_LABELS[tier]) for tier in RELIABILITY_COLOURS if tier in tiers]
    low, high = frame["value_low"], frame["value_high"]
    if (low.notna() & high.notna() & (low != high)).any():
        entries.append(("range", RANGE_LABEL))
    if (low.notna() ^ high.notna()).any():
        entries.append(("bound", BOUND_LABEL))
    return entries
