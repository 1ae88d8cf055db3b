"""Inline SVG charts say once what matplotlib repeats on every element, and draw the same."""

import re
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402

from asmhub_utils.chapters import charts, svg_compact  # noqa: E402

SVG = "http://www.w3.org/2000/svg"
FONTS = "'DejaVu Sans', 'Noto Sans', sans-serif"


def _root(body: str) -> ET.Element:
    return ET.fromstring(f'<svg xmlns="{SVG}" style="width:100%">{body}</svg>')


def test_the_shared_font_list_moves_to_the_svg_and_another_stays_on_its_text():
    root = _root(
        f'<text style="font-size: 11px; font-family: {FONTS}; fill: #555">a</text>'
        f'<text style="font-family: {FONTS}">b</text>'
        "<text style=\"font-size: 9px; font-family: 'Other'\">c</text>"
    )
    svg_compact.hoist_font_family(root)
    a, b, c = root
    assert root.get("style") == f"width:100%;font-family:{FONTS}"
    assert a.get("style") == "font-size: 11px; fill: #555" and b.get("style") == ""
    assert c.get("style") == "font-size: 9px; font-family: 'Other'"


def test_zero_rotations_unreferenced_ids_and_empty_groups_go_but_marks_and_references_stay():
    root = _root(
        '<defs><clipPath id="clip1"><rect/></clipPath></defs>'
        '<g id="figure_1"><g><text transform="rotate(-0 14.3 673.5)">0%</text>'
        '<text transform="rotate(-90 1 2)">axis</text></g>'
        '<g id="m-asmfig-0-3"><path clip-path="url(#clip1)"/></g></g>'
    )
    svg_compact.compact(root)
    text = ET.tostring(root, encoding="unicode")
    assert "rotate(-0" not in text and "rotate(-90 1 2)" in text
    assert 'id="figure_1"' not in text and 'id="clip1"' in text and 'id="m-asmfig-0-3"' in text
    assert not re.search(r"<(?:ns0:)?g>", text), "a group with no attribute is unwrapped"
    # the prefix depends on whether the SVG writer registered its namespace (ET's global) before this test
    assert len(re.findall(r"<(?:ns0:)?text", text)) == 2 and re.search(r"<(?:ns0:)?path", text)


def test_a_chart_carries_its_font_list_once():
    charts.use_house_style()
    fig, ax = plt.subplots(figsize=(charts.WIDTH, 3))
    ax.barh([f"row {n}" for n in range(20)], range(20))
    ax.set_title("Twenty rows")
    svg = charts.to_svg(fig, "A test chart of twenty rows")
    plt.close(fig)
    assert svg.count("font-family") == 1 and re.search(r'<svg[^>]+style="[^"]*font-family:', svg)
    assert svg.count("<text") >= 20 and "rotate(-0" not in svg
    ids = re.findall(r' id="([^"]+)"', svg)
    for ref in re.findall(r'(?:url\(#|href="#)([^)"]+)', svg):
        assert ref in ids
