"""Figures as prose: the source's own value text, the unit, the year and the citation."""

from __future__ import annotations

import re

import pandas as pd

from asmhub_utils.chapters import data, display


def figure(row: pd.Series) -> str:
    """'40,500,000 people', 'about 80 countries', '380-870 (median 520) tonnes a year', '20%', 'nearly half'
    (the display layer, asmhub_utils.chapters.display)."""
    return display.figure(row)


def figure_with_source(row: pd.Series) -> str:
    """A figure with its year and publisher, as plain text (for glue, where a {cite} role cannot run):
    '40,500,000 people in 2017 (IGF / IISD, 2017)'. source_links.cited gives the MyST form with a citation link."""
    published = display.publication_year(row.get("source_year"))
    return f"{figure(row)}{display.prose_year(row)} ({citation_name(row['source_publisher'])}, {published})"


def citation_name(publisher: object) -> str:
    """A publisher as a citation in brackets names it: its own brackets become commas, so a citation never holds
    another ('U.S. Geological Survey (publication page)' -> 'U.S. Geological Survey, publication page')."""
    name = " ".join(str(publisher).split())
    while re.search(r"\([^()]*\)", name):
        name = re.sub(r"\s*\(([^()]*)\)", r", \1", name)
    return name.replace("(", "").replace(")", "").strip(", ")


def spread(frame: pd.DataFrame) -> str:
    """How far the sources' figures reach, without averaging: 'from <lowest> to <highest>; most recent: <latest>'.

    The lowest is the figure with the smallest lower bound, the highest the one with the largest upper bound
    (a stated figure counts as its own bound). Figures without a number are left out; empty -> 'no figure'.
    """
    numbers = frame[frame[["value_low", "value_high", "value_central"]].notna().any(axis=1)]
    if numbers.empty:
        return "no figure"
    floor, ceiling = data.bounds(numbers)
    lowest, highest = numbers.loc[floor.idxmin()], numbers.loc[ceiling.idxmax()]
    dated = numbers.dropna(subset=["plot_year"]) if "plot_year" in numbers else numbers.iloc[0:0]
    newest = None if dated.empty else dated.sort_values("plot_year").iloc[-1].name
    # The most recent figure is named once: as an end of the spread when it is one ("..., the most recent").
    mark = {lowest.name: "", highest.name: ""}
    if newest in mark:
        mark[newest] = ", the most recent"
    latest = "" if newest is None or newest in mark else f"; most recent: {figure_with_source(numbers.loc[newest])}"
    if lowest.name == highest.name:
        return f"{figure_with_source(lowest)}{mark[lowest.name]}{latest}"
    low_mark = mark[lowest.name] + ("," if mark[lowest.name] else "")
    return f"from {figure_with_source(lowest)}{low_mark} to {figure_with_source(highest)}{mark[highest.name]}{latest}"


def independent(frame: pd.DataFrame) -> str:
    """'3 independent estimates, quoted 7 times': figures repeating one original estimate (same `echo_group`,
    asmhub_utils/tidy/echoes.py) count once; '4 independent estimates' when none repeats another."""
    n_figures = len(frame)
    n_independent = frame["echo_group"].nunique() if "echo_group" in frame else n_figures
    word = "estimate" if n_independent == 1 else "estimates"
    if n_independent == n_figures:
        return f"{n_independent} independent {word}"
    return f"{n_independent} independent {word}, quoted {n_figures} times"


def undated_note(frame: pd.DataFrame, where: str = "in the table below the chart") -> str:
    """What a time chart leaves out, in words that agree in number: figures that only quote an estimate already
    drawn (`data.independent`: the chart draws each independent estimate once), and figures with no year at all
    (no `plot_year`: neither their own nor their source's), which are listed `where`."""
    n = int(frame["plot_year"].isna().sum()) if "plot_year" in frame else 0
    dated = frame[frame["plot_year"].notna()] if "plot_year" in frame else frame
    repeats = len(dated) - len(data.independent(dated)) if "echo_group" in frame else 0
    if n == 0 and repeats == 0:
        return "Every one of them has a year and is on the chart."
    parts = []
    if repeats:
        parts.append(
            f"{display.count(repeats, 'figure')} only {'quotes' if repeats == 1 else 'quote'} an estimate "
            f"already on the chart and {'is' if repeats == 1 else 'are'} not drawn again."
        )
    if n:
        one = n == 1
        parts.append(
            f"{n:,} of them {'carries' if one else 'carry'} no year at all and cannot be placed on the time "
            f"axis; {'it is' if one else 'they are'} listed {where}."
        )
    return " ".join(parts)


def mark_kinds(frame: pd.DataFrame) -> str:
    """The marks a ranges chart draws for `frame`, in words: 'a dot: a figure as printed' and/or 'a bar: a range'
    and/or 'a triangle: a bound' (charts.draw_estimate), so a caption names the marks the reader sees."""
    low, high = frame["value_low"], frame["value_high"]
    kinds = []
    if (frame["value_central"].notna() & ~(low.notna() ^ high.notna())).any():
        kinds.append("a dot: a figure as printed")
    if (low.notna() & high.notna() & (low != high)).any():
        kinds.append("a bar: a range")
    if (low.notna() ^ high.notna()).any():
        kinds.append("a triangle: a bound")
    return "; ".join(kinds) or "no mark"
