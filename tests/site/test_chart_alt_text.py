"""Every chart in the book has a text that describes it (not a file name or matplotlib's repr): a raster image its
alt text, an inline SVG chart or map its aria-label."""

import re
from html.parser import HTMLParser

from asmhub_utils.site.built_pages import book_pages

PLACEHOLDER = re.compile(
    r"(^\s*$)|(\.(png|svg|jpe?g)\b)|(_images/)|(^<Figure size)|(^(image|figure|chart|plot|png|output)$)", re.I
)


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        src = a.get("src") or ""
        if tag == "img" and ("_images/" in src or "/figures/" in src):  # images made by the book, not theme logos
            self.found.append((a["src"], a.get("alt") or ""))
        classes = (a.get("class") or "").split()
        if tag == "svg" and ("asm-chart" in classes or "asm-map-svg" in classes):
            self.found.append((a.get("id") or "inline svg", a.get("aria-label") or ""))


def meaningful(alt: str) -> bool:
    return not PLACEHOLDER.search(alt.strip()) and len(alt.split()) >= 4


def test_placeholder_alt_texts_are_rejected():
    assert not meaningful("../_images/82b5f.png") and not meaningful("<Figure size 640x480 with 1 Axes>")
    assert not meaningful("") and not meaningful("chart")
    assert meaningful("Chart of every published estimate of the number of people working in ASM")


def test_every_chart_image_has_meaningful_alt_text(html_dir):
    charts, bad = 0, []
    for page in book_pages(html_dir):
        parser = Images()
        parser.feed((html_dir / page).read_text(encoding="utf-8"))
        charts += len(parser.found)
        bad += [f"{page}: {src} alt={alt!r}" for src, alt in parser.found if not meaningful(alt)]
    assert charts, "no chart image found in the built book"
    assert not bad, "\n".join(bad[:20])
