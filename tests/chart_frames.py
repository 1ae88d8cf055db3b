"""Figures for chart tests, each part of it chosen for the test (value, year, source, reliability, label), on the
columns of one real figure of data/estimates.csv with its source: n figures from n sources, each its own estimate
(its own echo group), of the three reliabilities in turn; with `long`, publishers, labels and titles far wider
than a phone."""

import numpy as np
import pandas as pd

from asmhub_utils.chapters import data


def extreme(n: int, long: bool = False) -> pd.DataFrame:
    real = data.with_sources(data.dated(data.estimates().query("unit == 'persons' and value_central.notna()")))
    rows = pd.concat([real.head(1)] * n, ignore_index=True)
    rows["record_id"] = rows["echo_group"] = [f"r{i}" for i in range(n)]
    rows["source_id"] = [f"src-{i}" for i in range(n)]
    rows["source_publisher"] = [
        ("A very long publisher name " * (4 if long else 0)) + f"Publisher {i}" for i in range(n)
    ]
    rows["value_central"] = np.linspace(1, 3e8, n) if n > 1 else [5e6]
    rows["value_low"], rows["value_high"] = rows["value_central"] * 0.5, rows["value_central"] * 1.5
    rows["plot_year"] = np.linspace(1990, 2024, n).round() if n > 1 else [2016.0]
    rows["year"] = rows["plot_year"].astype("Int64")
    rows["year_basis"] = "reference year"
    rows["source_reliability"] = rows["reliability"] = (["primary", "secondary", "low"] * n)[:n]
    rows["label"] = [
        ("Democratic Republic of the Congo, Katanga copperbelt " * (3 if long else 0)) + f"row {i}" for i in range(n)
    ]
    return rows
