"""No page loads a script, stylesheet, image or font from another host."""

import re
from html.parser import HTMLParser

from asmhub_utils import paths

EXTERNAL = re.compile(r"^(https?:)?//", re.I)


class AssetCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.assets.append((tag, a["src"]))
        if (
            tag == "link"
            and a.get("href")
            and set((a.get("rel") or "").split()) & {"stylesheet", "preload", "icon", "modulepreload", "prefetch"}
        ):
            self.assets.append((tag, a["href"]))


def test_pages_load_nothing_from_outside(pages):
    offenders = []
    for page in pages:
        collector = AssetCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        offenders += [
            f"{page.relative_to(paths.HTML)}: <{t}> {url}" for t, url in collector.assets if EXTERNAL.match(url)
        ]
    assert not offenders, "\n".join(offenders[:20])


def test_stylesheets_load_no_outside_fonts_or_images(html_dir):
    offenders = []
    for sheet in (html_dir / "_static").rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8", errors="replace")):
            if EXTERNAL.match(url):
                offenders.append(f"{sheet.name}: {url}")
    assert not offenders, offenders[:20]


def test_no_page_loads_mathjax(pages):
    """No page has math, so MathJax is not vendored (it was 1.6 MB no page loaded). A page with math would make
    Sphinx load MathJax from a CDN: vendor it again under book/assets/vendor and set `mathjax_path`."""
    loading = [
        str(page.relative_to(paths.HTML))
        for page in pages
        if re.search(r"<script[^>]*(mathjax|tex-chtml|tex-mml)", page.read_text(encoding="utf-8"), re.I)
    ]
    assert not loading, loading[:10]
