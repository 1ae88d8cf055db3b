"""The side-by-side range chart draws every numeric figure and refuses an empty selection."""

import matplotlib

matplotlib.use("agg")

import pytest  # noqa: E402

from asmhub_utils import data, ranges  # noqa: E402


def test_one_row_per_numeric_figure_with_wrapped_labels():
    frame = data.with_sources(data.estimates().query("indicator == 'mean mercury use in ASGM (range)'"))
    frame = frame.assign(label=ranges.row_label(frame))
    ax = ranges.ranges_chart(frame, "label", "t", "x")
    assert len(ax.get_yticklabels()) == len(frame) == 15
    assert len(ax.collections) == 15  # one bar per range, none collapsed to a midpoint


def test_bounds_point_where_the_value_lies():
    assert ranges.marker({"value_low": 1.0, "value_high": float("nan")}) == ">"
    assert ranges.marker({"value_low": float("nan"), "value_high": 1.0}) == "<"
    assert ranges.marker({"value_low": 1.0, "value_high": 1.0}) == "o"


def test_no_numeric_figure_is_an_error():
    frame = data.with_sources(data.estimates().query("value_kind == 'text'").head(3))
    with pytest.raises(ValueError, match="no figure with a number"):
        ranges.ranges_chart(frame.assign(label="x"), "label", "t", "x")


def test_row_labels_name_world_and_undated():
    frame = data.estimates().query("scope == 'world' and year.isna()").head(1)
    assert ranges.row_label(frame).iloc[0] == "World, undated"
