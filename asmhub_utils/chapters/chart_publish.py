"""Showing a chart on its page: inline SVG in a figure (publish), a PNG for flat-colour figures, the phone and desk
drawings of a map as one <picture> (publish_picture), and a capture for pages written to files (captured)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib.pyplot as plt
from markupsafe import Markup

from asmhub_utils import html_templates
from asmhub_utils.chapters.chart_layout import check_layout
from asmhub_utils.chapters.chart_svg import to_svg


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
