"""Showing a chart on its page: inline SVG in a figure (publish), and a capture for pages written to files
(captured)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from markupsafe import Markup

from asmhub_utils import html_templates
from asmhub_utils.chapters.chart_svg import to_svg

if TYPE_CHECKING:  # matplotlib is imported by `publish`: `show` serves chart_timeline.py without it
    import matplotlib.pyplot as plt


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
    return svg_figure_html(to_svg(fig, description))


def svg_figure_html(svg: str) -> str:
    """`svg` (a chart's inline SVG, project-built) in the figure a page shows (`figure_html` for a matplotlib one)."""
    return html_templates.render("chart_figure.html", svg=Markup(svg))


def showing() -> bool:
    """True inside `captured()` or in a notebook: where `show` puts a chart somewhere."""
    return bool(_CAPTURED) or _notebook_display() is not None


def show(html: str) -> None:
    """A chart's HTML (`figure_html`, or a chart written as SVG by hand) on the page; inside `captured()`, into the
    capture instead; elsewhere (tests, scripts) nowhere."""
    display = _notebook_display()
    if _CAPTURED:
        _CAPTURED[-1].append(html)
    elif display is not None:
        from IPython.display import HTML

        display(HTML(html))


def publish(fig: plt.Figure, description: str = "") -> plt.Figure:
    """Check the layout (ChartLayoutError), then, in a notebook, show the chart as inline SVG and close it. Inside
    `captured()` the SVG's HTML goes to the capture instead."""
    import matplotlib.pyplot as plt

    from asmhub_utils.chapters.chart_layout import check_layout

    check_layout(fig)
    if showing():
        show(figure_html(fig, description))
    plt.close(fig)
    return fig
