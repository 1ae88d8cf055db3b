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

import html

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from asmhub_utils import paths
from asmhub_utils.site.sphinx_ext import library_labels

LIBRARY_PAGE = "book/library"
LINK = re.compile(r'href="asmhub-library:#src-([^"]+)"')


@lru_cache(maxsize=1)
def _groups(library_md: Path, bib: Path) -> dict[str, int]:
    """source_id -> the number of the bibliography directive that lists it on the library page (1-based)."""
    order = re.findall(r':filter:\s*keywords\s*%\s*"([^"]+)"', library_md.read_text(encoding="utf-8"))
    number = {group: n for n, group in enumerate(order, start=1)}
    found = {}
    for key, keywords in re.findall(r"@\w+\{([^,]+),.*?keywords = \{([^}]*)\}", bib.read_text(encoding="utf-8"),
                                    flags=re.S):
        group = keywords.split(",")[0].strip()
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
    body = context.get("body")
    if body and "asmhub-library:" in body:
        body = context["body"] = LINK.sub(lambda m: f'href="{library_href(m.group(1), pagename)}"', body)
    if body and _BIBLIOENTRY in body:
        context["body"] = library_markup(body, _countries_of_sources())
    if pagename == "search":  # other names of countries ("DRC"), read before Sphinx's search starts
        context["metatags"] = (context.get("metatags", "") + '\n<script src="_static/asmhub-aliases.js"></script>'
                               '\n<script src="_static/asmhub-search.js"></script>')


@lru_cache(maxsize=1)
def _countries_of_sources() -> dict[str, str]:
    return source_countries(paths.ESTIMATES) if paths.ESTIMATES.exists() else {}


def source_countries(estimates: Path) -> dict[str, str]:
    """source_id -> the names of the countries its figures are about ('Ghana, Mali'), for the library's filter."""
    import pandas as pd

    from asmhub_utils.chapters import display

    frame = pd.read_csv(estimates, usecols=["source_id", "iso3"], dtype=str, keep_default_na=False)
    frame = frame[frame["iso3"] != ""].drop_duplicates()
    return {source: ", ".join(sorted(display.country_name(code) for code in group["iso3"]))
            for source, group in frame.groupby("source_id")}


def _bib_entries(bib: Path) -> dict[str, tuple[str, str, str]]:
    """source_id -> (group, reliability, BibTeX entry) of every entry of the .bib file."""
    entries = {}
    for match in re.finditer(r"(@\w+\{([^,]+),.*?\n\})", bib.read_text(encoding="utf-8"), flags=re.S):
        text, key = match.group(1), match.group(2)
        keywords = re.search(r"keywords = \{([^}]*)\}", text)
        group, _, grade = (keywords.group(1) if keywords else "").partition(",")
        entries[key] = (group.strip(), grade.strip(), text)
    return entries


def bib_script(bib: Path, estimates: Path | None = None) -> str:
    """`window.ASMHUB_BIB`: source_id -> {g: group, r: reliability, c: countries its figures are about}, for the
    library page's filter (loaded by that page only). The BibTeX itself is `bibtex_script`, loaded at the first
    "Copy BibTeX" (it was two thirds of this file, 194 KB, on every visit to the library)."""
    import json

    countries = source_countries(estimates) if estimates is not None and estimates.exists() else {}
    entries = {key: {"g": group, "r": grade, "c": countries.get(key, "")}
               for key, (group, grade, _) in _bib_entries(bib).items()}
    return "window.ASMHUB_BIB=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def bibtex_script(bib: Path) -> str:
    """`window.ASMHUB_BIBTEX`: source_id -> its BibTeX entry (for the library's copy buttons)."""
    import json

    entries = {key: text for key, (_, _, text) in _bib_entries(bib).items()}
    return "window.ASMHUB_BIBTEX=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


# The bibliography's markup (sphinxcontrib-bibtex): a `role="list"` whose items carry the deprecated DPUB role
# doc-biblioentry, which axe-core reports (aria-deprecated-role, and aria-required-children for the list).
_BIBLIOENTRY = 'role="doc-biblioentry"'


_ENTRY = re.compile(r'(<div class="citation" id="src-\d+-([^"]+)" role="doc-biblioentry">.*?)(</div>)', flags=re.S)
# Written into the page, not added by the script after loading: 401 rows appearing under the entries moved the
# whole page as it loaded (Lighthouse: layout shift, performance 76). asmhub-library.js wires the buttons.
_ACTIONS = ('<div class="asm-entry-actions">{countries}<button type="button" class="asm-entry-more" '
            'aria-expanded="false">Details</button><button type="button" class="asm-copy-bibtex">Copy BibTeX</button>'
            "</div>")


def library_markup(body: str, countries: dict[str, str] | None = None) -> str:
    """The library's entries as list items of their list (valid ARIA, no deprecated role), each with a line
    under it: the countries its figures are about (`source_countries`), "Details" (phones) and "Copy BibTeX"."""
    countries = countries or {}

    def actions(match: re.Match) -> str:
        where = countries.get(match.group(2), "")
        shown = f'<span class="asm-entry-countries">{html.escape(where)}</span>' if where else ""
        return match.group(1) + _ACTIONS.format(countries=shown) + match.group(3)

    return _ENTRY.sub(actions, body).replace(_BIBLIOENTRY, 'role="listitem"')


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
        sync_static_assets([Path(app.confdir) / d for d in app.config.html_static_path], Path(app.outdir))
        link_fragments(Path(app.outdir) / "explorer")
    if exception is None and app.builder.format == "html" and (Path(app.outdir) / "searchindex.js").exists():
        _trim_search_file(Path(app.outdir) / "searchindex.js")
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "asmhub-bib.js"
        target.write_text(bib_script(paths.ROOT / "data" / "references.bib", paths.ESTIMATES), encoding="utf-8")
        target.with_name("asmhub-bibtex.js").write_text(bibtex_script(paths.ROOT / "data" / "references.bib"),
                                                        encoding="utf-8")
        from asmhub_utils.site import country_aliases

        (Path(app.outdir) / "_static" / "asmhub-aliases.js").write_text(country_aliases.script(profile_names()),
                                                                       encoding="utf-8")


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
    from asmhub_utils.chapters import charts, display, series, text

    items = []
    for name, frame in series.headlines().items():
        if frame.empty:
            continue
        frame = frame if "source_publisher" in frame else __import__("asmhub_utils").data.with_sources(frame)
        sources = frame.drop_duplicates("source_id").sort_values("source_publisher")
        links = ", ".join(f'<a href="{charts.LIBRARY_LINK}#src-{html.escape(str(r["source_id"]))}">'
                          f'{html.escape(display.source_short(r["source_publisher"], 40))}</a>'
                          for _, r in sources.iterrows())
        counts = series.HEADLINE_COUNTS.get(name)
        counts = f" ({html.escape(counts)})" if counts else ""
        items.append(f"<li><strong>{html.escape(name)}</strong>{counts}: {html.escape(text.spread(frame))}. "
                     f'<span class="asm-headline-sources">Sources: {links}.</span></li>')
    return '<ul class="asm-headlines">' + "".join(items) + "</ul>"


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
    letters: dict[str, list[str]] = {}
    for iso3, name in names:
        letters.setdefault(_reading_key(name)[0].upper(), []).append(
            f'<a href="{up}/{html.escape(iso3)}.html">{html.escape(name)}</a>')
    bar = " ".join(f'<a href="#az-{letter}">{letter}</a>' for letter in letters)
    body = "".join(f'<dt id="az-{letter}">{letter}</dt><dd>{", ".join(links)}</dd>' for letter, links in letters.items())
    return f'<nav class="asm-az" aria-label="Countries A to Z"><p class="asm-az-letters">{bar}</p><dl>{body}</dl></nav>'


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
