"""The text of every page, by section, for the search page's snippets: `_searchtext/<page>.json`.

Sphinx's own summaries (`html_show_search_summary`) fetch each result's whole HTML page, every result at once: a
search for "mercury" downloaded all 130 pages (7.9 MB), so they are off (config_overrides). Instead each page's
text is written once at build time as `[[section id, text], ...]` (the text of each section without its
subsections, "" for what comes before the first), and book/assets/asmhub-search.js fetches it only for the results
a reader scrolls to, and shows the words around the match. No page but the search page loads anything more.

What is left out is what a reader does not read as the page's text: scripts, styles, chart drawings (inline SVG:
tick labels), buttons and the permalink signs of headings and figures.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from sphinx.application import Sphinx

FOLDER = "_searchtext"
SKIPPED = {"script", "style", "svg", "button", "template", "noscript"}
SKIPPED_CLASSES = {"headerlink", "asm-permalink"}  # the "#" links of headings and figures
# Tags that do not separate words ("gold<em>en</em>" is one word); every other tag does ("<td>a</td><td>b</td>").
INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _SectionText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", []]]  # [id, pieces], in the order they open
        self.open: list[int] = [0]  # indexes into sections of the sections the parser is inside
        self.depth: list[str] = []  # open tags since the innermost section, to find its end
        self.skipping: tuple[str, int] | None = None  # (tag, nesting) of a left-out element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping = (tag, self.skipping[1] + 1)
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in SKIPPED or classes & SKIPPED_CLASSES:
            if tag not in VOID:
                self.skipping = (tag, 1)
            return
        if tag not in INLINE:
            self._add(" ")
        if tag == "section":
            self.sections.append([dict(attrs).get("id") or "", []])
            self.open.append(len(self.sections) - 1)
        if tag not in VOID:
            self.depth.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            name, nesting = self.skipping
            if tag == name:
                self.skipping = (name, nesting - 1) if nesting > 1 else None
            return
        if tag not in INLINE:
            self._add(" ")
        if tag in self.depth:
            while self.depth and self.depth.pop() != tag:
                pass
            if tag == "section" and len(self.open) > 1:
                self.open.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._add(data)

    def _add(self, text: str) -> None:
        self.sections[self.open[-1]][1].append(text)

    def result(self) -> list[list[str]]:
        blocks = [[anchor, " ".join("".join(pieces).split())] for anchor, pieces in self.sections]
        return [block for block in blocks if block[1]]


def section_text(body: str) -> list[list[str]]:
    """[[section id, its own text], ...] of a page's body HTML, whitespace collapsed, empty sections left out."""
    parser = _SectionText()
    parser.feed(body)
    parser.close()
    return parser.result()


def write(outdir: Path, pagename: str, body: str) -> Path:
    """Write `_searchtext/<pagename>.json` for one page; returns its path."""
    target = outdir / FOLDER / f"{pagename}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(section_text(body), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name == "html" and doctree is not None and context.get("body"):
        write(Path(app.outdir), pagename, context["body"])


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
