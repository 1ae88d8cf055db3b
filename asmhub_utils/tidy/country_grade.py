"""How much a country's figures can be relied on, as one letter (A to D) from four documented point scores.

Points for the number of independent estimates, the number of sources, how recent the latest figure is, and
the share of primary figures; the sum gives the letter (`GRADE_POINTS`: the least sum for each letter). The
rule is shown on the country table page.
"""
from __future__ import annotations

import pandas as pd

NO_DATA = "–"
GRADE_POINTS = {"A": 7, "B": 5, "C": 3, "D": 0}  # lowest sum that earns each letter

def count_points(n_figures: int) -> int:
    return 2 if n_figures >= 15 else 1 if n_figures >= 6 else 0


def source_points(n_sources: int) -> int:
    return 2 if n_sources >= 5 else 1 if n_sources >= 2 else 0


def recency_points(latest_year: float | None) -> int:
    if latest_year is None or pd.isna(latest_year):
        return 0
    return 2 if latest_year >= 2020 else 1 if latest_year >= 2015 else 0


def reliability_points(grades: pd.Series) -> int:
    if grades.empty or (grades == "low").all():
        return 0
    return 2 if (grades == "primary").mean() >= 0.5 else 1


def grade_letter(points: int) -> str:
    return next(letter for letter, least in GRADE_POINTS.items() if points >= least)


def quality_grade(figures: pd.DataFrame) -> str:
    """The grade of one country's figures (rows with `plot_year` and `source_reliability`); a dash if none."""
    if figures.empty:
        return NO_DATA
    latest = figures["plot_year"].max()
    n_independent = figures["echo_group"].nunique() if "echo_group" in figures else len(figures)
    grades = figures["grade"] if "grade" in figures else figures["source_reliability"]
    points = (count_points(n_independent) + source_points(figures["source_id"].nunique())
              + recency_points(None if pd.isna(latest) else float(latest))
              + reliability_points(grades))
    return grade_letter(points)
