"""Every chart of the book: one house style, layouts that cannot collapse, and charts that cite themselves.

This module is the charts' public face: notebooks and the other modules call `charts.X`; the work is done by
chart_style (sizes, colours, number and label text), chart_layout (the layout gate), chart_svg (cited marks and the
SVG writer), chart_publish (showing a chart on its page), chart_estimates (estimate charts), chart_timeline
(estimates over time) and chart_mined_area (Amazon mined area), both written as SVG without matplotlib, and
chart_amazon (the protected-land chart). Settings tests change (WIDTH) live in chart_style.

Each chart is drawn 4.4 in wide with text of 11 pt or more and written into the page as inline SVG with its
text kept as text (crisp, searchable, selectable). Inline SVG at its natural size is 4.4 in = 422 CSS px wide;
on a 390 px phone the book's column is ~326 px, so the chart is shown at 326 / 316.8 = 1.03 CSS px per point
and 11 pt text stays at 11 px or more as displayed (tests/site/test_phone_pages.py measures it). Every mark of a
figure is a link to its source's entry in the resource library and
carries a <title> naming the value, its year and its source: browsers show it on hover, and
book/assets/asmhub.js shows it under the chart on tap. No JavaScript is needed to read a chart.

Before a chart is written, `check_layout` draws it with warnings turned into errors and raises
ChartLayoutError when the plot area collapses or any text leaves the figure or is smaller than 11 pt. The charts
written without matplotlib, estimates_over_time (chart_timeline.py) and mined_area (chart_mined_area.py), the charts
of a country profile, compute their layout and raise the same error from their own check (`chart_timeline.problems`).

Colour means one thing per kind of chart (PALETTES, and the legend of every chart says it):
- estimate charts (ranges_chart, estimates_over_time, estimates_by_category, headline_strips):
  colour = the reliability of the figure, as the tables give it (blue primary, orange secondary: it quotes
  another producer or reaches us through one, grey low reliability);
  shape = what the source states (dot: a figure; bar: a range; triangle: a bound, pointing where the value lies);
  hollow (over-time charts only) = placed at its source's publication year (no reference year given);
- Amazon mined-area charts: colour = country, the same colour for a country in every chart (countries by name);
  shape = the period (dot: a whole year; diamond: a quarter), on a true time axis; every point is a cited mark
  (value in hectares, period, source), like an estimate's;
- protected-land chart: colour = kind of land (protected area, indigenous territory);
- statistical charts drawn with seaborn (distributions.py): colour = region, named beside its row (REGION_COLOURS);
- the map (svg_map.py, classes in maps.py): colour = size class of the headcount, grey = no data.
"""

from __future__ import annotations

import importlib

from asmhub_utils.chapters.chart_mined_area import (
    AMAZON_MEASURES,
    PERIOD_MARKERS,
    AmazonMeasure,
    country_colours,
    mined_area,
    mined_area_title,
    period_time,
    period_words,
)
from asmhub_utils.chapters.chart_publish import (
    captured,
    figure_html,
    publish,
    show,
)
from asmhub_utils.chapters.chart_style import (
    COLOURS,
    LAND_COLOURS,
    LIBRARY_LINK,
    MIN_TEXT_PT,
    PALETTES,
    REGION_COLOURS,
    RELIABILITY_COLOURS,
    RELIABILITY_LABELS,
    WIDTH,
    WRAP,
    ChartLayoutError,
    figure_reliability,
    human,
    marker,
    palette,
    use_house_style,
    wrap,
)
from asmhub_utils.chapters.chart_svg import (
    DESK_SCALE,
    SVG,
    XLINK,
    Citations,
    content_prefix,
    mark_title,
    new_page,
    source_citation,
    to_svg,
)
from asmhub_utils.chapters.chart_timeline import Timeline, estimates_over_time

# The charts drawn with matplotlib are imported when a page first uses one (PEP 562's module __getattr__): a page
# whose only charts are estimates_over_time and mined_area (a country profile) never imports matplotlib (0.4 s of a
# profile).
_DRAWN_WITH_MATPLOTLIB = {
    "asmhub_utils.chapters.chart_amazon": ("protected_area",),
    "asmhub_utils.chapters.chart_estimates": (
        "AXIS_IN",
        "HEADING_IN",
        "LINE_IN",
        "MARGIN",
        "MARK_IN",
        "SCREEN_IN",
        "TALL_IN",
        "draw_estimate",
        "estimates_by_category",
        "headline_strips",
        "publisher",
        "ranges_chart",
        "repeated_axes",
        "row_label",
        "short_source",
    ),
    "asmhub_utils.chapters.chart_layout": ("check_layout", "drawable_text"),
}
_MODULE_OF = {name: module for module, names in _DRAWN_WITH_MATPLOTLIB.items() for name in names}


def __getattr__(name: str) -> object:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_MODULE_OF[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "WIDTH",
    "MIN_TEXT_PT",
    "WRAP",
    "LIBRARY_LINK",
    "RELIABILITY_COLOURS",
    "RELIABILITY_LABELS",
    "COLOURS",
    "LAND_COLOURS",
    "REGION_COLOURS",
    "PALETTES",
    "ChartLayoutError",
    "use_house_style",
    "human",
    "wrap",
    "palette",
    "figure_reliability",
    "Citations",
    "mark_title",
    "source_citation",
    "SVG",
    "XLINK",
    "DESK_SCALE",
    "to_svg",
    "new_page",
    "content_prefix",
    "captured",
    "figure_html",
    "publish",
    "show",
    "Timeline",
    "marker",
    "estimates_over_time",
    "AMAZON_MEASURES",
    "PERIOD_MARKERS",
    "AmazonMeasure",
    "country_colours",
    "mined_area",
    "mined_area_title",
    "period_time",
    "period_words",
    *_MODULE_OF,  # the charts drawn with matplotlib, imported when first used
]
