"""A country's grade: how much this book holds about it, as one letter (A to D) from four point scores.

Points for the number of independent estimates, the number of sources, how recent the latest figure is, and
the share of primary figures (each figure's *reliability*, tidy/reliability.py); the sum gives the letter
(`GRADE_POINTS`: the least sum for each letter). RULE says it in a reader's words; the country table page
publishes it (`rule_markdown`), and tests/test_places.py checks the words against the functions below.
"""

from __future__ import annotations

import pandas as pd

NO_DATA = "–"
GRADE_POINTS = {"A": 7, "B": 5, "C": 3, "D": 0}  # lowest sum that earns each letter

RULE = """\
Data-quality grade (one letter per country, from the figures about the whole country):

* **count**: 2 points for 15 or more independent estimates, 1 for 6 to 14, 0 for fewer (figures repeating one
  original estimate count once);
* **independent sources**: 2 points for 5 or more distinct sources, 1 for 2 to 4, 0 for one;
* **recency**: 2 points when the newest dated figure refers to (or, if undated, was published in) 2020 or
  later, 1 point for 2015-2019, 0 for older or undated only;
* **reliability**: 2 points when at least half the figures are of *primary* reliability (produced by their source,
  not quoted from another: <a href="asmhub-library:#how-reliability-is-judged">How reliability is judged</a>),
  1 when fewer are but not every figure is *low*, 0 when every figure is.

The sum (0-8) gives the grade: **A** 7-8, **B** 5-6, **C** 3-4, **D** 0-2. A country with no figure gets a dash.
The grade says how much this book holds about a country, not how good the country's own statistics are."""


def rule_markdown() -> str:
    """The grading rule as the country table page publishes it (Markdown)."""
    return RULE


def count_points(n_figures: int) -> int:
    return 2 if n_figures >= 15 else 1 if n_figures >= 6 else 0


def source_points(n_sources: int) -> int:
    return 2 if n_sources >= 5 else 1 if n_sources >= 2 else 0


def recency_points(latest_year: float | None) -> int:
    if latest_year is None or pd.isna(latest_year):
        return 0
    return 2 if latest_year >= 2020 else 1 if latest_year >= 2015 else 0


def reliability_points(tiers: pd.Series) -> int:
    if tiers.empty or (tiers == "low").all():
        return 0
    return 2 if (tiers == "primary").mean() >= 0.5 else 1


def grade_letter(points: int) -> str:
    return next(letter for letter, least in GRADE_POINTS.items() if points >= least)


def quality_grade(figures: pd.DataFrame) -> str:
    """The grade of one country's figures (rows with `plot_year` and `reliability` or `source_reliability`); a dash
    if none."""
    if figures.empty:
        return NO_DATA
    latest = figures["plot_year"].max()
    n_independent = figures["echo_group"].nunique() if "echo_group" in figures else len(figures)
    tiers = figures["reliability"] if "reliability" in figures else figures["source_reliability"]
    points = (
        count_points(n_independent)
        + source_points(figures["source_id"].nunique())
        + recency_points(None if pd.isna(latest) else float(latest))
        + reliability_points(tiers)
    )
    return grade_letter(points)
