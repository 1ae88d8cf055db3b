"""Statistical charts drawn with seaborn, inside the house style (charts.use_house_style, charts.publish and so
charts.check_layout): distributions across countries, where a box and every country's own dot say more than a
list. Colour = region (charts.PALETTES["regions"]), named beside its row; grey for any other region.

seaborn is imported when a chart is drawn, not when a chapter imports this module (it costs half a second).
"""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import MatplotlibDeprecationWarning
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from asmhub_utils import escape
from asmhub_utils.chapters import chart_style, charts

OTHER_REGION = "#949494"
ROW_LABEL = 18  # characters per line of a region's label beside its row
RATIO_TICKS = (1, 3, 10, 30, 100, 300, 1000, 3000, 10000)


def _ratio_label(value: float, _pos: object = None) -> str:
    return f"{value:g}×"


def region_rows(table: pd.DataFrame, column: str = "region") -> tuple[list[str], dict[str, str]]:
    """Regions in the order of their number of countries (most first, then by name), with their labels
    ('Africa (24)') and colours (charts.REGION_COLOURS, grey for any other)."""
    sizes = table[column].value_counts()
    order = sorted(sizes.index, key=lambda name: (-sizes[name], name))
    colours = {name: charts.REGION_COLOURS.get(name, OTHER_REGION) for name in order}
    return order, colours


def ratio_by_region(
    table: pd.DataFrame, title: str, xlabel: str, value: str = "ratio", region: str = "region"
) -> plt.Figure:
    """A box per region (median and quartiles of `value` across its countries; whiskers to 1.5 IQR) with every
    country's own dot over it, on a log axis of ratios (1x, 2x, 5x ...). Colour = region."""
    import seaborn as sns

    if table.empty:
        raise ValueError(f"chart {title!r}: no country to draw")
    if (table[value] < 1).any():
        raise ValueError(f"chart {title!r}: a ratio below 1 in column {value!r} (highest / lowest is at least 1)")
    charts.use_house_style()
    order, colours = region_rows(table, region)
    labels = {
        name: charts.wrap(f"{escape.chart_text(name)} ({(table[region] == name).sum()})", ROW_LABEL) for name in order
    }
    frame = table.assign(_row=table[region].map(labels))
    rows = [labels[name] for name in order]
    fig, ax = plt.subplots(figsize=(chart_style.WIDTH, 1.9 + 0.55 * len(order)))
    with warnings.catch_warnings():  # seaborn 0.13.2 still passes `vert=` to matplotlib 3.11's boxplot
        warnings.filterwarnings("ignore", r"vert: bool", MatplotlibDeprecationWarning)
        sns.boxplot(
            data=frame,
            x=value,
            y="_row",
            order=rows,
            log_scale=True,
            showfliers=False,
            width=0.6,
            color="white",
            linecolor="#555555",
            linewidth=1,
            ax=ax,
        )
    # seaborn draws the jitter from numpy's global random state: a fixed seed, restored after, so the page is the
    # same bytes in every build (a chart that moved its dots at random made every build a change).
    state = np.random.get_state()
    np.random.seed(0)
    try:
        sns.stripplot(
            data=frame,
            x=value,
            y="_row",
            order=rows,
            hue="_row",
            hue_order=rows,
            palette=[colours[name] for name in order],
            size=6,
            jitter=0.22,
            edgecolor="#333333",
            linewidth=0.5,
            legend=False,
            ax=ax,
        )
    finally:
        np.random.set_state(state)
    top = max(float(table[value].max()), 2.0)
    ax.set_xlim(0.8, top * 1.6)
    ax.xaxis.set_major_locator(FixedLocator([t for t in RATIO_TICKS if t <= top * 1.6]))
    ax.xaxis.set_major_formatter(FuncFormatter(_ratio_label))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel(charts.wrap(xlabel))
    ax.set_ylabel("")
    ax.grid(axis="y", visible=False)
    fig.suptitle(charts.wrap(title, charts.WRAP - 6), x=0.01, ha="left", fontweight="bold", fontsize=12)
    charts.publish(fig, f"Chart: {title}. One dot per country ({len(table)}), a box per region.")
    return fig
