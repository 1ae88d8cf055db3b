"""The Amazon protected-land chart (protected_area): mined area inside protected areas and indigenous territories,
per country, drawn with matplotlib. Colour = kind of land. (The mined-area chart is chart_mined_area.py.)"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from asmhub_utils import escape
from asmhub_utils.chapters import chart_publish
from asmhub_utils.chapters.chart_estimates import _figure, _title
from asmhub_utils.chapters.chart_style import LAND_COLOURS, human


def protected_area(totals: pd.DataFrame, title: str) -> plt.Axes:
    """Mined area inside protected areas and indigenous territories, per country (bars). Colour = kind of land."""
    wide = totals.pivot(index="country", columns="kind", values="area_ha").fillna(0)
    wide = wide.sort_index(key=lambda s: s.str.casefold(), ascending=False)
    fig, ax = _figure(2.0 + 0.45 * len(wide) + 0.8)
    kinds = [k for k in LAND_COLOURS if k in wide.columns]
    height = 0.8 / max(len(kinds), 1)
    for n, kind in enumerate(kinds):
        ax.barh(
            [i + n * height for i in range(len(wide))], wide[kind], height=height, color=LAND_COLOURS[kind], label=kind
        )
    ax.set_yticks(
        [i + height * (len(kinds) - 1) / 2 for i in range(len(wide))], [escape.chart_text(name) for name in wide.index]
    )
    ax.xaxis.set_major_formatter(FuncFormatter(human))
    ax.xaxis.set_major_locator(MaxNLocator(4))
    _title(fig, title)
    ax.set(xlabel="hectares", ylabel="")
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower left", ncols=1, frameon=False, title="Kind of land")
    chart_publish.publish(fig, f"Chart: {title}, by country and kind of land.")
    return ax
