"""Charts that cite themselves: what each mark says and links to (Citations), and the SVG writer that turns a
figure into inline SVG with text as text, each cited mark a link with a <title>, and ids drawn from the chart's
content."""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from asmhub_utils import escape
from asmhub_utils.chapters import display, svg_compact
from asmhub_utils.chapters.chart_style import LIBRARY_LINK, figure_reliability

if TYPE_CHECKING:  # matplotlib is imported by to_svg: chart_timeline.py uses this module without it
    import matplotlib.pyplot as plt


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
        self.marks[gid] = (title or mark_title(row), source_link(row))
        for n, artist in enumerate(artists):
            artist.set_gid(f"{gid}-{n}")


def source_link(row: pd.Series) -> str:
    """Where a mark links: its source's entry in the resource library (`LIBRARY_LINK`, made page-relative by the
    book's Sphinx extension)."""
    return LIBRARY_LINK + "#src-" + str(row.get("source_id", ""))


def mark_title(row: pd.Series) -> str:
    """'80-100 million people, 1999. Delve (2020): Global ASM Employment section. Reliability: primary.' A row
    drawn at a value computed from its figure names what is drawn (`mark_reading`, series.derived_female_shares)."""
    drawn = row.get("mark_reading")
    reading = drawn if isinstance(drawn, str) and drawn else display.figure(row)
    return f"{reading}, {display.row_year(row)}. {source_citation(row)}"


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
    return f"{cite}{title}. Reliability: {figure_reliability(row)}."


SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"


DESK_SCALE = 1.3


def to_svg(fig: plt.Figure, description: str = "") -> str:
    """The figure as inline SVG: text as text, each cited mark wrapped in a link with a <title>."""
    import matplotlib

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
