"""What each built page makes a first-time reader download, read from the files (no browser, no clock).

Every stylesheet and script a page links is either shared by every page (and the shared set stays under its
budget) or used by that page: sphinx-design's only with a design component, the copy button and Pygments' colours
only with highlighted code, the library's, the table's, the map's and the explorer's scripts only on their pages,
the search index only on the search page; Bootstrap's and Font Awesome's scripts nowhere. No stylesheet declares a
custom property that nothing reads. A regression of any of these fails here, whatever the machine's speed;
benchmarks/page_weight.py measures the first visit in chromium (make bench-weight).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asmhub_utils.site.built_pages import book_pages
from asmhub_utils.site.sphinx_ext import css_purge

_LINKED = re.compile(r'<link[^>]+rel="stylesheet"[^>]*>|<script[^>]+\bsrc="[^"]+"[^>]*>')
_URL = re.compile(r'(?:href|src)="([^"?#]+)')
_ARTICLE = re.compile(r'<article class="bd-article">(.*)</article>', re.S)
_CLASSES = re.compile(r'\bclass="([^"]*)"')
_HASHED = re.compile(r"\.[0-9a-f]{32,}\.")  # mystnb.<sha256>.css

# Loaded by every page (the theme, Sphinx's basics, myst-nb's cell styles, the book's own stylesheet and script),
# as paths under _static/.
SHARED = {
    "styles/theme.css",
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "basic.css",
    "mystnb.css",  # mystnb.<hash>.css
    "asmhub.css",
    "asmhub.js",
    "documentation_options.js",
    "doctools.js",
    "sphinx_highlight.js",
    "scripts/sphinx-book-theme.js",
    "scripts/pydata-sphinx-theme.js",
}
# The shared stylesheets and scripts as stored: 150 KB (139 KB now). Every page used to load Bootstrap's script
# (81 KB), the copy button and clipboard (19 KB), Pygments' colours (13 KB) and the theme's unread variables too:
# 288 KB in all.
SHARED_BUDGET = 150 * 1024
# A dashboard page or a profile is text and one or two inline SVG charts.
PAGE_HTML_LIMIT = {"notebooks/dashboard/": 150_000, "notebooks/places/profiles/": 150_000}

NEVER = {"scripts/bootstrap.js", "scripts/fontawesome.js"}


def _has_class(pattern: str):
    mark = re.compile(pattern)

    def used(page: str, html: str) -> bool:
        article = _ARTICLE.search(html)
        body = article.group(1) if article else ""
        return any(mark.search(name) for value in _CLASSES.findall(body) for name in value.split())

    return used


def _is(*names: str):
    return lambda page, html: page in names


# Each optional asset (a file name pattern under _static/ or the site root) and when a page may load it.
OPTIONAL = {
    r"sphinx-design\.min\.css|design-tabs\.js": _has_class(r"^sd-"),
    r"togglebutton\.(css|js)": _has_class(r"^(toggle|dropdown)$"),
    r"copybutton\.(css|js)|clipboard\.min\.js|pygments\.css": _has_class(r"^highlight(-|$)"),
    r"searchindex\.js|searchtools\.js|language_data\.js|asmhub-search\.js|asmhub-aliases\.js": _is("search.html"),
    r"asmhub-library\.js|asmhub-bib\.js": lambda page, html: 'id="asm-library-tools"' in html,
    r"asmhub-table\.js": _has_class(r"^asm-sortable$"),
    r"asmhub-map\.js": _has_class(r"^asm-map$"),
    r"asmhub-explorer\.js": _has_class(r"^asm-explorer$"),
}


def _assets(html_dir: Path, page: str, html: str) -> list[str]:
    """The local stylesheets and scripts `page` links, relative to _static/ (or to the site root)."""
    found = []
    for tag in _LINKED.findall(html):
        url = _URL.search(tag)
        if url is None or "://" in url.group(1):
            continue
        target = (html_dir / page).parent.joinpath(url.group(1)).resolve()
        relative = target.relative_to(html_dir.resolve()).as_posix()
        found.append(_HASHED.sub(".", relative.removeprefix("_static/")))
    return found


@pytest.fixture(scope="module")
def linked(html_dir) -> dict[str, tuple[str, list[str]]]:
    out = {}
    for page in book_pages(html_dir):
        html = (html_dir / page).read_text(encoding="utf-8")
        out[page] = (html, _assets(html_dir, page, html))
    return out


def test_every_page_loads_only_shared_assets_and_the_ones_it_uses(linked):
    wrong = []
    for page, (html, assets) in linked.items():
        for asset in assets:
            if asset in NEVER:
                wrong.append(f"{page}: {asset} (never loaded: slim_theme.py)")
            elif asset in SHARED:
                continue
            else:
                rules = [used for pattern, used in OPTIONAL.items() if re.fullmatch(pattern, Path(asset).name)]
                if not rules:
                    wrong.append(f"{page}: {asset} is neither shared nor declared in OPTIONAL")
                elif not rules[0](page, html):
                    wrong.append(f"{page}: {asset}, which the page does not use")
    assert not wrong, "\n".join(wrong[:20])


def test_every_page_loads_the_shared_assets_and_they_stay_within_budget(html_dir, linked):
    for page, (_, assets) in linked.items():
        assert SHARED - {"basic.css"} <= set(assets), page  # basic.css comes through theme.css's @import
    files = {
        _HASHED.sub(".", path.relative_to(html_dir / "_static").as_posix()): path
        for path in (html_dir / "_static").rglob("*")
        if path.suffix in {".css", ".js"}
    }
    size = sum(files[name].stat().st_size for name in SHARED)
    assert size <= SHARED_BUDGET, f"shared stylesheets and scripts: {size // 1024} KB > {SHARED_BUDGET // 1024} KB"


def test_dashboard_and_profile_pages_stay_within_their_html_limit(linked):
    over = [
        f"{page}: {len(html.encode('utf-8')):,} bytes > {limit:,}"
        for page, (html, _) in linked.items()
        for prefix, limit in PAGE_HTML_LIMIT.items()
        if page.startswith(prefix) and len(html.encode("utf-8")) > limit
    ]
    assert not over, "\n".join(over)


def test_no_stylesheet_declares_a_custom_property_nothing_reads(html_dir, linked):
    sheets = {p: p.read_text(encoding="utf-8") for p in (html_dir / "_static").rglob("*.css")}
    scripts = [p.read_text(encoding="utf-8", errors="replace") for p in (html_dir / "_static").rglob("*.js")]
    read = css_purge.referenced_variables(sheets.values(), [html for html, _ in linked.values()] + scripts)
    declared = {
        (path.name, name)
        for path, text in sheets.items()
        if path.name in {"pydata-sphinx-theme.css", "sphinx-book-theme.css", "mystnb.css"}
        or path.name.startswith("mystnb.")
        for name in re.findall(r"[{;](--[\w-]+)\s*:", text)
    }
    unread = sorted(f"{sheet}: {name}" for sheet, name in declared if name not in read)
    assert not unread, "\n".join(unread[:20])
