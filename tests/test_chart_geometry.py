"""Every kind of chart, drawn with real and extreme data, keeps its plot area and all its text inside the figure,
in text of 11 pt or more (11 px or more as displayed at 390 px), and cites every mark it draws.

The layout gate is charts.check_layout (run by every chart before it is written); these tests feed it the cases
that broke pages before (long labels, one point, 30 sources) and show that it fails a chart broken on purpose.
"""

import re
import warnings

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from asmhub_utils.chapters import amazon, charts, data, maps, places, series  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")  # warnings are errors in chart code


def estimates(query: str) -> pd.DataFrame:
    return data.with_sources(data.dated(data.estimates().query(query)))


def extreme(n: int, long: bool = False) -> pd.DataFrame:
    """n figures from n different sources; with `long`, labels and titles far wider than a phone."""
    real = estimates("unit == 'persons' and value_central.notna()").head(1)
    rows = pd.concat([real] * n, ignore_index=True)
    rows["source_id"] = [f"src-{i}" for i in range(n)]
    rows["source_publisher"] = [("A very long publisher name " * (4 if long else 0)) + f"Publisher {i}" for i in range(n)]
    rows["value_central"] = np.linspace(1, 3e8, n) if n > 1 else [5e6]
    rows["value_low"], rows["value_high"] = rows["value_central"] * 0.5, rows["value_central"] * 1.5
    rows["plot_year"] = np.linspace(1990, 2024, n).round() if n > 1 else [2016]
    rows["year"] = rows["plot_year"].astype("Int64")
    rows["year_basis"] = "reference year"
    rows["source_reliability"] = (["primary", "secondary", "low"] * n)[:n]
    rows["label"] = [("Democratic Republic of the Congo, Katanga copperbelt " * (3 if long else 0)) + f"row {i}"
                     for i in range(n)]
    return rows


LONG_TITLE = "Children working in artisanal mining and quarrying, as counted by every source, " * 2
CASES = {
    "ranges: mercury": lambda: charts.ranges_chart(
        (f := estimates("indicator == 'mean mercury use in ASGM (range)'")).assign(label=charts.row_label(f)),
        "label", "Mean mercury use", "tonnes a year"),
    "ranges: one point": lambda: charts.ranges_chart(extreme(1), "label", "One", "people"),
    "ranges: 30 sources, long labels": lambda: charts.ranges_chart(extreme(30, long=True), "label", LONG_TITLE,
                                                                  "people (log scale)", log=True),
    "ranges: percent, marks at 0 and 100": lambda: charts.ranges_chart(
        extreme(3).assign(value_central=[0.0, 100.0, 0.0], value_low=[0.0, 100.0, None],
                          value_high=[0.0, 100.0, 0.0]), "label", "Women among miners", "share", percent=True),
    "over time: a figure of 0": lambda: charts.estimates_over_time(
        extreme(2).assign(value_central=[0.0, 5.0], value_low=[0.0, 5.0], value_high=[0.0, 5.0]), "Zero", "people"),
    "ranges: percent": lambda: charts.ranges_chart(extreme(5).assign(value_central=40.0, value_low=20.0,
                                                                     value_high=60.0), "label", LONG_TITLE, "share",
                                                   percent=True),
    "by category: supply shares": lambda: charts.estimates_by_category(
        series.world_supply_shares(), "mineral_group", "ASM share of world supply", "percent", percent=True),
    "over time: workforce": lambda: charts.estimates_over_time(series.series("global_asm_workforce"),
                                                               "People working in ASM", "people"),
    "over time: one point": lambda: charts.estimates_over_time(extreme(1), "One figure", "people"),
    "over time: 30 sources": lambda: charts.estimates_over_time(extreme(30, long=True), LONG_TITLE, "people"),
    "headline strips": lambda: charts.headline_strips(
        {**series.headlines(), "A headline indicator with a very long name indeed " * 2: extreme(3)},
        {**{k: "people" for k in series.headlines()}, "A headline indicator with a very long name indeed " * 2: "US dollars a year"}),
    "amazon mined area": lambda: charts.mined_area(amazon.national_yearly(), "cumulative_ha", LONG_TITLE, "hectares"),
    "map with regional panels": lambda: maps.choropleth(places.headline_values(), LONG_TITLE),
    "amazon, the dashboard's title": lambda: charts.mined_area(
        amazon.national_yearly(), "cumulative_ha", "Mined area in the Amazon, cumulative", "hectares"),
    "protected land": lambda: charts.protected_area(amazon.totals_by_country(amazon.protected_and_indigenous()),
                                                    "Mined area inside protected land"),
}


def figure_of(result):
    return result if isinstance(result, plt.Figure) else result.figure


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("width", [charts.WIDTH, 7.5], ids=["phone", "desktop"])
def test_every_chart_keeps_its_plot_area_and_text_inside(case, width, monkeypatch):
    monkeypatch.setattr(charts, "WIDTH", width)
    fig = figure_of(CASES[case]())  # publish() ran check_layout already
    charts.check_layout(fig)
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        assert ax.bbox.width >= (0.4 if ax.get_aspect() == "auto" else 0.25) * fig.bbox.width
        for label in ax.get_xticklabels():
            if label.get_text():
                assert label.get_fontsize() >= charts.MIN_TEXT_PT
    assert fig.get_tightbbox(renderer).width <= fig.get_figwidth() + 0.02


def test_text_is_at_least_11px_as_displayed_on_a_phone():
    """Inline SVG: 1 pt of the figure is 4/3 CSS px at natural size; a 390 px phone shows the ~326 px column."""
    fig = figure_of(CASES["ranges: mercury"]())
    svg = charts.to_svg(fig)
    natural = float(re.search(r"width:(\d+)px", svg).group(1))
    scale = min(natural, 326) / (charts.WIDTH * 72)
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes and min(sizes) * scale >= 11


def test_marks_cite_their_source_and_text_stays_text():
    frame = estimates("indicator == 'mean mercury use in ASGM (range)'")
    fig = figure_of(charts.ranges_chart(frame.assign(label=charts.row_label(frame)), "label", "t", "x"))
    svg = charts.to_svg(fig)
    links = re.findall(r'<a href="asmhub-library:#src-([^"]+)" class="asm-mark"><title>([^<]+)</title>', svg)
    assert len(links) >= len(frame)
    assert {source for source, _ in links} == set(frame["source_id"])
    assert all(re.search(r"\d", title) and "Reliability" in title for _, title in links)
    assert "<text" in svg and "<image" not in svg


def test_a_chart_broken_on_purpose_fails_the_gate():
    charts.use_house_style()
    fig, ax = plt.subplots(figsize=(charts.WIDTH, 3))
    ax.set_yticks([0, 1], ["a label so long that it squeezes the axes into a sliver of the figure " * 3, "b"])
    with pytest.raises(charts.ChartLayoutError):
        charts.check_layout(fig)
    fig, ax = plt.subplots(figsize=(charts.WIDTH, 3))
    ax.set_title("small", fontsize=6)
    with pytest.raises(charts.ChartLayoutError, match="pt"):
        charts.check_layout(fig)
    fig, ax = plt.subplots(figsize=(charts.WIDTH, 3))
    ax.text(1.5, 0.5, "far outside the figure", transform=ax.transAxes)
    with pytest.raises(charts.ChartLayoutError, match="leaves the figure"):
        charts.check_layout(fig)
    plt.close("all")


def test_a_mark_cut_by_the_plot_area_fails_the_gate():
    """A dot at 0 on an axis that starts at 0 is half hidden (the women chart at 0 %): the gate names it."""
    charts.use_house_style()
    fig, ax = plt.subplots(figsize=(charts.WIDTH, 3))
    ax.plot([0], [0.5], marker="o", markersize=9, linestyle="none", gid="c0-asmfig-0-0")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 1)
    with pytest.raises(charts.ChartLayoutError, match="cut by the plot area"):
        charts.check_layout(fig)
    plt.close("all")


def test_value_axes_show_no_tick_beyond_their_values():
    ax = CASES["ranges: percent, marks at 0 and 100"]()
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels[0] == "0%" and labels[-1] == "100%"


def test_year_axes_show_whole_years():
    ax = charts.estimates_over_time(extreme(2).assign(plot_year=[2016, 2017]), "t", "people")
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(re.fullmatch(r"\d{4}", t) for t in labels)


def test_one_meaning_per_colour():
    """Estimate charts use only the reliability colours; a country keeps its colour in every Amazon chart."""
    frame = series.world_supply_shares()
    ax = charts.estimates_by_category(frame, "mineral_group", "t", "percent", percent=True)
    used = {matplotlib.colors.to_hex(line.get_color()) for line in ax.lines}
    assert used <= set(charts.RELIABILITY_COLOURS.values())
    a = charts.country_colours(["Peru", "Brazil", "Bolivia"])
    b = charts.country_colours(["Brazil", "Bolivia", "Peru"])
    assert a == b


def test_no_numeric_figure_is_an_error():
    frame = data.with_sources(data.estimates().query("value_kind == 'text'").head(3))
    with pytest.raises(ValueError, match="no figure with a number"):
        charts.ranges_chart(frame.assign(label="x"), "label", "t", "x")


def test_bounds_point_where_the_value_lies():
    assert charts.marker({"value_low": 1.0, "value_high": float("nan")}) == ">"
    assert charts.marker({"value_low": float("nan"), "value_high": 1.0}) == "<"
    assert charts.marker({"value_low": 1.0, "value_high": 1.0}) == "o"


def test_row_labels_name_world_and_undated():
    frame = data.with_sources(data.estimates().query("scope == 'world' and year.isna()")).head(1)
    assert charts.row_label(frame).iloc[0].startswith("World, undated")


def test_low_reliability_sources_are_marked_in_the_legend():
    frame = series.world_supply_shares()
    assert (frame["source_reliability"] == "low").any()
    ax = charts.estimates_by_category(frame, "mineral_group", "t", "percent", percent=True)
    labels = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert "low-reliability source" in labels


def test_ids_are_unique_across_charts_on_one_page():
    frame = estimates("indicator == 'mean mercury use in ASGM (range)'").assign(label="x")
    one = charts.to_svg(charts.ranges_chart(frame, "label", "t", "x").figure)
    two = charts.to_svg(charts.ranges_chart(frame, "label", "t", "x").figure)
    ids = re.findall(r' id="([^"]+)"', one + two)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'(?:url\(#|href="#)([^)"]+)', one):
        assert f'id="{ref}"' in one


def test_amazon_points_cite_their_value_period_and_source():
    """Each point of an Amazon chart is a mark like an estimate's: a <title> with the value, the period (a year
    or a quarter) and the source, linked to the source's library entry."""
    frame = amazon.national_yearly()
    svg = charts.to_svg(charts.mined_area(frame, "cumulative_ha", "t", "hectares").figure)
    links = re.findall(r'<a href="asmhub-library:#src-([^"]+)" class="asm-mark"><title>([^<]+)</title>', svg)
    assert len(links) == len(frame)
    assert {source for source, _ in links} == set(frame["source_id"])
    titles = [title for _, title in links]
    assert all("Reliability" in t and " ha " in t for t in titles)
    assert any("(a quarter)" in t for t in titles) == frame["quarter"].notna().any()
    brazil = frame[frame["country"] == "Brazil"].iloc[-1]
    assert any(t.startswith(f"Brazil: {brazil['cumulative_ha']:,.0f} ha") and brazil["period"] in t for t in titles)


def test_an_estimate_quoted_twice_is_drawn_once_in_its_grade_colour():
    frame = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "echo_group": ["a", "a", "", "d"],
                          "plot_year": [2016.0, 2011.0, 2020.0, None]})
    kept = data.independent(frame)
    assert list(kept["record_id"]) == ["b", "c", "d"]  # the 2011 original, not its 2016 quotation
    assert charts.figure_grade({"grade": "secondary", "source_reliability": "primary"}) == "secondary"
    assert charts.figure_grade({"source_reliability": "primary"}) == "primary"
