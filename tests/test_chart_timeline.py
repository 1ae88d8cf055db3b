"""The over-time chart written as SVG without matplotlib (chart_timeline.py): its text and marks stay inside the
drawing on extreme data, its axes read whole years and values from 0, every mark cites its source, contributed
text is escaped, the font widths it measures with are the font's own, and a page whose only chart is this one
imports no matplotlib."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from chart_frames import extreme

from asmhub_utils import paths
from asmhub_utils.chapters import chart_publish, chart_style, chart_text, chart_timeline, data, series
from asmhub_utils.chapters.chart_timeline import Text

SVG = "{http://www.w3.org/2000/svg}"
LONG_TITLE = "Children working in artisanal mining and quarrying, as counted by every source, " * 2


CASES = {
    "a figure of 0": lambda: extreme(2).assign(value_central=[0.0, 5.0], value_low=[0.0, 5.0], value_high=[0.0, 5.0]),
    "one point": lambda: extreme(1),
    "30 sources": lambda: extreme(30, long=True),
    "bounds and a publication year": lambda: extreme(3).assign(
        value_central=[None, None, 7.0],
        value_low=[2.0, None, None],
        value_high=[None, 9.0, None],
        year_basis=["reference year", "reference year", "publication year"],
    ),
    "the world's workforce": lambda: series.series("global_asm_workforce"),
}
TITLES = {"short": "People working in ASM", "long": LONG_TITLE}


def drawn(case: str, title: str = "People working in ASM", ylabel: str = "people") -> chart_timeline.Timeline:
    return chart_timeline.estimates_over_time(CASES[case](), title, ylabel)


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("title", list(TITLES))
@pytest.mark.parametrize("width", [chart_style.WIDTH, 7.5], ids=["phone", "desktop"])
def test_text_and_marks_stay_inside_on_extreme_data(case, title, width, monkeypatch):
    monkeypatch.setattr(chart_style, "WIDTH", width)
    chart = drawn(case, TITLES[title], "tonnes of gold a year, as the sources give them")
    assert chart_timeline.problems(chart) == []
    left, top, right, bottom = chart.plot
    assert right - left >= 0.6 * chart.width and bottom - top >= 200  # the plot area never collapses
    assert all(text.size >= chart_style.MIN_TEXT_PT for text in chart.texts)
    assert len(chart.marks) == len(data.independent(CASES[case]()))


def test_the_gate_refuses_a_chart_broken_on_purpose():
    chart = chart_timeline.layout(extreme(3), "t", "people")
    chart.texts.append(Text(chart.width - 5, 20, "a label that runs off the right edge"))
    chart.texts.append(Text(10, 20, "small", size=8))
    left, top = chart.plot[:2]  # a dot centred on the plot area's corner: three quarters of it outside
    chart.marks[0].add(chart_timeline.mark_path("o", left, top), "", (left - 4.5, top - 4.5, left + 4.5, top + 4.5))
    found = chart_timeline.problems(chart)
    assert any("leaves the figure" in p for p in found)
    assert any("under 11 pt" in p for p in found)
    assert any("cut by the plot area" in p for p in found)


def test_the_text_box_of_a_rotated_label_runs_up_from_its_anchor():
    box = chart_timeline.text_box(Text(10, 100, "people", anchor="middle", rotate=True))
    length = chart_text.width("people", 11)
    assert box == pytest.approx((10 - 8.8, 100 - length / 2, 10 + 2.75, 100 + length / 2))


def test_axes_read_whole_years_and_values_from_zero():
    chart = chart_timeline.layout(extreme(2).assign(plot_year=[2016.0, 2017.0]), "t", "people")
    assert chart.x_ticks and all(float(t).is_integer() for t in chart.x_ticks)
    assert chart.y_ticks[0] == 0 and chart.y_ticks[-1] <= 1.5 * 3e8 * chart_timeline.HEADROOM
    labels = [t.text for t in chart.texts if t.anchor == "middle" and not t.rotate][:-1]
    assert labels and all(re.fullmatch(r"\d{4}", label) for label in labels)


@pytest.mark.parametrize(
    "low, high, bins, integer, expected",
    [
        (0, 1.134e6, 6, False, [0, 2e5, 4e5, 6e5, 8e5, 1e6]),
        (2009, 2020, 5, True, [2010, 2012, 2014, 2016, 2018, 2020]),
        (2015, 2017, 5, True, [2015, 2016, 2017]),
        (1989, 2025, 5, True, [1990, 2000, 2010, 2020]),
        (0, 7.5, 6, False, [0, 2, 4, 6]),
    ],
)
def test_ticks_are_round_and_few(low, high, bins, integer, expected):
    assert chart_timeline.nice_ticks(low, high, bins, integer) == pytest.approx(expected)


def test_every_mark_cites_its_source_and_the_svg_is_well_formed():
    frame = extreme(3).assign(source_publisher=['<script>alert("x")</script>', "A & B", "C"])
    chart = chart_timeline.estimates_over_time(frame, 'Title with <b>tags</b> & "quotes"', "<i>people</i>")
    root = ET.fromstring(chart.svg)  # contributed text escaped: the SVG parses, no element came from the data
    assert {el.tag.removeprefix(SVG) for el in root.iter()} <= {"svg", "rect", "path", "a", "title", "text"}
    links = root.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == [f"asmhub-library:#src-src-{i}" for i in range(3)]
    titles = [a.find(f"{SVG}title").text for a in links]
    assert all(re.search(r"\d", t) and "Reliability" in t for t in titles)
    assert '<script>alert("x")</script>' in titles[0]  # as text, not as an element
    assert "<b>" not in chart.svg and "&lt;b&gt;tags&lt;/b&gt;" in chart.svg
    assert "Title with <b>tags</b>" in root.get("aria-label")


def test_a_publication_year_is_hollow_and_said_so_in_the_legend():
    chart = drawn("bounds and a publication year")
    legend = [t.text for t in chart.texts if t.x == 36.3]
    assert "hollow: placed at its publication year" in legend
    assert "triangle: a bound (more than / up to)" in legend
    assert "bar: a range as published" not in legend  # no range drawn, none named
    hollow = [m for m in chart.marks if any("fill:#ffffff" in style for _, style in m.shapes)]
    assert len(hollow) == 1


def test_no_dated_number_is_an_error():
    with pytest.raises(ValueError, match="no dated figure"):
        chart_timeline.estimates_over_time(extreme(2).assign(plot_year=None), "t", "people")


def test_a_captured_chart_is_the_page_html():
    with chart_publish.captured() as charts:
        chart = drawn("one point")
    assert len(charts) == 1 and chart.svg in charts[0] and charts[0].startswith('<figure class="asm-figure">')


def test_the_widths_are_the_fonts_own():
    """chart_text's table against DejaVu Sans as matplotlib ships it (the font the charts name first)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font, LoadFlags

    for weight, table in chart_text.WIDTHS.items():
        font = FT2Font(font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans", weight=weight)))
        for character, em in table.items():
            advance = font.load_char(ord(character), flags=LoadFlags.NO_SCALE).horiAdvance / font.units_per_EM
            assert em == pytest.approx(advance, abs=0.0006), (weight, character)


def test_wrapped_lines_fit_their_room():
    text = "Гражданские шахтёры " + "x" * 80 + " and a last few words"
    lines = chart_text.wrap(text, 200, 12, "bold")
    assert all(chart_text.width(line, 12, "bold") <= 200 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_profile_kernel_imports_no_matplotlib():
    """The profiles' preload and a profile's two charts, this one and an Amazon country's mined area
    (chart_mined_area.py), run without matplotlib (its import and the matplotlib mined-area chart were 1.5 s of
    `asmhub profile BRA`)."""
    from asmhub_utils.execute import profiles

    code = (
        profiles.PRELOAD
        + "from asmhub_utils.chapters import charts\n"
        + "dated = data.dated(data.estimates().query('value_central.notna()')).dropna(subset=['plot_year'])\n"
        + "charts.estimates_over_time(dated.head(5), 'People working in ASM', 'people')\n"
        + "charts.mined_area(profile_page.amazon_areas('BRA'), 'cumulative_ha', 'Mined area', 'hectares')\n"
        + "import sys; print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.NOTEBOOKS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_charts_module_still_offers_every_chart():
    """charts.py imports its matplotlib charts when first used: every name it lists resolves, a wrong one fails."""
    from asmhub_utils.chapters import charts

    assert all(getattr(charts, name) is not None for name in charts.__all__)
    with pytest.raises(AttributeError, match="no attribute 'ranges_chrat'"):
        charts.ranges_chrat  # noqa: B018
