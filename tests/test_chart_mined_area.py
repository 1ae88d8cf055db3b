"""The Amazon mined-area chart written as SVG without matplotlib (chart_mined_area.py): its text and points stay
inside the drawing on real and extreme data, points sit on a true time scale, every point cites its value, period
and source and contributed text is escaped (that a profile drawing it imports no matplotlib: test_chart_timeline.py)."""

import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from asmhub_utils.chapters import amazon, chart_mined_area, chart_style, chart_timeline, charts

SVG = "{http://www.w3.org/2000/svg}"
LONG_TITLE = "Mined area detected by satellite in the Amazon, country by country and period by period, " * 2


def _one_period(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["period"] == frame["period"].iloc[0]].query("iso3 == 'GUY'")


def _many_countries(frame: pd.DataFrame) -> pd.DataFrame:
    """The region's rows under 14 invented countries with long names: more legend lines than two columns hold."""
    rows = pd.concat([frame.assign(country=f"{name} of the Upper Amazon Basin") for name in "ABCDEFGHIJKLMN"])
    return rows.assign(cumulative_ha=rows["cumulative_ha"] * 1e4)


CASES = {
    "every country": lambda: amazon.national_yearly(),
    "one country": lambda: amazon.national_yearly().query("iso3 == 'GUY'"),
    "one period": lambda: _one_period(amazon.national_yearly()),
    "no area yet": lambda: amazon.national_yearly().query("iso3 == 'GUY'").assign(cumulative_ha=0.0, area_ha=0.0),
    "14 countries, billions": lambda: _many_countries(amazon.national_yearly().query("iso3 == 'BRA'")),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("value", ["cumulative_ha", "area_ha"])
@pytest.mark.parametrize("title", ["Mined area, cumulative", LONG_TITLE], ids=["short", "long"])
@pytest.mark.parametrize("width", [chart_style.WIDTH, 7.5], ids=["phone", "desktop"])
def test_text_and_points_stay_inside_on_real_and_extreme_data(case, value, title, width, monkeypatch):
    monkeypatch.setattr(chart_style, "WIDTH", width)
    frame = CASES[case]()
    chart = chart_mined_area.mined_area(frame, value, title, "hectares")  # raises ChartLayoutError otherwise
    assert chart_timeline.problems(chart) == []
    left, top, right, bottom = chart.plot
    assert right - left >= 0.6 * chart.width and bottom - top >= 200  # the plot area never collapses
    assert all(text.size >= chart_style.MIN_TEXT_PT for text in chart.texts)
    assert len(chart.marks) == len(frame)
    legend = {t.text for t in chart.texts}
    assert set(frame["country"]) <= legend, "every country is named in the legend"


def test_the_gate_refuses_a_chart_broken_on_purpose(monkeypatch):
    """A drawing too narrow for its labels is refused, not published with text cut off."""
    monkeypatch.setattr(chart_style, "WIDTH", 1.2)
    with pytest.raises(chart_style.ChartLayoutError, match="leaves the figure"):
        chart_mined_area.mined_area(amazon.national_yearly(), "cumulative_ha", "Mined area", "hectares")


def _centres(chart: chart_timeline.Timeline) -> dict[tuple[str, str], float]:
    """(country, period) -> the x of its point's centre, read from the points' titles."""
    found = {}
    for mark in chart.marks:
        country, rest = mark.title.split(": ", 1)
        period = re.search(r"(\d{4}(?: Q\d)?)(?: \(a quarter\))?\. ", rest).group(1)
        left, _, right, _ = mark.boxes[0]
        found[(country, period)] = (left + right) / 2
    return found


@pytest.mark.parametrize("value, placed", [("cumulative_ha", "end"), ("area_ha", "middle")])
def test_points_sit_on_a_true_time_scale(value, placed):
    """A year and a quarter are not spaced alike: each point sits at the end (a running total) or the middle (new
    area) of its period in years, one scale for all; the axis names whole years only."""
    frame = amazon.national_yearly()
    chart = chart_mined_area.mined_area(frame, value, "t", "hectares")
    centres = _centres(chart)
    times = {}
    for country, period in centres:
        year, _, quarter = period.partition(" Q")
        start, end = amazon.period_span(int(year), int(quarter) if quarter else None)
        times[(country, period)] = end if placed == "end" else (start + end) / 2
    (a, ta), (b, tb) = sorted(((centres[k], times[k]) for k in centres), key=lambda p: p[1])[:: len(centres) - 1]
    scale = (b - a) / (tb - ta)
    for key, x in centres.items():
        assert x == pytest.approx(a + (times[key] - ta) * scale, abs=0.01), key
    assert chart.x_ticks == list(range(int(frame["year"].min()), int(frame["year"].max()) + 2))  # every 1 January
    names = [t.text for t in chart.texts if t.anchor == "middle" and re.fullmatch(r"\d+", t.text)]
    assert names and all(re.fullmatch(r"20\d\d", n) for n in names)
    legend = [t.text for t in chart.texts]
    assert ("diamond: a quarter" in legend) == frame["quarter"].notna().any()


def test_every_point_cites_its_value_period_and_source_and_the_svg_is_well_formed():
    """Each point is a mark like an estimate's: a <title> with the value, the period (a year or a quarter) and the
    source, linked to the source's library entry; a country's name from the data is text, never markup."""
    frame = amazon.national_yearly()
    hostile = frame.query("iso3 == 'GUY'").assign(country='<script>alert("x")</script> & Co')
    chart = chart_mined_area.mined_area(pd.concat([frame, hostile]), "cumulative_ha", "<b>t</b>", "hectares")
    root = ET.fromstring(chart.svg)
    assert {el.tag.removeprefix(SVG) for el in root.iter()} <= {"svg", "rect", "path", "a", "title", "text"}
    links = [(a.get("href"), a.find(f"{SVG}title").text) for a in root.findall(f"{SVG}a")]
    assert len(links) == len(frame) + len(hostile)
    assert {href.removeprefix("asmhub-library:#src-") for href, _ in links} == set(frame["source_id"])
    titles = [title for _, title in links]
    assert all("Reliability" in t and " ha " in t for t in titles)
    assert any("(a quarter)" in t for t in titles) == frame["quarter"].notna().any()
    assert max(map(len, titles)) < 200  # a hundred points to a chart: the page stays light
    brazil = frame[frame["country"] == "Brazil"].iloc[-1]
    assert any(t.startswith(f"Brazil: {brazil['cumulative_ha']:,.0f} ha") and brazil["period"] in t for t in titles)
    assert "<script>" not in chart.svg and "<b>" not in chart.svg
    assert any(t.text == '<script>alert("x")</script> & Co' for t in root.iter(f"{SVG}text"))


def test_a_country_keeps_its_colour_in_every_chart():
    """Colour = country, fixed by name: Guyana alone is drawn in the colour it has among all the countries."""
    every = charts.country_colours(amazon.national_yearly()["country"].tolist())
    alone = chart_mined_area.mined_area(amazon.national_yearly().query("iso3 == 'GUY'"), "cumulative_ha", "t", "ha")
    assert any(f"stroke:{every['Guyana']}" in style for _, style in alone.lines)


def test_unknown_measure_and_empty_frame_are_errors():
    with pytest.raises(ValueError, match="mined_area draws one of"):
        chart_mined_area.mined_area(amazon.national_yearly(), "hectares", "t", "ha")
    with pytest.raises(ValueError, match="no Amazon period"):
        chart_mined_area.mined_area(amazon.national_yearly().head(0), "cumulative_ha", "t", "ha")
