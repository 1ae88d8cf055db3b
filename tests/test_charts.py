"""Charts fit a phone-width column and the legend never covers the axis label."""

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402

from asmhub_utils import charts, series  # noqa: E402


def boxes(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    return ax.xaxis.label.get_window_extent(renderer), fig.legends[0].get_window_extent(renderer), renderer


def test_legend_does_not_overlap_the_x_label():
    ax = charts.estimates_over_time(series.series("global_asm_workforce"), "t", "people")
    label, legend, _ = boxes(ax.figure)
    assert not label.overlaps(legend)
    assert legend.y1 <= label.y0
    plt.close(ax.figure)


def test_charts_fit_a_phone_column():
    ax = charts.estimates_by_category(series.world_supply_shares(), "mineral_group", "t", "percent", percent=True)
    fig = ax.figure
    assert fig.get_figwidth() * fig.dpi <= 480
    _, legend, _ = boxes(fig)
    assert legend.x1 <= fig.bbox.x1 + 1
    plt.close(fig)


def test_low_reliability_sources_are_marked_in_the_legend():
    frame = series.world_supply_shares()
    assert (frame["source_reliability"] == "low").any()
    ax = charts.estimates_by_category(frame, "mineral_group", "t", "percent", percent=True)
    labels = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert "low-reliability source" in labels
    plt.close(ax.figure)
