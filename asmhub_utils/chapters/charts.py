"""Every chart of the book: one house style, layouts that cannot collapse, and charts that cite themselves.

Each chart is drawn 4.4 in wide with text of 11 pt or more and written into the page as inline SVG with its
text kept as text (crisp, searchable, selectable). Inline SVG at its natural size is 4.4 in = 422 CSS px wide;
on a 390 px phone the book's column is ~326 px, so the chart is shown at 326 / 316.8 = 1.03 CSS px per point
and 11 pt text stays at 11 px or more as displayed (tests/site/test_phone_pages.py measures it). Every mark of a
figure is a link to its source's entry in the resource library and
carries a <title> naming the value, its year and its source: browsers show it on hover, and
book/assets/asmhub.js shows it under the chart on tap. No JavaScript is needed to read a chart.

Before a chart is written, `check_layout` draws it with warnings turned into errors and raises
ChartLayoutError when the plot area collapses or any text leaves the figure or is smaller than 11 pt.

Colour means one thing per kind of chart (PALETTES, and the legend of every chart says it):
- estimate charts (ranges_chart, estimates_over_time, estimates_by_category, headline_strips):
  colour = the reliability grade of the figure, as the tables give it (blue primary, orange secondary: it quotes
  another producer or reaches us through one, grey low reliability);
  shape = what the source states (dot: a figure; bar: a range; triangle: a bound, pointing where the value lies);
  hollow (over-time charts only) = placed at its source's publication year (no reference year given);
- Amazon mined-area charts: colour = country, the same colour for a country in every chart (countries by name);
  shape = the period (dot: a whole year; diamond: a quarter), on a true time axis; every point is a cited mark
  (value in hectares, period, source), like an estimate's;
- protected-land chart: colour = kind of land (protected area, indigenous territory);
- statistical charts drawn with seaborn (distributions.py): colour = region, named beside its row (REGION_COLOURS);
- the map (maps.py): colour = size class of the headcount, grey = no data; drawn twice (phone: panels stacked;
  desk: regions side by side) and shown as one <picture> at the column width (publish_picture).
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import textwrap
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from babel.numbers import format_compact_decimal, format_decimal
from markupsafe import Markup
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from asmhub_utils import escape, html_templates
from asmhub_utils.chapters import data, display, glyphs, svg_compact

WIDTH = 4.4  # inches
MIN_TEXT_PT = 11  # smallest text, in points (= SVG px); see the module docstring for the 11 px displayed rule
WRAP = 42  # characters per line of a label at 11 pt in a 4.4 in figure
LIBRARY_LINK = "asmhub-library:"  # rewritten to the page-relative library address by sphinx_ext/library_links
RELIABILITY_COLOURS = {"primary": "#0173b2", "secondary": "#de8f05", "low": "#949494"}
RELIABILITY_LABELS = {
    "primary": "primary source",
    "secondary": "secondary source (quoted by another publisher)",
    "low": "low-reliability source",
}
# seaborn's "colorblind" palette, written out (no seaborn import in a kernel).
COLOURS = ("#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133", "#56b4e9")
LAND_COLOURS = {"protected area": "#029e73", "indigenous territory": "#cc78bc"}
REGION_COLOURS = {
    "Africa": "#029e73",
    "Asia": "#d55e00",
    "South America": "#cc78bc",
    "North America": "#ca9161",
    "Europe": "#56b4e9",
    "Oceania": "#fbafe4",
}  # any other region (or none stated): grey
PALETTES = {
    "estimates": ("source reliability", RELIABILITY_COLOURS),
    "amazon": ("country (fixed per country, by name)", COLOURS),
    "land": ("kind of land", LAND_COLOURS),
    "regions": ("region (named beside its row)", REGION_COLOURS),
}


class ChartLayoutError(RuntimeError):
    """A chart whose plot area collapsed or whose text left the figure or is too small to read."""


def use_house_style() -> None:
    plt.rcParams.update(
        {
            "figure.figsize": (WIDTH, 4.2),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "legend.fontsize": 11,
            "legend.title_fontsize": 11,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": plt.cycler(color=COLOURS),
            "figure.constrained_layout.use": True,
            "figure.autolayout": False,
            "svg.fonttype": "none",
            "svg.hashsalt": "asmhub",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],  # + Noto when needed: glyphs.py
        }
    )


def human(value: float, _pos: object = None, locale: str = display.LOCALE) -> str:
    """12,500,000 -> '12.5M', 1,500 -> '1.5k'; for axis ticks: CLDR's short compact form (Babel) to three
    significant digits. English thousands are 'k' (the book's wording; CLDR writes 'K')."""
    if abs(value) < 1000:
        return display.number(value, locale) if value == int(value) else format_decimal(value, "@##", locale)
    scaled = abs(value) / 10 ** (3 * min(int(math.log10(abs(value)) // 3), 4))
    digits = max(0, 3 - len(str(int(scaled))))
    text = format_compact_decimal(value, format_type="short", fraction_digits=digits, locale=locale)
    return text.replace("K", "k") if locale == "en" else text


def wrap(text: str, width: int = WRAP) -> str:
    return textwrap.fill(" ".join(str(text).split()), width, break_long_words=True)


def palette(labels: list[str]) -> dict[str, str]:
    """A colour per label, in the given order, repeating the colour-blind palette when needed."""
    return {label: COLOURS[i % len(COLOURS)] for i, label in enumerate(labels)}


# ---- the layout gate ---------------------------------------------------------------------------------------


def _texts(fig: plt.Figure) -> list[Text]:
    """Every text the figure draws: tick labels only for the ticks inside the axis limits."""
    all_ticks, drawn_ticks = set(), set()
    for ax in fig.axes:
        if not ax.axison:  # an axes drawn without axes (a map): its axis labels and ticks are not drawn
            all_ticks |= {id(ax.xaxis.label), id(ax.yaxis.label)}
        for axis in (ax.xaxis, ax.yaxis):
            for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks()):
                all_ticks |= {id(tick.label1), id(tick.label2)}
            for tick in axis._update_ticks() if ax.axison else ():
                if tick.label1.get_visible():
                    drawn_ticks.add(id(tick.label1))
                if tick.label2.get_visible():
                    drawn_ticks.add(id(tick.label2))
    return [
        text
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip() and (id(text) not in all_ticks or id(text) in drawn_ticks)
    ]


def _drawable_formatter(formatter):
    """A tick formatter whose labels go through glyphs.drawable (a category axis names countries, minerals ...).
    Number formatters are left alone (their labels are digits, and a wrapper would lose a ScalarFormatter's offset)."""
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.ticker import FixedFormatter

    if getattr(formatter, "_asm_drawable", False) or not isinstance(formatter, (StrCategoryFormatter, FixedFormatter)):
        return formatter
    wrapped = FuncFormatter(lambda value, pos: glyphs.drawable(str(formatter(value, pos))))
    wrapped._asm_drawable = True
    wrapped.set_locs = formatter.set_locs  # category and fixed formatters need the tick positions
    return wrapped


def drawable_text(fig: plt.Figure) -> None:
    """Every text of `fig` in characters its fonts can draw (glyphs.py), tick labels included: text in any script
    never fails a chart; what no font has is drawn as U+FFFD. matplotlib falls back from font to font only along
    a text's own family list, so a chart with text DejaVu Sans lacks gets the Noto families on every text."""
    texts = fig.findobj(Text)  # empty ones too: a tick label gets its text when drawn
    names = [t.get_text() for t in texts]
    for ax in fig.axes:  # category axes (bars per country ...) make their tick labels only when drawn
        for axis in (ax.xaxis, ax.yaxis):
            names += [str(key) for key in getattr(axis.get_units(), "_mapping", {})]
    if all(glyphs.basic(name) for name in names):
        return
    fonts = list(glyphs.families())
    matplotlib.rcParams["font.family"] = fonts  # for the tick labels made at the next draw
    for text in texts:
        if text.get_fontfamily() == ["sans-serif"]:
            text.set_fontfamily(fonts)
        shown = text.get_text()
        if shown and shown != (clean := glyphs.drawable(shown)):
            text.set_text(clean)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(_drawable_formatter(axis.get_major_formatter()))
            axis.set_minor_formatter(_drawable_formatter(axis.get_minor_formatter()))


def check_layout(fig: plt.Figure) -> None:
    """Draw `fig` (warnings are errors) and raise ChartLayoutError when a plot area is narrower than 40% of the
    figure or lower than 0.5 in, or when a text leaves the figure or is smaller than MIN_TEXT_PT."""
    if not hasattr(fig.canvas, "get_renderer"):  # a closed figure: draw it with Agg again
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    drawable_text(fig)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            # Lays out and places every artist as a draw does, without painting pixels (half the time of a
            # full Agg draw; the SVG writer draws the chart once more anyway).
            fig.draw_without_rendering()
    except Warning as warning:
        raise ChartLayoutError(f"drawing the chart warned: {warning}") from None
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    problems = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        least = 0.4 if ax.get_aspect() == "auto" else 0.25  # a map keeps its shape: narrower on a wide figure
        if ax.bbox.width < least * box.width or ax.bbox.height < 0.5 * fig.dpi:
            problems.append(
                f"plot area collapsed to {ax.bbox.width:.0f} x {ax.bbox.height:.0f} px "
                f"of a {box.width:.0f} x {box.height:.0f} px figure"
            )
    for text in _texts(fig):
        extent = text.get_window_extent(renderer)
        if extent.x0 < box.x0 - 1 or extent.x1 > box.x1 + 1 or extent.y0 < box.y0 - 1 or extent.y1 > box.y1 + 1:
            problems.append(f"text {text.get_text()[:40]!r} leaves the figure")
        if text.get_fontsize() < MIN_TEXT_PT:
            problems.append(f"text {text.get_text()[:40]!r} is {text.get_fontsize():.0f} pt (< {MIN_TEXT_PT})")
    problems += _marks_outside_axes(fig)
    for legend in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
        extent = legend.get_window_extent(renderer)
        if extent.x0 < box.x0 - 1 or extent.x1 > box.x1 + 1 or extent.y0 < box.y0 - 1:
            problems.append("the legend leaves the figure")
    if problems:
        title = next((t.get_text() for t in fig.findobj(Text) if t.get_text().strip()), "")
        raise ChartLayoutError(f"chart {title[:60]!r}: " + "; ".join(dict.fromkeys(problems)))


def _marks_outside_axes(fig: plt.Figure) -> list[str]:
    """A cited mark (a figure's dot or triangle) that the plot area would cut: its centre and half its size must
    lie inside the axes, or the reader sees half a dot at 0 %."""
    problems = []
    for ax in fig.axes:
        box = ax.bbox
        for line in ax.lines:
            if "-asmfig-" not in (line.get_gid() or "") or line.get_marker() in (None, "", "None", " "):
                continue
            radius = line.get_markersize() / 2 * fig.dpi / 72
            for x, y in line.get_transform().transform(line.get_xydata()):
                if (
                    x - radius < box.x0 - 0.5
                    or x + radius > box.x1 + 0.5
                    or y - radius < box.y0 - 0.5
                    or y + radius > box.y1 + 0.5
                ):
                    problems.append(f"a mark at {line.get_xydata()[0].tolist()} is cut by the plot area's edge")
                    break
    return problems


# ---- self-citing marks and the SVG writer -------------------------------------------------------------------


@dataclass
class Citations:
    """What each mark of a chart says on hover and where it links: gid -> (title, href). The SVG writer gives
    every id of a chart a prefix drawn from the chart's own content (two charts on one page stay apart, and a
    chart's ids never depend on which charts the kernel drew before it)."""

    marks: dict[str, tuple[str, str]] = field(default_factory=dict)
    prefix: str = "m"

    def add(self, row: pd.Series, artists: list, title: str | None = None) -> None:
        """Cite `row` (a figure with its `source_*` columns) on `artists`: `title` (default: mark_title)
        on hover and tap, a link to the row's source in the library."""
        gid = f"{self.prefix}-asmfig-{len(self.marks)}"
        self.marks[gid] = (title or mark_title(row), LIBRARY_LINK + "#src-" + str(row.get("source_id", "")))
        for n, artist in enumerate(artists):
            artist.set_gid(f"{gid}-{n}")


def mark_title(row: pd.Series) -> str:
    """'80-100 million people, 1999. Delve (2020): Global ASM Employment section. Reliability: primary.'"""
    return f"{display.figure(row)}, {display.row_year(row)}. {source_citation(row)}"


def source_citation(row: pd.Series, with_title: bool = True) -> str:
    """Who says it, for a mark's title: 'Delve (2020): Global ASM Employment section. Reliability: primary.'
    (without the document's title with `with_title=False`: its library entry, one tap away, gives it)."""
    source = display.source_short(row.get("source_publisher"), 60)
    published = row.get("source_year")
    cite = f"{source} ({display.publication_year(published)})"
    title = row.get("source_title") if with_title else None
    if isinstance(title, str):
        from asmhub_utils.tidy import reader_notes

        title = reader_notes.without_working_asides(title)  # the compilers' '(title from URL)' stays in the data
    title = f": {title}" if isinstance(title, str) and title.strip() else ""
    return f"{cite}{title}. Reliability: {figure_grade(row)}."


SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"


DESK_SCALE = 1.3


def to_svg(fig: plt.Figure, description: str = "") -> str:
    """The figure as inline SVG: text as text, each cited mark wrapped in a link with a <title>."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "asmhub"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    root = ET.fromstring(buffer.getvalue())
    citations = getattr(fig, "_asm_citations", None) or Citations()
    marks = citations.marks
    for metadata in root.findall(f"{{{SVG}}}metadata"):
        root.remove(metadata)
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        match = re.fullmatch(r"(.+-asmfig-\d+)-\d+", element.get("id", ""))
        if not match or match.group(1) not in marks:
            continue
        title, href = marks[match.group(1)]
        parent = parents[element]
        link = ET.Element(f"{{{SVG}}}a", {"href": href, "class": "asm-mark"})
        ET.SubElement(link, f"{{{SVG}}}title").text = escape.plain(title)
        index = list(parent).index(element)
        parent.remove(element)
        link.append(element)
        parent.insert(index, link)
    _round_geometry(root)
    root.set("class", "asm-chart")
    if description:
        root.set("aria-label", description)
    for attribute in ("width", "height"):  # scale with the column; the viewBox keeps the proportions
        root.attrib.pop(attribute, None)
    # Fill the column on a phone; on a desk screen grow to 1.3 times the drawn size (text about 19 px), not to
    # the whole column, where chart text would look like a slide's.
    width_px = fig.get_figwidth() * 96
    root.set("style", f"width:100%;max-width:{width_px * DESK_SCALE:.0f}px;height:auto")
    svg_compact.compact(root)
    _prefix_ids(root, content_prefix(root))
    return re.sub(r">\s+<", "><", ET.tostring(root, encoding="unicode"))


_GEOMETRY = ("d", "x", "y", "x1", "x2", "y1", "y2", "transform", "points")
_LONG_DECIMAL = re.compile(r"(\d\.\d{2})\d+")


def _round_geometry(root: ET.Element) -> None:
    """Coordinates to 0.01 pt (matplotlib writes 6 decimals): lighter pages, no visible change. Text and
    titles are left exactly as written."""
    for element in root.iter():
        for key in _GEOMETRY:
            if key in element.attrib:
                element.set(key, _LONG_DECIMAL.sub(r"\1", element.attrib[key]))


# How many charts of each content the current page has drawn: the one piece of page state the chart code keeps.
# The kernel pool calls new_page() before each notebook (kernel_pool.RESET), as a fresh kernel would start.
_ON_PAGE: dict[str, int] = {}


def new_page() -> None:
    """Forget the charts drawn so far: the next chart is the first of a new page."""
    _ON_PAGE.clear()


def content_prefix(root: ET.Element) -> str:
    """'c' and 8 hex digits of the chart's SVG (the same chart gets the same ids in any kernel, whatever ran
    before), and '-2', '-3' for a second or third identical chart on the page."""
    digest = "c" + hashlib.sha1(ET.tostring(root), usedforsecurity=False).hexdigest()[:8]
    _ON_PAGE[digest] = _ON_PAGE.get(digest, 0) + 1
    return digest if _ON_PAGE[digest] == 1 else f"{digest}-{_ON_PAGE[digest]}"


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """matplotlib's ids (clip paths, marker shapes) repeat from chart to chart: make them unique per chart."""
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    for element in root.iter():
        for key, value in element.attrib.items():
            if key == "id" and not value.startswith(prefix):
                element.set(key, f"{prefix}-{value}")
            elif "#" in value:
                element.set(
                    key,
                    re.sub(
                        r"#([\w.-]+)",
                        lambda m: (
                            f"#{prefix}-{m.group(1)}"
                            if m.group(1) in ids and not m.group(1).startswith(prefix)
                            else m.group(0)
                        ),
                        value,
                    ),
                )


def png(fig: plt.Figure, dpi: int = 130) -> bytes:
    """The figure as a PNG of at most 64 colours (a map is flat colour: a third of the bytes, no visible loss)."""
    from PIL import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").quantize(64)
    out = io.BytesIO()
    image.save(out, format="png", optimize=True)
    return out.getvalue()


def _notebook_display():
    """IPython's `display` when running in a notebook kernel; None elsewhere (tests, scripts)."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover
        return None
    return display if get_ipython() is not None else None


_CAPTURED: list[list[str]] = []


@contextmanager
def captured() -> Iterator[list[str]]:
    """Inside the block, `publish` appends each chart's HTML (as the page would show it) to the yielded list
    instead of showing it: the explorer's static views are written to files, not into the notebook."""
    charts: list[str] = []
    _CAPTURED.append(charts)
    try:
        yield charts
    finally:
        _CAPTURED.pop()


def figure_html(fig: plt.Figure, description: str) -> str:
    """A chart as a page shows it: inline SVG in a figure with the note line a tapped mark fills."""
    return html_templates.render("chart_figure.html", svg=Markup(to_svg(fig, description)))


def publish(fig: plt.Figure, description: str = "", svg: bool = True) -> plt.Figure:
    """Check the layout (ChartLayoutError), then, in a notebook, show the chart and close it: as inline SVG, or
    with `svg=False` (maps: thousands of coastline points, no cited marks) as a PNG image. Inside `captured()`
    the SVG's HTML goes to the capture instead."""
    check_layout(fig)
    show = _notebook_display()
    if _CAPTURED and svg:
        _CAPTURED[-1].append(figure_html(fig, description))
    elif show is not None and not svg:
        from IPython.display import Image

        show(Image(data=png(fig), format="png", width=int(fig.get_figwidth() * 96)))
    elif show is not None:
        from IPython.display import HTML

        show(HTML(figure_html(fig, description)))
    plt.close(fig)
    return fig


PICTURES = "figures"  # folder of the site (book/site_extra/figures/, copied by Sphinx) for publish_picture
DESK_MEDIA = "(min-width: 641px)"  # the desk drawing from here up (book/assets/asmhub.css: phone below 641 px)


def picture_html(phone: plt.Figure, desk: plt.Figure, name: str, alt: str, folder, address: str) -> str:
    """Write the two drawings of a figure as PNGs at 1x and 2x density (96 and 192 dpi: natural size is the
    column's width) into `folder`, and return a <picture> that shows the desk one from DESK_MEDIA up and the
    phone one below, at the column's width; `address` is the folder as the page reaches it."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise ValueError(f"picture name {name!r}: use lower-case letters, digits, '-' and '_' only")
    folder.mkdir(parents=True, exist_ok=True)
    drawings = {}
    for kind, fig in (("phone", phone), ("desk", desk)):
        files = []
        for density in (1, 2):
            file_name = f"{name}-{kind}{'' if density == 1 else '-2x'}.png"
            (folder / file_name).write_bytes(png(fig, dpi=96 * density))
            files.append((f"{address}/{file_name}", density))
        drawings[kind] = {
            "files": files,
            "width": f"{fig.get_figwidth() * 96:.0f}",
            "height": f"{fig.get_figheight() * 96:.0f}",
        }
    return html_templates.render("picture.html", media=DESK_MEDIA, alt=alt, **drawings)


def publish_picture(phone: plt.Figure, desk: plt.Figure, name: str, alt: str) -> None:
    """Check both drawings' layouts (ChartLayoutError), then, in a notebook, show them as one picture at the
    column's width (for flat-colour figures with thousands of points and no cited marks: maps)."""
    for fig in (phone, desk):
        check_layout(fig)
    show = _notebook_display()
    if show is not None:
        from IPython.display import HTML

        from asmhub_utils.chapters import downloads

        folder = downloads.DOWNLOADS.parent / PICTURES
        show(HTML(picture_html(phone, desk, name, alt, folder, downloads.address(PICTURES))))
    plt.close(phone)
    plt.close(desk)


# ---- estimate rows: one line per figure, its label above it ------------------------------------------------

LINE_IN = 0.2  # height of one line of 11 pt text, inches
MARK_IN = 0.24  # height of the band holding a figure's mark
HEADING_IN = 0.3
# A phone shows about 8 inches of a WIDTH-wide chart (844 px tall screen, 390 px wide); a chart taller than one and
# a half screens repeats its value axis (tick labels in a band of AXIS_IN) every SCREEN_IN of rows, so a reader
# scrolling through the rows always has the scale in view (the women chart: 50 rows, 3 screens).
SCREEN_IN = 8.0
TALL_IN = 1.5 * SCREEN_IN
AXIS_IN = 0.3


def marker(row: pd.Series | dict) -> str:
    """'o' for a stated figure, '>' for a lower bound (more than), '<' for an upper bound (up to, nearly)."""
    has_low, has_high = pd.notna(row["value_low"]), pd.notna(row["value_high"])
    if has_low and not has_high:
        return ">"
    if has_high and not has_low:
        return "<"
    return "o"


def draw_estimate(
    ax: plt.Axes, position: float, row: pd.Series, colour: str, horizontal: bool = False, hollow: bool = False
) -> list:
    """A bar for a range, a dot for a stated figure, a triangle for a bound; returns the artists drawn."""
    low, high, central = row["value_low"], row["value_high"], row["value_central"]
    has_low, has_high = pd.notna(low), pd.notna(high)
    drawn = []
    if has_low and has_high and low != high:
        span = ax.hlines if horizontal else ax.vlines
        drawn.append(span(position, low, high, color=colour, linewidth=6, alpha=0.6))
    point = (
        central
        if pd.notna(central)
        else (low if has_low and not has_high else high if has_high and not has_low else None)
    )
    if point is None or pd.isna(point):
        return drawn
    shape = marker(row)
    if horizontal is False and shape != "o":
        shape = "^" if shape == ">" else "v"
    xy = (point, position) if horizontal else (position, point)
    drawn += ax.plot(
        *xy, marker=shape, markersize=9, color=colour, markerfacecolor="white" if hollow else colour, linestyle="none"
    )
    return drawn


def figure_grade(row: pd.Series | dict) -> str:
    """The figure's own grade (`grade`: secondary when it quotes another producer), the same the tables show;
    its source's where the data has no figure grade."""
    grade = (
        row.get("grade") if isinstance(row.get("grade"), str) and row.get("grade") else row.get("source_reliability")
    )
    return grade if grade in RELIABILITY_COLOURS else "low"


def _legend(fig: plt.Figure, frame: pd.DataFrame, extra: list[tuple[str, dict]] = ()) -> int:
    """The estimate legend: reliability colours and mark shapes present. Returns the number of lines."""
    handles = []
    grades = {figure_grade(row) for _, row in frame.iterrows()}
    for grade, colour in RELIABILITY_COLOURS.items():
        if grade in grades:
            handles.append(
                Line2D(
                    [], [], marker="s", markersize=9, color=colour, linestyle="none", label=RELIABILITY_LABELS[grade]
                )
            )
    ranged = frame["value_low"].notna() & frame["value_high"].notna() & (frame["value_low"] != frame["value_high"])
    if ranged.any():
        handles.append(Line2D([], [], color="#555555", linewidth=6, alpha=0.6, label="bar: a range as published"))
    bounds = frame["value_low"].notna() ^ frame["value_high"].notna()
    if bounds.any():
        handles.append(
            Line2D(
                [],
                [],
                marker=">",
                color="#555555",
                linestyle="none",
                markersize=9,
                label="triangle: a bound (more than / up to)",
            )
        )
    for label, style in extra:
        handles.append(Line2D([], [], linestyle="none", markersize=9, label=label, **style))
    fig.legend(handles=handles, loc="outside lower left", ncols=1, frameon=False, handletextpad=0.4)
    return len(handles)


def _repeat_axis(ax: plt.Axes, y: float, height: float) -> None:
    """The value axis again (line, ticks and labels) at `y` inches from the top of rows `height` inches tall: a
    secondary axis of the same scale, so no extra text or line joins the chart's own (its marks, its labels)."""
    low, high = sorted(ax.get_xlim())
    ticks = [t for t in ax.get_xticks() if low <= t <= high]  # a log axis lists ticks beyond its limits
    axis = ax.secondary_xaxis(1 - y / height)
    axis.set_xticks(ticks)
    axis.xaxis.set_major_formatter(ax.xaxis.get_major_formatter())
    axis.tick_params(axis="x", labelsize=MIN_TEXT_PT, colors="#555555", direction="out")
    axis.spines["top"].set_color("#bbbbbb")


def repeated_axes(body: float) -> int:
    """How many times a chart of `body` inches of rows repeats its value axis (0 up to TALL_IN)."""
    return 0 if body <= TALL_IN else int(body // SCREEN_IN)


def _rows(
    ax: plt.Axes,
    frame: pd.DataFrame,
    labels: list[str],
    headings: dict[int, str],
    cites: Citations,
    repeat_axis: bool = False,
) -> float:
    """Draw one figure per row, its wrapped label above its mark; bold headings before rows listed in
    `headings`. y is in inches from the top. With `repeat_axis`, a band for the value axis is left every
    SCREEN_IN (`ax._asm_axis_bands`). Returns the total height used."""
    y = 0.1
    next_axis = SCREEN_IN
    bands: list[float] = []
    left = blended_transform_factory(ax.transAxes, ax.transData)
    for i, ((_, row), label) in enumerate(zip(frame.iterrows(), labels)):
        if repeat_axis and y >= next_axis:
            bands.append(y + AXIS_IN)
            y += AXIS_IN + 0.05
            next_axis += SCREEN_IN
        if i in headings:
            heading = _heading(headings[i])
            ax.text(0, y, heading, transform=left, va="top", ha="left", fontweight="bold", fontsize=12, in_layout=False)
            y += HEADING_IN * (heading.count("\n") + 1)
        text = _label(label)
        ax.text(0, y, text, transform=left, va="top", ha="left", fontsize=MIN_TEXT_PT, color="#222222", in_layout=False)
        y += LINE_IN * (text.count("\n") + 1)
        grade = figure_grade(row)
        artists = draw_estimate(ax, y + MARK_IN / 2, row, RELIABILITY_COLOURS[grade], horizontal=True)
        whole = " ".join(str(label).split())
        cites.add(row, artists, None if glyphs.shortened(whole) == whole else f"{whole}: {mark_title(row)}")
        y += MARK_IN + 0.08
    ax._asm_axis_bands = bands  # where ranges_chart draws the value axis again, once the height is known
    return y


def _heading(heading: str) -> str:
    """A group heading as drawn: shortened like a label, wrapped for its bold 12 pt."""
    return wrap(escape.chart_text(glyphs.shortened(str(heading))), WRAP - 4)


def _label(label: str) -> str:
    """A row label as drawn: at most glyphs.MAX_LABEL characters (the mark's title gives the whole), wrapped."""
    return wrap(escape.chart_text(glyphs.shortened(str(label))))


def _lines(label: str) -> int:
    """How many lines a row label takes, wrapped as _rows draws it."""
    return _label(label).count("\n") + 1


MARGIN = 0.04  # of the value axis, left empty beyond 0 and the top: a mark at either end is drawn whole


def _value_axis(ax: plt.Axes, frame: pd.DataFrame, percent: bool, log: bool) -> None:
    if log:
        ax.set_xscale("log")
    elif percent:
        ax.set_xlim(-100 * MARGIN, 100 * (1 + MARGIN))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%"))
    else:
        top = max(float(frame[["value_low", "value_high", "value_central"]].max().max()) * 1.04, 1)
        locator = MaxNLocator(5)
        end = locator.tick_values(0, top)[-1]
        ax.set_xlim(-end * MARGIN, end)
        ax.xaxis.set_major_formatter(FuncFormatter(human))
    ax.xaxis.set_major_locator(MaxNLocator(5) if not log else ax.xaxis.get_major_locator())
    if not log:  # no tick below 0 or above the end (the margins are room for marks, not values)
        low, high = ax.get_xlim()
        ax.set_xticks(
            [
                t
                for t in ax.xaxis.get_major_locator().tick_values(max(low, 0), high)
                if max(low, 0) - 1e-9 <= t <= (100 if percent else high) + 1e-9
            ]
        )
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)


def _title(fig: plt.Figure, title: str) -> None:
    """The chart's title, wrapped, from the figure's left edge (not the axes': tick labels would push it out)."""
    fig.suptitle(wrap(title, WRAP - 6), x=0.01, ha="left", fontweight="bold", fontsize=12)


def _figure(height: float) -> tuple[plt.Figure, plt.Axes]:
    use_house_style()
    fig, ax = plt.subplots(figsize=(WIDTH, height))
    fig._asm_citations = Citations()
    return fig, ax


def _numeric(frame: pd.DataFrame, title: str) -> pd.DataFrame:
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = data.numeric(frame).copy()
    if frame.empty:
        raise ValueError(f"chart {title!r}: no figure with a number to draw")
    return frame


def _overhead(title: str, xlabel: str, legend_lines: int) -> float:
    return (
        0.3 * (wrap(title, WRAP - 6).count("\n") + 1)
        + 0.3 * (xlabel.count("\n") + 1)
        + 0.45
        + 0.24 * legend_lines
        + 0.3
    )


def ranges_chart(
    frame: pd.DataFrame,
    label: str,
    title: str,
    xlabel: str,
    log: bool = False,
    percent: bool = False,
    headings: str | None = None,
    names_source: bool = False,
) -> plt.Axes:
    """One row per numeric figure, labelled (above the mark) by column `label` and its source's short publisher
    ('Ghana, 2017 · UNEP'; with `names_source`, the label already names the source and is used alone), wrapped,
    never cut, in the frame's order.

    A bar spans a stated range (never reduced to its midpoint); a dot marks a stated figure; a triangle a bound.
    Colour = the figure's grade. With `headings` (a column), a bold heading starts each group. Rows without a
    number are left out: list them in a table.
    """
    frame = _numeric(frame, title)
    labels = [str(row[label]) if names_source else f"{row[label]} · {publisher(row)}" for _, row in frame.iterrows()]
    heads: dict[int, str] = {}
    if headings:
        for i, value in enumerate(frame[headings]):
            if i == 0 or value != frame[headings].iloc[i - 1]:
                heads[i] = str(value) or "(not stated)"
    body = sum(LINE_IN * _lines(t) + MARK_IN + 0.08 for t in labels) + HEADING_IN * sum(
        max(1.5, _heading(h).count("\n") + 1) for h in heads.values()
    )
    repeats = repeated_axes(body)
    body += repeats * (AXIS_IN + 0.05)
    legend_lines = 3
    fig, ax = _figure(body + _overhead(title, xlabel, legend_lines) + 0.2)
    _value_axis(ax, frame, percent, log)
    if repeats:  # the axis at the top too, so the first rows are read against it
        ax.tick_params(axis="x", top=True, labeltop=True)
    used = _rows(ax, frame, labels, heads, fig._asm_citations, repeat_axis=bool(repeats))
    ax.set_ylim(used + 0.05, 0)
    for band in ax._asm_axis_bands:
        _repeat_axis(ax, band, used + 0.05)
    _title(fig, title)
    ax.set_xlabel(wrap(xlabel))
    _legend(fig, frame)
    publish(fig, f"Chart: {title}. {len(frame)} figures, each with its source.")
    return ax


def row_label(frame: pd.DataFrame, what: str = "country_name") -> pd.Series:
    """'Indonesia, 2017' / 'World, undated (published 2023)': a row label with the year the figure refers to."""
    frame = frame if "source_year" in frame else data.with_sources(frame)
    years = frame.apply(display.row_year, axis=1)
    name = frame[what] if what in frame else pd.Series("", index=frame.index)
    name = name.fillna("").astype(str).replace("", "World")
    return name + ", " + years


def publisher(row: pd.Series) -> str:
    """'Creamer Media / Mining Weekly': the publisher before any bracket, whole (a chart label wraps, never cuts)."""
    return display.source_short(row["source_publisher"], None)


def short_source(row: pd.Series) -> str:
    """'IGF / IISD, 2017': the short publisher and the figure's year label; a row label that names its source."""
    return f"{publisher(row)}, {display.row_year(row)}"


def _reading_order(column: pd.Series) -> pd.Series:
    """Names as a reader looks them up: case and a leading 'The' ignored (The Democratic Republic of the Congo
    under D); other columns as they are."""
    if column.dtype == object or pd.api.types.is_string_dtype(column):
        return column.fillna("").astype(str).str.casefold().str.replace(r"^the ", "", regex=True)
    return column


def estimates_by_category(
    frame: pd.DataFrame, category: str, title: str, xlabel: str, percent: bool = False, label: str | None = None
) -> plt.Axes:
    """Every figure side by side under a bold heading per `category` (e.g. mineral), labelled with its source and
    year (or, with `label`, by that column and the year): nothing averaged. Colour = the figure's grade."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = frame.sort_values(
        [category, *([label] if label else []), "plot_year"], na_position="first", key=_reading_order
    )
    frame = frame.assign(
        _label=[short_source(r) if label is None else f"{r[label]}, {display.row_year(r)}" for _, r in frame.iterrows()]
    )
    return ranges_chart(frame, "_label", title, xlabel, percent=percent, headings=category, names_source=label is None)


def headline_strips(groups: dict[str, pd.DataFrame], units: dict[str, str]) -> plt.Figure:
    """One panel per headline indicator, stacked for a phone: every estimate on its own row, labelled with its
    source and year, drawn as a range, a point or a bound; colour = the figure's grade."""
    use_house_style()
    groups = {name: (f if "source_publisher" in f else data.with_sources(f)) for name, f in groups.items()}
    labels = {name: [short_source(r) for _, r in f.iterrows()] for name, f in groups.items()}
    bodies = [sum(LINE_IN * _lines(t) + MARK_IN + 0.08 for t in labels[name]) + 0.1 for name in groups]
    titles = {name: wrap(f"{name} ({units[name]})", WRAP - 6) for name in groups}
    extra = sum(0.3 * (t.count("\n") + 1) + 0.5 for t in titles.values())
    fig, axes = plt.subplots(
        len(groups), 1, figsize=(WIDTH, sum(bodies) + extra + 1.2), gridspec_kw={"height_ratios": bodies}, squeeze=False
    )
    fig._asm_citations = Citations()
    for ax, (name, frame) in zip(axes[:, 0], groups.items()):
        used = _rows(ax, frame, labels[name], {}, fig._asm_citations)
        ax.set_ylim(used + 0.05, 0)
        _value_axis(ax, frame, percent=False, log=False)
        ax.set_title(titles[name], loc="left", fontsize=12)
    _legend(fig, pd.concat(groups.values()))
    publish(fig, "Chart: headline indicators, every estimate with its source.")
    return fig


def estimates_over_time(frame: pd.DataFrame, title: str, ylabel: str) -> plt.Axes:
    """Every independent estimate at its year (`data.independent`: one mark per original estimate, however often
    quoted): a dot for a stated figure, a bar for a range, a triangle for a bound. Colour = the figure's grade;
    hollow = placed at its source's publication year (no reference year given). Figures with no year at all are
    left out (pages list them in a table). Whole years on the year axis."""
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = data.independent(frame.dropna(subset=["plot_year"]))
    frame = data.numeric(frame) if len(frame) else frame
    if frame.empty:
        raise ValueError(f"chart {title!r}: no dated figure with a number to draw")
    fig, ax = _figure(4.4 + 0.24 * 4)
    hollow_any = False
    for _, row in frame.iterrows():
        hollow = row.get("year_basis") == "publication year"
        hollow_any |= hollow
        grade = figure_grade(row)
        artists = draw_estimate(ax, float(row["plot_year"]), row, RELIABILITY_COLOURS[grade], hollow=hollow)
        fig._asm_citations.add(row, artists)
    years = frame["plot_year"].astype(float)
    ax.set_xlim(years.min() - 1, years.max() + 1)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, min_n_ticks=2))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}"))
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    # Head-room so a mark at the largest value (a triangle for "up to") is not cut by the frame.
    top = ax.get_ylim()[1] * 1.08
    ax.set_ylim(-top * MARGIN, top)  # and room below 0, so a mark at 0 is whole
    ax.yaxis.set_major_locator(MaxNLocator(6))
    ax.set_yticks([t for t in ax.yaxis.get_major_locator().tick_values(0, top) if 0 <= t <= top])
    _title(fig, title)
    ax.set(xlabel="year the figure refers to", ylabel=ylabel)
    extra = (
        [("hollow: placed at its publication year", {"marker": "o", "color": "#555555", "markerfacecolor": "white"})]
        if hollow_any
        else []
    )
    _legend(fig, frame, extra)
    publish(fig, f"Chart: {title}. {len(frame)} dated independent estimates, each with its source.")
    return ax


# ---- Amazon mined area -------------------------------------------------------------------------------------


def country_colours(names: list[str]) -> dict[str, str]:
    """One colour per Amazon country, fixed by the alphabetical order of all names given (same in every chart)."""
    return palette(sorted(set(names)))


@dataclass(frozen=True)
class AmazonMeasure:
    """What a column of the Amazon tables holds, how a point of it is read, and where on the time axis it sits."""

    says: str  # written after the value in a point's title
    placed: str  # 'end' (a running total at the end of its period) or 'middle' (what the period added)
    axis: str  # the time axis label: what a point is and where it sits


AMAZON_MEASURES = {
    "cumulative_ha": AmazonMeasure(
        "mined in total by the end of", "end", "year (a point: the total at the end of its period)"
    ),
    "area_ha": AmazonMeasure(
        "of mining newly detected in", "middle", "year (a point: the area new in its period, at its middle)"
    ),
}
PERIOD_MARKERS = {"year": ("o", "dot: a whole year"), "quarter": ("D", "diamond: a quarter")}


def period_words(row: pd.Series) -> str:
    """'2023' / '2025 Q2 (a quarter)': an Amazon period, saying when it is not a whole year."""
    return row["period"] if pd.isna(row["quarter"]) else f"{row['period']} (a quarter)"


def mined_area_title(row: pd.Series, value: str) -> str:
    """'Brazil: 186,118 ha mined in total by the end of 2023. Earth Genome / ... (2025). Reliability: primary.'
    What one point of an Amazon chart says on hover and tap (kept short: a chart holds a hundred points, and
    every point of one chart has the same source, whose title the library entry gives)."""
    return (
        f"{row['country']}: {display.number(row[value])} ha {AMAZON_MEASURES[value].says} "
        f"{period_words(row)}. {source_citation(row, with_title=False)}"
    )


def period_time(row: pd.Series, placed: str) -> float:
    """A period's place on a true time axis, in years: its end (2023 -> 2024.0) or its middle (2025 Q2 ->
    2025.375)."""
    from asmhub_utils.chapters import amazon

    start, end = amazon.period_span(int(row["year"]), row["quarter"])
    return end if placed == "end" else (start + end) / 2


def _year_bands(ax: plt.Axes, first: int, last: int) -> None:
    """A time axis in whole years: a grid line at each 1 January, each year's name in the middle of its band."""
    ax.set_xlim(first, last + 1)
    ax.set_xticks(range(first, last + 2))
    ax.set_xticks([y + 0.5 for y in range(first, last + 1)], [str(y) for y in range(first, last + 1)], minor=True)
    ax.tick_params(axis="x", which="major", labelbottom=False, length=6)
    ax.tick_params(axis="x", which="minor", length=0)
    step = max(1, -(-(last + 1 - first) // 8))  # at most 8 names, so they never overlap
    for n, label in enumerate(ax.get_xticklabels(minor=True)):
        label.set_visible(n % step == 0)


def mined_area(frame: pd.DataFrame, value: str, title: str, ylabel: str) -> plt.Axes:
    """Amazon mined area per country and period on a true time scale, one line per country (`value`:
    cumulative_ha, drawn at the end of each period; or area_ha, at the middle of each period, with no line
    joining a year's total to a quarter's). Colour = country; shape = a whole year (dot) or a quarter (diamond).
    Every point cites its source like an estimate's mark (value, period, source, link to the library)."""
    if value not in AMAZON_MEASURES:
        raise ValueError(f"mined_area draws one of {sorted(AMAZON_MEASURES)}, not {value!r}")
    measure = AMAZON_MEASURES[value]
    use_house_style()
    frame = frame if "source_publisher" in frame else data.with_sources(frame)
    frame = frame.assign(
        _x=[period_time(row, measure.placed) for _, row in frame.iterrows()],
        _kind=["year" if pd.isna(q) else "quarter" for q in frame["quarter"]],
    ).sort_values("_x")
    names = sorted(frame["country"].unique())
    from asmhub_utils.chapters import amazon

    colours = country_colours(amazon.national_yearly()["country"].unique().tolist() + names)
    kinds = [kind for kind in PERIOD_MARKERS if (frame["_kind"] == kind).any()]
    fig, ax = _figure(4.9 + 0.24 * -(-(len(names) + len(kinds)) // 2))
    order = frame.groupby("country")[value].max().sort_values(ascending=False).index
    for name in order:
        rows = frame[frame["country"] == name]
        # a running total is one quantity throughout; new area per year and per quarter are not joined
        pieces = [rows] if measure.placed == "end" else [rows[rows["_kind"] == kind] for kind in kinds]
        for n, piece in enumerate(pieces):
            ax.plot(piece["_x"], piece[value], color=colours[name], label=escape.chart_text(name) if n == 0 else None)
        for _, row in rows.iterrows():
            point = ax.plot(
                [row["_x"]],
                [row[value]],
                marker=PERIOD_MARKERS[row["_kind"]][0],
                markersize=5,
                color=colours[name],
                linestyle="none",
                clip_on=False,
            )  # inside: check_layout
            fig._asm_citations.add(row, point, mined_area_title(row, value))
    _year_bands(ax, int(frame["year"].min()), int(frame["year"].max()))
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    top = float(frame[value].max()) * 1.06
    ax.set_ylim(-top * MARGIN, top)  # room below 0 and above the largest value: every point is drawn whole
    ax.set_yticks([t for t in MaxNLocator(5, steps=[1, 2, 2.5, 5, 10]).tick_values(0, top) if 0 <= t <= top])
    _title(fig, title)
    ax.set(ylabel=ylabel, xlabel=wrap(measure.axis))
    shapes = [
        Line2D(
            [],
            [],
            marker=PERIOD_MARKERS[kind][0],
            color="#555555",
            linestyle="none",
            markersize=5,
            label=PERIOD_MARKERS[kind][1],
        )
        for kind in kinds
    ]
    lines, labels = ax.get_legend_handles_labels()
    fig.legend(
        handles=shapes + lines,
        labels=[h.get_label() for h in shapes] + labels,
        loc="outside lower left",
        ncols=2,
        frameon=False,
        title="Country (colour) and period (shape)",
    )
    publish(fig, f"Chart: {title}, one line per country on a time axis; each point names its value, period and source.")
    return ax


def protected_area(totals: pd.DataFrame, title: str) -> plt.Axes:
    """Mined area inside protected areas and indigenous territories, per country (bars). Colour = kind of land."""
    wide = totals.pivot(index="country", columns="kind", values="area_ha").fillna(0)
    wide = wide.sort_index(key=lambda s: s.str.casefold(), ascending=False)
    fig, ax = _figure(2.0 + 0.45 * len(wide) + 0.8)
    kinds = [k for k in LAND_COLOURS if k in wide.columns]
    height = 0.8 / max(len(kinds), 1)
    for n, kind in enumerate(kinds):
        ax.barh(
            [i + n * height for i in range(len(wide))], wide[kind], height=height, color=LAND_COLOURS[kind], label=kind
        )
    ax.set_yticks(
        [i + height * (len(kinds) - 1) / 2 for i in range(len(wide))], [escape.chart_text(name) for name in wide.index]
    )
    ax.xaxis.set_major_formatter(FuncFormatter(human))
    ax.xaxis.set_major_locator(MaxNLocator(4))
    _title(fig, title)
    ax.set(xlabel="hectares", ylabel="")
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower left", ncols=1, frameon=False, title="Kind of land")
    publish(fig, f"Chart: {title}, by country and kind of land.")
    return ax
