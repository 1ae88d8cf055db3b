"""A chart taller than one and a half phone screens repeats its value axis (top, and every SCREEN_IN of rows);
a short one does not (asmhub_utils/chapters/charts.ranges_chart)."""

import matplotlib

matplotlib.use("agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from asmhub_utils.chapters import chart_publish, charts, data  # noqa: E402


@pytest.fixture
def percent_rows():
    rows = data.estimates()
    rows = rows[(rows["unit"] == "percent") & rows["value_central"].notna()].head(1)
    return lambda n: pd.concat([rows] * n, ignore_index=True).assign(label=[f"row {i}" for i in range(n)])


def _chart(frame, monkeypatch):
    monkeypatch.setattr(chart_publish, "publish", lambda fig, *a, **k: fig)
    ax = charts.ranges_chart(frame, "label", "t", "percent", percent=True, names_source=True)
    charts.check_layout(ax.figure)
    return ax


def _axis_labels(ax) -> list[float]:
    """y (inches from the top) of every repeat of the value axis inside the plot (secondary axes)."""
    height = ax.get_ylim()[0]
    return sorted(height * (1 - child._pos) for child in ax.child_axes)


def test_tall_chart_has_its_axis_in_every_screen(percent_rows, monkeypatch):
    ax = _chart(percent_rows(60), monkeypatch)
    height = ax.get_ylim()[0]
    assert height > charts.TALL_IN
    assert ax.xaxis.get_tick_params(which="major")["labeltop"]
    repeated = _axis_labels(ax)
    stops = [0.0, *repeated, height]  # top axis, the repeats, the bottom axis
    assert repeated and max(b - a for a, b in zip(stops, stops[1:])) <= charts.SCREEN_IN + 1


def test_short_chart_keeps_one_axis(percent_rows, monkeypatch):
    ax = _chart(percent_rows(5), monkeypatch)
    assert _axis_labels(ax) == [] and not ax.xaxis.get_tick_params(which="major").get("labeltop", False)
