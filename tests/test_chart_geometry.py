"""Every kind of chart drawn with matplotlib (the over-time and mined-area charts, written without it, are tested
in test_chart_timeline.py and test_chart_mined_area.py), drawn with real and extreme data, keeps its plot area and
all its text inside the figure, in text of 11 pt or more (11 px or more as displayed at 390 px), and cites every
mark it draws.

The layout gate is charts.check_layout (run by every chart before it is written); these tests feed it the cases
that broke pages before (long labels, one point, 30 sources) and show that it fails a chart broken on purpose.
"""

import re

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_frames import extreme  # noqa: E402

from asmhub_utils.chapters import amazon, chart_style, charts, data, display, series  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")  # warnings are errors in chart code


def estimates(query: str) -> pd.DataFrame:
    return data.with_sources(data.dated(data.estimates().query(query)))


LONG_TITLE = "Children working in artisanal mining and quarrying, as counted by every source, " * 2
CASES = {
    "ranges: mercury": lambda: charts.ranges_chart(
        (f := estimates("indicator == 'mean mercury use in ASGM (range)'")).assign(label=charts.row_label(f)),
        "label",
        "Mean mercury use",
        "tonnes a year",
    ),
    "ranges: one point": lambda: charts.ranges_chart(extreme(1), "label", "One", "people"),
    "ranges: 30 sources, long labels": lambda: charts.ranges_chart(
        extreme(30, long=True), "label", LONG_TITLE, "people (log scale)", log=True
    ),
    "ranges: percent, marks at 0 and 100": lambda: charts.ranges_chart(
        extreme(3).assign(value_central=[0.0, 100.0, 0.0], value_low=[0.0, 100.0, None], value_high=[0.0, 100.0, 0.0]),
        "label",
        "Women among miners",
        "share",
        percent=True,
    ),
    "ranges: percent": lambda: charts.ranges_chart(
        extreme(5).assign(value_central=40.0, value_low=20.0, value_high=60.0),
        "label",
        LONG_TITLE,
        "share",
        percent=True,
    ),
    "by category: supply shares": lambda: charts.estimates_by_category(
        series.world_supply_shares(), "mineral_group", "ASM share of world supply", "percent", percent=True
    ),
    "headline strips": lambda: charts.headline_strips(
        {**series.headlines(), "A headline indicator with a very long name indeed " * 2: extreme(3)},
        {
            **{k: "people" for k in series.headlines()},
            "A headline indicator with a very long name indeed " * 2: "US dollars a year",
        },
    ),
    "protected land": lambda: charts.protected_area(
        amazon.totals_by_country(amazon.protected_and_indigenous()), "Mined area inside protected land"
    ),
}


def figure_of(result):
    return result if isinstance(result, plt.Figure) else result.figure


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("width", [charts.WIDTH, 7.5], ids=["phone", "desktop"])
def test_every_chart_keeps_its_plot_area_and_text_inside(case, width, monkeypatch):
    monkeypatch.setattr(chart_style, "WIDTH", width)
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
    ax.plot([0], [0.5], marker="o", markersize=9, linestyle="none", gid="m-asmfig-0-0")
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


def test_an_estimate_quoted_twice_is_drawn_once_in_its_reliability_colour():
    frame = pd.DataFrame(
        {
            "record_id": ["a", "b", "c", "d"],
            "echo_group": ["a", "a", "", "d"],
            "plot_year": [2016.0, 2011.0, 2020.0, None],
        }
    )
    kept = data.independent(frame)
    assert list(kept["record_id"]) == ["b", "c", "d"]  # the 2011 original, not its 2016 quotation
    assert charts.figure_reliability({"reliability": "secondary", "source_reliability": "primary"}) == "secondary"
    assert charts.figure_reliability({"source_reliability": "primary"}) == "primary"


def _row_labels(fig) -> list[tuple[str, str]]:
    """(row label, source_id of its mark) for each row of an estimate chart, in drawing order."""
    labels = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_fontweight() != "bold"]
    sources = [href.split("#src-", 1)[1] for _, href in fig._asm_citations.marks.values()]
    assert len(labels) == len(sources)
    return list(zip(labels, sources))


LONG_PUBLISHER = "A Publisher With A Name Far Longer Than Any Phone Line Could Hold In One Piece"
LABEL_CASES = {
    "supply shares": lambda: charts.estimates_by_category(
        series.world_supply_shares(), "mineral_group", "t", "percent", percent=True
    ),
    "women, published": lambda: charts.estimates_by_category(
        series.women_shares(), "place", "t", "percent", percent=True
    ),
    "women, by country": lambda: charts.estimates_by_category(
        (d := series.derived_female_shares()).assign(region_name=d["region"]),
        "region_name",
        "t",
        "percent",
        percent=True,
        label="country_name",
    ),
    "headline strips": lambda: charts.headline_strips(series.headlines(), {k: "people" for k in series.headlines()}),
    "long publishers": lambda: charts.estimates_by_category(
        extreme(3).assign(source_publisher=[f"{LONG_PUBLISHER} {i} (its own words)" for i in range(3)], group="g"),
        "group",
        "t",
        "people",
    ),
    "long publishers, labelled rows": lambda: charts.ranges_chart(
        extreme(2).assign(source_publisher=[f"{LONG_PUBLISHER} {i}" for i in range(2)]), "label", "t", "people"
    ),
}


@pytest.mark.parametrize("case", list(LABEL_CASES))
@pytest.mark.parametrize("width", [charts.WIDTH, 7.5], ids=["phone", "desktop"])
def test_row_labels_name_their_source_once_and_whole(case, width, monkeypatch):
    """'Creamer Media / Mining Weekly, 2017 · Creamer Media / Mining Week…' named the source twice and cut it:
    a row label names its publisher (before any bracket) once, whole, wrapped onto more lines when long."""
    monkeypatch.setattr(chart_style, "WIDTH", width)
    fig = figure_of(LABEL_CASES[case]())
    publishers = dict(zip(data.sources()["source_id"], data.sources()["publisher"]))
    publishers.update({f"src-{i}": f"{LONG_PUBLISHER} {i}" for i in range(3)})
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731 (a wrapped label reads the same)
    for label, source in _row_labels(fig):
        whole = squash(display.source_short(publishers[source], None))
        assert "…" not in label, label
        assert squash(label).count(whole) == 1, (label, publishers[source])
        assert all(len(line) <= charts.WRAP for line in label.splitlines()), label
    charts.check_layout(fig)


def test_rows_of_a_category_are_in_reading_order():
    """'The Democratic Republic of the Congo' is listed under D, not after Tanzania."""
    rows = extreme(3).assign(group="Africa", country=["The Democratic Republic of the Congo", "Tanzania", "angola"])
    ax = charts.estimates_by_category(rows, "group", "t", "people", label="country")
    labels = [t.get_text().split(",")[0] for t in ax.texts if t.get_fontweight() != "bold"]
    assert labels == ["angola", "The Democratic Republic of the Congo", "Tanzania"]


def test_svg_coordinates_are_rounded_but_text_is_kept():
    frame = estimates("indicator == 'mean mercury use in ASGM (range)'")
    svg = charts.to_svg(charts.ranges_chart(frame.assign(label="x 1.234567"), "label", "t", "x").figure)
    geometry = re.findall(r' (?:d|x|y|transform)="([^"]*)"', svg)
    assert geometry and not any(re.search(r"\d\.\d{3}", value) for value in geometry)
    assert "x 1.234567" in svg
