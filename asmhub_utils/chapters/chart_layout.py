"""The layout gate: a chart is drawn once with warnings as errors and refused (ChartLayoutError) when its plot
area collapses, a text leaves the figure or is smaller than 11 pt, or a cited mark is cut; text in any script is
made drawable first (glyphs.py)."""

from __future__ import annotations

import warnings

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from asmhub_utils.chapters import glyphs
from asmhub_utils.chapters.chart_style import MIN_TEXT_PT, ChartLayoutError


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
