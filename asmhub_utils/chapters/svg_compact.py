"""Lighter inline SVG charts: what matplotlib repeats on every element, said once.

matplotlib's SVG writer (text as text) gives every <text> its whole font list (about 400 characters with the Noto
fallbacks of glyphs.py), an id to every group and a `rotate(-0 x y)` to every upright label. A 50-row chart
carried 37 KB of font lists alone. The drawing is unchanged: the font list moves to the <svg> element, where the
texts inherit it; ids nothing refers to, zero rotations and the groups left with no attribute go.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

_FONT_FAMILY = re.compile(r"(?:^|;)\s*font-family:\s*([^;]+?)\s*(?=;|$)")
_ZERO_ROTATION = re.compile(r"^rotate\(-?0(?:\.0*)? [-\d.e]+ [-\d.e]+\)$")
_REFERENCE = re.compile(r"#([\w.-]+)")
# Ids other code reads: a cited mark's (charts.to_svg wraps it in its link).
_KEPT_ID = re.compile(r"-asmfig-")


def _style_without_font_family(style: str) -> str:
    parts = [p.strip() for p in style.split(";") if p.strip() and not p.strip().startswith("font-family:")]
    return "; ".join(parts)


def hoist_font_family(root: ET.Element) -> None:
    """The font list most texts share is set once on `root` (texts inherit it) and dropped from those texts;
    a text with another list keeps its own."""
    texts = [el for el in root.iter() if el.tag.endswith("}text") or el.tag == "text"]
    families = Counter(m.group(1) for el in texts if (m := _FONT_FAMILY.search(el.get("style", ""))))
    if not families:
        return
    common = families.most_common(1)[0][0]
    for el in texts:
        match = _FONT_FAMILY.search(el.get("style", ""))
        if match and match.group(1) == common:
            el.set("style", _style_without_font_family(el.get("style", "")))
    root_style = root.get("style", "").rstrip("; ")
    root.set("style", f"{root_style};font-family:{common}" if root_style else f"font-family:{common}")


def drop_zero_rotations(root: ET.Element) -> None:
    """`transform="rotate(-0 x y)"` (matplotlib writes it on every upright text) turns nothing."""
    for el in root.iter():
        if _ZERO_ROTATION.match(el.get("transform", "")):
            del el.attrib["transform"]


def drop_unreferenced_ids(root: ET.Element) -> None:
    """Ids nothing in the chart refers to (`url(#id)`, `href="#id"`), but a cited mark's."""
    referenced = {
        name
        for el in root.iter()
        for key, value in el.attrib.items()
        if key != "id"
        for name in _REFERENCE.findall(value)
    }
    for el in root.iter():
        name = el.get("id")
        if name and name not in referenced and not _KEPT_ID.search(name):
            del el.attrib["id"]


def unwrap_plain_groups(root: ET.Element) -> None:
    """A <g> with no attribute left groups nothing a browser sees: its children take its place."""
    for parent in list(root.iter()):
        children = list(parent)
        if not any(_is_plain_group(child) for child in children):
            continue
        flat: list[ET.Element] = []
        for child in children:
            if _is_plain_group(child):
                unwrap_plain_groups(child)
                flat.extend(child)
            else:
                flat.append(child)
        parent[:] = flat


def _is_plain_group(element: ET.Element) -> bool:
    return (element.tag.endswith("}g") or element.tag == "g") and not element.attrib


def compact(root: ET.Element) -> None:
    """All of the above, in place."""
    hoist_font_family(root)
    drop_zero_rotations(root)
    drop_unreferenced_ids(root)
    unwrap_plain_groups(root)
