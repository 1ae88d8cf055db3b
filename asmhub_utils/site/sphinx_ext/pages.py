"""Page presentation shared by every page: the book's stylesheet and script (book/assets/asmhub.css, .js), and
chart links into the resource library.

Charts are written by notebooks, which do not know the address of the page they end up on, so a chart's mark
links to `asmhub-library:#src-<source_id>` (charts.LIBRARY_LINK). Here each such link becomes the page-relative
address of that source's entry in the library page. sphinxcontrib-bibtex gives every entry of the N-th
bibliography directive of a page the id `src-<N>-<key>` (`bibtex_cite_id`, set here); a source's group (the
bibliography it is listed under) is the first keyword of its BibTeX entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from asmhub_utils import html_templates, paths
from asmhub_utils.site.sphinx_ext import library_labels

LIBRARY_PAGE = "book/library"
LINK = re.compile(r'href="asmhub-library:#src-([^"]+)"')


def bib_entries(bib: Path) -> dict:
    """key -> pybtex Entry of a .bib file: the entries sphinxcontrib-bibtex parsed for the build when it has
    (`_BUILD_ENTRIES`, no second parse), else pybtex's parse (0.6 s for data/references.bib's 401 entries)."""
    if bib in _BUILD_ENTRIES:
        return _BUILD_ENTRIES[bib]
    from pybtex.database import parse_file

    return dict(parse_file(str(bib), bib_format="bibtex").entries)


_BUILD_ENTRIES: dict[Path, dict] = {}


def _keywords(entry) -> tuple[str, str]:
    """(group, reliability) from an entry's `keywords` (tidy/bibtex.py writes 'group, reliability')."""
    group, _, grade = entry.fields.get("keywords", "").partition(",")
    return group.strip(), grade.strip()


@lru_cache(maxsize=1)
def _groups(library_md: Path, bib: Path) -> dict[str, int]:
    """source_id -> the number of the bibliography directive that lists it on the library page (1-based).
    The directives' filters are read from the page's MyST source with a regular expression: parsing the page
    with myst-parser to read one option would cost a Markdown parser for a line of text."""
    order = re.findall(r':filter:\s*keywords\s*%\s*"([^"]+)"', library_md.read_text(encoding="utf-8"))
    number = {group: n for n, group in enumerate(order, start=1)}
    found = {}
    for key, entry in bib_entries(bib).items():
        group = _keywords(entry)[0]
        if group in number:
            found[key] = number[group]
    return found


def library_href(source_id: str, pagename: str) -> str:
    """Page-relative address of a source's entry in the resource library, from page `pagename`."""
    depth = pagename.count("/")
    entry = _groups(paths.ROOT / "book" / "library.md", paths.ROOT / "data" / "references.bib").get(source_id)
    anchor = f"#src-{entry}-{source_id}" if entry else ""
    return "../" * depth + LIBRARY_PAGE + ".html" + anchor


def _use_build_entries(app: Sphinx) -> None:
    """Let `bib_entries` read the entries sphinxcontrib-bibtex has parsed (its `cite` domain's `bibdata`)."""
    bib = paths.ROOT / "data" / "references.bib"
    if bib in _BUILD_ENTRIES or "cite" not in app.env.domains:
        return
    bibdata = app.env.get_domain("cite").bibdata
    for path, bibfile in bibdata.bibfiles.items():
        if Path(path).resolve() == bib.resolve():
            _BUILD_ENTRIES[bib] = {key: bibdata.data.entries[key] for key in bibfile.keys}


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    _use_build_entries(app)
    body = context.get("body")
    if body and "asmhub-library:" in body:
        context["body"] = LINK.sub(lambda m: f'href="{library_href(m.group(1), pagename)}"', body)


# An entry as data/references.bib writes it (tidy/bibtex.py), for the copy button. Kept by hand: pybtex writing
# each entry back (BibliographyData(...).to_string) took 20 s for the 401 entries on the 2-core build machine
# (this 0.04 s), and in its own layout (quoted fields), not the text of the file a reader downloads.
_ENTRY_TEXT = re.compile(r"(@\w+\{([^,]+),.*?\n\})", flags=re.S)


def bib_script(bib: Path) -> str:
    """`window.ASMHUB_BIB`: source_id -> {g: group, r: reliability, b: its BibTeX entry}, for the library page's
    filter and copy buttons (loaded by that page only). Group and reliability from pybtex's entries."""
    import json

    texts = {match.group(2): match.group(1) for match in _ENTRY_TEXT.finditer(bib.read_text(encoding="utf-8"))}
    entries = {}
    for key, entry in bib_entries(bib).items():
        group, grade = _keywords(entry)
        entries[key] = {"g": group, "r": grade, "b": texts.get(key, "")}
    return "window.ASMHUB_BIB=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


REPEATED_TITLE = 10  # a section title shared by more pages than this is boilerplate (profile headings)


def trim_search_index(index: dict) -> dict:
    """Take section titles that repeat on more than REPEATED_TITLE pages out of the title index (their words
    stay in the page's text index), so a search finds the page about a subject, not every page with a
    heading like 'Minerals, mercury, child labour, safety and formalisation'."""
    from sphinx.search.en import SearchEnglish

    language = SearchEnglish({})

    def stems(text: str) -> set[str]:
        return {language.stem(word.lower()) for word in language.split(text) if word}

    repeated = {title for title, places in index["alltitles"].items() if len(places) > REPEATED_TITLE}
    kept: dict[int, set[str]] = {n: stems(title) for n, title in enumerate(index["titles"])}
    for title, places in index["alltitles"].items():
        if title not in repeated:
            for doc, _anchor in places:
                kept.setdefault(doc, set()).update(stems(title))
    for title in repeated:
        for doc, _anchor in index["alltitles"].pop(title):
            for stem in stems(title) - kept.get(doc, set()):
                docs = index["titleterms"].get(stem)
                if docs is None:
                    continue
                docs = [docs] if isinstance(docs, int) else docs
                index["titleterms"][stem] = [d for d in docs if d != doc]
                body = index["terms"].get(stem, [])
                body = [body] if isinstance(body, int) else body
                index["terms"][stem] = sorted(set(body) | {doc})
    index["titleterms"] = {k: v for k, v in index["titleterms"].items() if v != []}
    return index


def _trim_search_file(path: Path) -> None:
    import json

    text = path.read_text(encoding="utf-8")
    head, tail = "Search.setIndex(", ")"
    if not text.startswith(head):
        return
    index = trim_search_index(json.loads(text[len(head):].rstrip().removesuffix(tail)))
    path.write_text(head + json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + tail,
                    encoding="utf-8")


def sync_static_assets(static_dirs: list[Path], outdir: Path) -> list[str]:
    """Copy every file of the book's static folders (book/assets) whose built copy in `_static` differs.

    Sphinx copies `html_static_path` only when at least one page is rewritten ("no targets are out of date" returns
    before it), so an edit to asmhub.css or asmhub.js alone never reached the built site. Returns what it copied."""
    copied = []
    for folder in static_dirs:
        for source in sorted(p for p in folder.rglob("*") if p.is_file()):
            target = outdir / "_static" / source.relative_to(folder)
            if not target.exists() or target.read_bytes() != source.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
                copied.append(source.relative_to(folder).as_posix())
    return copied


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        sync_static_assets([Path(app.confdir) / d for d in app.config.html_static_path], Path(app.outdir))
    if exception is None and app.builder.format == "html" and (Path(app.outdir) / "searchindex.js").exists():
        _trim_search_file(Path(app.outdir) / "searchindex.js")
    if exception is None and app.builder.format == "html":
        _use_build_entries(app)
        target = Path(app.outdir) / "_static" / "asmhub-bib.js"
        target.write_text(bib_script(paths.ROOT / "data" / "references.bib"), encoding="utf-8")


def _config_inited(app: Sphinx, config) -> None:
    config.bibtex_cite_id = "src-{bibliography_count}-{key}"
    config.bibtex_default_style = "asmhub"  # author-year labels (library_labels.py)
    config.html_search_scorer = str(paths.ROOT / "book" / "search" / "scorer.js")
    # Sphinx's search would fetch every result page to show a snippet: a search for "mercury" downloaded all 130
    # pages (7.9 MB). Results show the page and section titles instead.
    config.html_show_search_summary = False


def headlines_html() -> str:
    """The headline indicators as published: for each, the lowest and highest figure and the most recent one,
    each with its year and its source linked to the resource library. Nothing averaged."""
    from asmhub_utils.chapters import charts, data, display, series, text

    items = []
    for name, frame in series.headlines().items():
        if frame.empty:
            continue
        frame = frame if "source_publisher" in frame else data.with_sources(frame)
        sources = frame.drop_duplicates("source_id").sort_values("source_publisher")
        items.append({"name": name, "counts": series.HEADLINE_COUNTS.get(name), "spread": text.spread(frame),
                      "sources": [(str(r["source_id"]), display.source_short(r["source_publisher"], 40))
                                  for _, r in sources.iterrows()]})
    return html_templates.render("headlines.html", items=items, library=charts.LIBRARY_LINK)


class HeadlinesDirective(Directive):
    """`{asmhub-headlines}`: the headline numbers, from data/estimates.csv, with their sources."""

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", headlines_html(), format="html")]


PROFILES = "notebooks/places/profiles/"


def profile_names() -> dict[str, str]:
    """ISO3 -> country name, for every profile notebook written into the book."""
    from asmhub_utils.chapters import display

    folder = paths.ROOT / PROFILES
    return {p.stem: display.country_name(p.stem) for p in sorted(folder.glob("*.ipynb"))}


def _reading_key(name: str) -> str:
    return re.sub(r"^the ", "", name.casefold())


def country_index_html(docname: str) -> str:
    """Letters A-Z, then every country with a profile under its letter, by name, linked to its profile."""
    import posixpath

    names = sorted(profile_names().items(), key=lambda item: _reading_key(item[1]))
    up = posixpath.relpath(PROFILES, posixpath.dirname(docname) or ".")
    letters: dict[str, list[tuple[str, str]]] = {}
    for iso3, name in names:
        letters.setdefault(_reading_key(name)[0].upper(), []).append((iso3, name))
    return html_templates.render("country_index.html", letters=letters, up=up)


class CountryIndexDirective(Directive):
    """`{asmhub-country-index}`: every country with a profile, A to Z."""

    def run(self) -> list[nodes.Node]:
        docname = self.state.document.settings.env.docname
        return [nodes.raw("", country_index_html(docname), format="html")]


def _sort_profiles(app: Sphinx, doctree) -> None:
    """The navigation lists the country profiles by name (Chad before Suriname), not by file name (code)."""
    from sphinx import addnodes

    names = None
    for toctree in doctree.findall(addnodes.toctree):
        entries = toctree.get("entries", [])
        profiles = [e for e in entries if str(e[1]).startswith(PROFILES)]
        if len(profiles) < 2:
            continue
        names = names or profile_names()
        ordered = iter(sorted(profiles, key=lambda e: _reading_key(names.get(str(e[1])[len(PROFILES):], str(e[1])))))
        toctree["entries"] = [next(ordered) if str(e[1]).startswith(PROFILES) else e for e in entries]
        files = toctree.get("includefiles", [])
        order = [e[1] for e in toctree["entries"]]
        toctree["includefiles"] = sorted(files, key=lambda f: order.index(f) if f in order else -1)


def repo_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{asmhub-repo}`label <path>`: a link into the book's repository (book/metadata.yml `repository`)."""
    from asmhub_utils.site import metadata

    label, _, target = text.partition(" <")
    target = target.rstrip(">") if target else ""
    url = metadata.load().repository + ("/" + target.lstrip("/") if target else "")
    return [nodes.reference(rawtext, label.strip() or url, refuri=url, classes=["asmhub-repo"])], []


def setup(app: Sphinx) -> None:
    app.add_directive("asmhub-headlines", HeadlinesDirective)
    app.add_directive("asmhub-country-index", CountryIndexDirective)
    app.connect("doctree-read", _sort_profiles, priority=400)  # before the toctree collector (500)
    app.add_role("asmhub-repo", repo_role)
    library_labels.register()
    app.connect("config-inited", _config_inited)
    app.connect("build-finished", _build_finished)
    app.connect("html-page-context", _page_context)
    app.add_css_file("asmhub.css")
    app.add_js_file("asmhub.js", loading_method="defer")
