"""Amazon charts: mined area per country on a true time axis (mined_area) and mined area inside protected land
(protected_area). Colour = country (fixed by name) or kind of land."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from asmhub_utils import escape
from asmhub_utils.chapters import chart_publish, data, display
from asmhub_utils.chapters.chart_estimates import MARGIN, _figure, _title
from asmhub_utils.chapters.chart_style import LAND_COLOURS, human, palette, use_house_style, wrap
from asmhub_utils.chapters.chart_svg import source_citation


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


def _year_bands(ax: plt.Axes, first: int, last: int) -> None:
    """A time axis in whole years: a grid line at each 1 January, each year's name in the middle of its band."""
    ax.set_xlim(first, last + 1)
    ax.set_xticks(range(first, last + 2))
    ax.set_xticks([y + 0.5 for y in range(first, last + 1)], [str(y) for y in range(first, last + 1)], minor=True)
    ax.tick_params(axis="x", which="major", labelbottom=False, length=6)
    ax.tick_params(axis="x", which="minor", length=0)
    step = max(1, -(-(last + 1 - first) // 8))  # at most 8 names, so they never overlap
    for n, label in enumerate(ax.get_xticklabels(minor=True)):
        label.set_visible(n % step == 0)


def mined_area(frame: pd.DataFrame, value: str, title: str, ylabel: str) -> plt.Axes:
    """Amazon mined area per country and period on a true time scale, one line per country (`value`:
    cumulative_ha, drawn at the end of each period; or area_ha, at the middle of each period, with no line
    joining a year's total to a quarter's). Colour = country; shape = a whole year (dot) or a quarter (diamond).
    Every point cites its source like an estimate's mark (value, period, source, link to the library)."""
    if value not in AMAZON_MEASURES:
        raise ValueError(f"mined_area draws one of {sorted(AMAZON_MEASURES)}, not {value!r}")
    measure = AMAZON_MEASURES[value]
    use_house_style()
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = frame.assign(
        _x=[period_time(row, measure.placed) for _, row in frame.iterrows()],
        _kind=["year" if pd.isna(q) else "quarter" for q in frame["quarter"]],
    ).sort_values("_x")
    names = sorted(frame["country"].unique())
    from asmhub_utils.chapters import amazon

    colours = country_colours(amazon.national_yearly()["country"].unique().tolist() + names)
    kinds = [kind for kind in PERIOD_MARKERS if (frame["_kind"] == kind).any()]
    fig, ax = _figure(4.9 + 0.24 * -(-(len(names) + len(kinds)) // 2))
    order = frame.groupby("country")[value].max().sort_values(ascending=False).index
    for name in order:
        rows = frame[frame["country"] == name]
        # a running total is one quantity throughout; new area per year and per quarter are not joined
        pieces = [rows] if measure.placed == "end" else [rows[rows["_kind"] == kind] for kind in kinds]
        for n, piece in enumerate(pieces):
            ax.plot(piece["_x"], piece[value], color=colours[name], label=escape.chart_text(name) if n == 0 else None)
        for _, row in rows.iterrows():
            point = ax.plot(
                [row["_x"]],
                [row[value]],
                marker=PERIOD_MARKERS[row["_kind"]][0],
                markersize=5,
                color=colours[name],
                linestyle="none",
                clip_on=False,
            )  # inside: check_layout
            fig._asm_citations.add(row, point, mined_area_title(row, value))
    _year_bands(ax, int(frame["year"].min()), int(frame["year"].max()))
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    top = float(frame[value].max()) * 1.06
    ax.set_ylim(-top * MARGIN, top)  # room below 0 and above the largest value: every point is drawn whole
    ax.set_yticks([t for t in MaxNLocator(5, steps=[1, 2, 2.5, 5, 10]).tick_values(0, top) if 0 <= t <= top])
    _title(fig, title)
    ax.set(ylabel=ylabel, xlabel=wrap(measure.axis))
    shapes = [
        Line2D(
            [],
            [],
            marker=PERIOD_MARKERS[kind][0],
            color="#555555",
            linestyle="none",
            markersize=5,
            label=PERIOD_MARKERS[kind][1],
        )
        for kind in kinds
    ]
    lines, labels = ax.get_legend_handles_labels()
    fig.legend(
        handles=shapes + lines,
        labels=[h.get_label() for h in shapes] + labels,
        loc="outside lower left",
        ncols=2,
        frameon=False,
        title="Country (colour) and period (shape)",
    )
    chart_publish.publish(
        fig, f"Chart: {title}, one line per country on a time axis; each point names its value, period and source."
    )
    return ax


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
