"""Chart links into the resource library.

Charts are written by notebooks, which do not know the address of the page they end up on, so a chart's mark
links to `asmhub-library:#src-<source_id>` (charts.LIBRARY_LINK). Here each such link becomes the page-relative
address of that source's entry in the library page. sphinxcontrib-bibtex gives every entry of the N-th
bibliography directive of a page the id `src-<N>-<key>` (`bibtex_cite_id`, set in config_overrides); a source's
group (the bibliography it is listed under) is the first keyword of its BibTeX entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sphinx.application import Sphinx

from asmhub_utils import paths
from asmhub_utils.site.sphinx_ext.bib_entries import bib_entries, keywords, use_build_entries

LIBRARY_PAGE = "book/library"
LINK = re.compile(r'href="asmhub-library:#src-([^"]+)"')
SECTION_LINK = re.compile(r'href="asmhub-library:#([^"]+)"')  # a section of the library ('how-reliability-is-judged')


@lru_cache(maxsize=1)
def _groups(library_md: Path, bib: Path) -> dict[str, int]:
    """source_id -> the number of the bibliography directive that lists it on the library page (1-based).
    The directives' filters are read from the page's MyST source with a regular expression: parsing the page
    with myst-parser to read one option would cost a Markdown parser for a line of text."""
    order = re.findall(r':filter:\s*keywords\s*%\s*"([^"]+)"', library_md.read_text(encoding="utf-8"))
    number = {group: n for n, group in enumerate(order, start=1)}
    found = {}
    for key, entry in bib_entries(bib).items():
        group = keywords(entry)[0]
        if group in number:
            found[key] = number[group]
    return found


def library_href(source_id: str, pagename: str) -> str:
    """Page-relative address of a source's entry in the resource library, from page `pagename`."""
    depth = pagename.count("/")
    entry = _groups(paths.ROOT / "book" / "library.md", paths.ROOT / "data" / "references.bib").get(source_id)
    anchor = f"#src-{entry}-{source_id}" if entry else ""
    return "../" * depth + LIBRARY_PAGE + ".html" + anchor


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    use_build_entries(app)
    body = context.get("body")
    if body and "asmhub-library:" in body:
        body = LINK.sub(lambda m: f'href="{library_href(m.group(1), pagename)}"', body)
        up = "../" * pagename.count("/")
        context["body"] = SECTION_LINK.sub(lambda m: f'href="{up}{LIBRARY_PAGE}.html#{m.group(1)}"', body)


EXPLORER_PAGE = "notebooks/dashboard/explorer"  # the page that shows the explorer's fragments (explorer.VIEWS)


def link_fragments(folder: Path, pagename: str = EXPLORER_PAGE) -> int:
    """Rewrite the library links of the explorer's view fragments (copied into the site's explorer/ folder) as
    they are rewritten in pages, relative to the page that shows them. Returns how many files changed."""
    changed = 0
    for fragment in sorted(folder.glob("*.fragment")) if folder.is_dir() else []:
        text = fragment.read_text(encoding="utf-8")
        linked = LINK.sub(lambda m: f'href="{library_href(m.group(1), pagename)}"', text)
        if linked != text:
            fragment.write_text(linked, encoding="utf-8")
            changed += 1
    return changed


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        use_build_entries(app)
        link_fragments(Path(app.outdir) / "explorer")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
