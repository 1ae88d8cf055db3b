"""A lighter sphinx-book-theme for readers on slow links, and no console errors.

* Icons: the theme's `fontawesome.js` (1.5 MB, every icon as SVG) is dropped; the theme's own CSS already draws the
  icons with the Font Awesome web font, which is cut down to the glyphs the site uses (a few KB).
* Stylesheets: rules that match nothing in the built site are removed (`css_purge`).
* Bootstrap's script (81 KB: tooltips, modals, carousels...) is not loaded: the book uses two of its behaviours,
  the header's menus and the back-to-top button, which book/assets/asmhub.js provides in a few lines.
* Stylesheets: custom properties no rule reads and animations nothing names are dropped too.
* Search: Sphinx's search index and tools load only on the search page (search-as-you-type is off).
* sphinx-thebe's scripts are not loaded (live code is off), which removes the duplicate `THEBE_JS_URL` error.
* The sidebar buttons of sphinx-book-theme work on phones (`FORWARD_TOGGLES_JS`).
* The sidebar's expand buttons (`<summary>` with only an icon) get an accessible name (axe: summary-name).
* `html_context.default_mode = light` gives the theme a valid colour mode ("Got invalid theme mode" otherwise), and
an empty
  inline favicon stops the browser asking for `/favicon.ico` (a 404 in the console).

Post-processing runs at `build-finished` and is idempotent: pristine copies of the stylesheets are kept in the
doctree folder, so an incremental build purges from the originals, not from an earlier purge.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from asmhub_utils.site.sphinx_ext import css_purge

logger = logging.getLogger(__name__)

# Stylesheets from the theme and extensions that carry far more rules than the book uses.
PURGED_CSS = (
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "sphinx-design.min.css",
    "basic.css",
    "mystnb.*.css",
    "pygments.css",
    "togglebutton.css",
    "copybutton.css",
)
FONT_DIR = "vendor/fontawesome/webfonts"
_FONTAWESOME_JS = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
_BOOTSTRAP_JS = re.compile(
    r'\s*<link rel="preload" as="script" href="[^"]*_static/scripts/bootstrap\.js[^"]*" />'
    r'|\s*<script defer src="[^"]*_static/scripts/bootstrap\.js[^"]*"></script>'
)
# Scripts in _static that no page loads (their words must not keep CSS rules alive).
UNLOADED_SCRIPTS = {"fontawesome.js", "bootstrap.js"}
_SEARCH_JS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)">'
    r"</script>"
)
_BLOCKING_SCRIPT = re.compile(
    r"<script((?:\s+(?!defer|async)[\w-]+(?:=\"[^\"]*\")?)*\s+src=\"[^\"]+\"(?:\s+(?!defer|async)[\w-]+(?:=\"[^\"]*\")?)*)>"
)
# The primary sidebar holds the book's title link outside any landmark (axe: region); as a complementary
# landmark everything in it is inside one.
_SIDEBAR = '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'
_SIDEBAR_LANDMARK = (
    '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" role="complementary" '
    'aria-label="The book\'s parts">'
)
_TOC_TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
_TOC_TOGGLE_NAMED = (
    '<summary aria-label="Show or hide the pages of this part"><span class="toctree-toggle" role="presentation">'
)
_ICON_FONT_SRC = re.compile(
    r'url\(([^)]*?)(fa-[a-z]+-\d+)\.woff2\)\s*format\("woff2"\)\s*,\s*'
    r'url\([^)]*?\.ttf\)\s*format\("truetype"\)'
)
_CONTENT = re.compile(r'content:\s*"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")


# sphinx-book-theme adds its own sidebar buttons, but the theme wires only the first `.primary-toggle` /
# `.secondary-toggle` of the page (pydata's, hidden), so on a phone the visible buttons did nothing. Forward them.
FORWARD_TOGGLES_JS = """document.addEventListener("DOMContentLoaded", () => {
  for (const kind of [".primary-toggle", ".secondary-toggle"]) {
    const [wired, ...others] = document.querySelectorAll(kind);
    others.forEach((button) => button.addEventListener("click", (event) => {
      if (wired && window.matchMedia("(max-width: 959.98px)").matches) {
        event.stopImmediatePropagation();
        wired.click();
      }
    }));
  }
});"""


def _config_inited(app: Sphinx, config) -> None:
    config.html_context.setdefault("default_mode", "light")


def _is_thebe(asset) -> bool:
    return "thebe" in (getattr(asset, "filename", "") or "") or "THEBE_JS_URL" in str(
        getattr(asset, "attributes", {}).get("body", "")
    )


# Extensions' assets a page needs only when its body has an element of theirs (a class in a class attribute; a
# word of the text, a URL or an id does not count: "iisd-" in a link once loaded sphinx-design on every page
# citing IISD): sphinx-design's stylesheet (55 KB after the purge) and tab script for a design component
# ("sd-" classes); togglebutton's for a toggle or a dropdown; copybutton's, the clipboard library and Pygments'
# colours for highlighted code ("highlight" classes). Every page loaded them (Lighthouse: render-blocking,
# unused CSS and JavaScript).
_OPTIONAL_ASSETS = {
    ("sphinx-design", "design-tabs"): re.compile(r"^sd-"),
    ("togglebutton",): re.compile(r"^(?:toggle|dropdown)$"),
    ("clipboard", "copybutton", "pygments"): re.compile(r"^highlight(?:$|-)"),
}
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')


def unused_assets(body: str) -> tuple[str, ...]:
    """Name parts of the optional assets a page body does not use."""
    classes = {name for value in _CLASS_ATTRIBUTE.findall(body) for name in value.split()}
    return tuple(
        part
        for parts, mark in _OPTIONAL_ASSETS.items()
        if not any(mark.search(name) for name in classes)
        for part in parts
    )


def _asset_name(asset) -> str:
    return getattr(asset, "filename", "") or ""


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    unused = unused_assets(context.get("body", "") or "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if not _is_thebe(asset) and not any(part in _asset_name(asset) for part in unused)
            ]
    if not context.get("favicon_url"):
        context["metatags"] = context.get("metatags", "") + '\n<link rel="icon" href="data:,">'


def defer_scripts(html: str) -> str:
    """Every external `<script src>` without defer or async gets `defer`: the theme's and extensions' scripts
    (doctools, clipboard, copybutton, togglebutton, the book theme's) blocked the first paint (Lighthouse:
    render-blocking resources). Deferred scripts still run in document order and before DOMContentLoaded, which
    is when all of these start their work; the inline settings between them (`let toggleHintShow = ...`) run
    first, so they are set when the scripts read them. Not used on the search page, whose inline script calls
    searchtools.js at once."""
    return _BLOCKING_SCRIPT.sub(r"<script defer\1>", html)


def slim_page(html: str, search_page: bool) -> str:
    """The page without the fontawesome and Bootstrap scripts and, except on the search page, without the search
    scripts and with its scripts deferred; the navigation's expand buttons (an icon only) get a name that screen
    readers can announce."""
    html = _BOOTSTRAP_JS.sub("", _FONTAWESOME_JS.sub("", html))
    html = html.replace(_TOC_TOGGLE, _TOC_TOGGLE_NAMED).replace(_SIDEBAR, _SIDEBAR_LANDMARK)
    return html if search_page else defer_scripts(_SEARCH_JS.sub("", html))


def icon_codepoints(css: str) -> set[int]:
    """Private-use code points (icon glyphs) in the `content:` strings of a stylesheet, escaped or literal."""
    found = set()
    for value in _CONTENT.findall(css):
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        found |= {ord(ch) for ch in text if 0xE000 <= ord(ch) <= 0xF8FF}
    return found


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pristine(sheet: Path, pristine_dir: Path, static: Path) -> Path:
    """Where the original of a stylesheet is kept."""
    return pristine_dir / sheet.relative_to(static).as_posix().replace("/", "__")


def _marker(sheet: Path, pristine_dir: Path, static: Path) -> Path:
    """Where the sha256 of the slimmed sheet is kept: a sheet with another sha is a fresh original from Sphinx."""
    pristine = _pristine(sheet, pristine_dir, static)
    return pristine.with_name(f"{pristine.name}.purged-sha256")


def _purged_stylesheet(sheet: Path, used: set[str], pristine_dir: Path, static: Path) -> tuple[str, str]:
    """(original, purged) of one stylesheet, purged from its pristine copy."""
    pristine, marker = _pristine(sheet, pristine_dir, static), _marker(sheet, pristine_dir, static)
    current = sheet.read_bytes()
    if not (marker.exists() and pristine.exists() and marker.read_text() == _sha(current)):
        pristine.write_bytes(current)  # Sphinx copied a fresh original: remember it
    original = pristine.read_text(encoding="utf-8")
    purged = _memoised_purge(original, used, pristine_dir)
    if sheet.name == "pydata-sphinx-theme.css":
        purged = _ICON_FONT_SRC.sub(r'url(\1\2.subset.woff) format("woff")', purged)
    return original, purged


def _without_unread(
    sheets: dict[Path, str], others: list[str], texts: list[str], words: set[str], memo_dir: Path
) -> dict[Path, str]:
    """The purged sheets without custom properties nothing reads and keyframes nothing names, until none is left
    (a dropped variable may have been the only reader of another). `words`: css_purge.words(texts), which the
    caller has already. Remembered by its inputs, like the purge."""
    key = _sha("\0".join([*sheets.values(), *others, *texts]).encode("utf-8"))
    memo = memo_dir / f"unread-{key}.json"
    if memo.exists():
        kept = json.loads(memo.read_text(encoding="utf-8"))
        if set(kept) == {p.name for p in sheets}:
            return {p: kept[p.name] for p in sheets}
    current = dict(sheets)
    # what the pages and scripts read does not change from round to round: read once (4.0 -> 3.3 s under cProfile)
    read_by_pages = css_purge.referenced_variables((), texts)
    for _ in range(5):
        css = [*current.values(), *others]
        variables = css_purge.referenced_variables(css) | read_by_pages
        names = css_purge.animation_names(css) | words
        following = {p: css_purge.drop_unread(text, variables, names) for p, text in current.items()}
        if following == current:
            break
        current = following
    memo.write_text(json.dumps({p.name: text for p, text in current.items()}), encoding="utf-8")
    return current


def _memoised_purge(original: str, used: set[str], memo_dir: Path) -> str:
    """css_purge.purge, remembered by its inputs: parsing the theme's CSS costs seconds on every build, and
    Sphinx copies the original stylesheets back each time, so a no-change build would pay it again."""
    memo = memo_dir / f"{_sha(original.encode('utf-8') + chr(0).join(sorted(used)).encode('utf-8'))}.css"
    if memo.exists():
        return memo.read_text(encoding="utf-8")
    purged = css_purge.purge(original, used)
    memo.write_text(purged, encoding="utf-8")
    return purged


def _subset_icon_fonts(static: Path, codepoints: set[int], memo_dir: Path) -> None:
    """Cut each Font Awesome font down to the glyphs the stylesheets still use (WOFF, zlib: no brotli needed).

    Skipped when the same glyphs were kept last time and the subset fonts are still there."""
    from fontTools import subset

    fonts = sorted((static / FONT_DIR).glob("fa-*.ttf"))
    marker = memo_dir / "icon-fonts.codepoints-sha256"
    wanted = _sha(",".join(map(str, sorted(codepoints))).encode("utf-8"))
    if (
        marker.exists()
        and marker.read_text() == wanted
        and all(f.with_name(f"{f.stem}.subset.woff").exists() for f in fonts)
    ):
        return
    for ttf in fonts:
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]
        font = subset.load_font(str(ttf), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codepoints))
        subsetter.subset(font)
        subset.save_font(font, str(ttf.with_name(f"{ttf.stem}.subset.woff")), options)
    marker.write_text(wanted)


def _build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    search_as_you_type = str(app.config.html_theme_options.get("search_as_you_type", "")).lower() == "true"
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.relative_to(outdir).parts]
    texts = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        slim = slim_page(html, search_page=search_as_you_type or page.name == "search.html")
        if slim != html:
            page.write_text(slim, encoding="utf-8")
        texts.append(slim)
    scripts = [
        p.read_text(encoding="utf-8", errors="replace") for p in static.rglob("*.js") if p.name not in UNLOADED_SCRIPTS
    ]
    used = css_purge.words(texts + scripts)
    pristine_dir = Path(app.doctreedir) / "asmhub-pristine-css" / app.builder.name  # html and singlehtml apart
    pristine_dir.mkdir(parents=True, exist_ok=True)
    before = after = 0
    codepoints: set[int] = set()
    purged: dict[Path, str] = {}
    for pattern in PURGED_CSS:
        for sheet in sorted(static.glob(pattern)):
            original, purged[sheet] = _purged_stylesheet(sheet, used, pristine_dir, static)
            before += len(original.encode("utf-8"))
    others = [p.read_text(encoding="utf-8", errors="replace") for p in static.rglob("*.css") if p not in purged]
    for sheet, css in _without_unread(purged, others, texts + scripts, used, pristine_dir).items():
        sheet.write_text(css, encoding="utf-8")
        _marker(sheet, pristine_dir, static).write_text(_sha(css.encode("utf-8")))
        after += len(css.encode("utf-8"))
    for sheet in static.rglob("*.css"):
        codepoints |= icon_codepoints(sheet.read_text(encoding="utf-8", errors="replace"))
    if (static / FONT_DIR).is_dir():
        _subset_icon_fonts(static, codepoints, pristine_dir)
    logger.info(
        f"asmhub slim theme: stylesheets {before // 1024} KB -> {after // 1024} KB, {len(codepoints)} icon glyphs kept"
    )


def setup(app: Sphinx) -> None:
    app.add_js_file(None, body=FORWARD_TOGGLES_JS)
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
