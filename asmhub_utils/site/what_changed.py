"""The "What changed in this edition" page (`{asmhub-what-changed}`, book/what_changed.md), made at build time.

From the diff (`editions.diff`) between the previous kept edition and data/ as the book shows it, with what the
chapters state: headlines changed first, then every figure by country, each linked to its row (the anchors of
`chapters.edition_marks.record_page`), the figures chapters state, and every edition's data package. Nothing
here is typed: a figure changed by the next source sweep shows up on the next build. Every value is escaped
(`escape.html`) where it is written.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from asmhub_utils import escape
from asmhub_utils.chapters.edition_marks import record_page
from asmhub_utils.editions import diff, registry
from asmhub_utils.site import metadata

DOWNLOADS = "downloads/editions"


def _e(value: object) -> str:
    return escape.html(value)


def _href(docname: str, target: str, anchor: str = "") -> str:
    """A file of the site (`downloads/...`) relative to the page `docname`."""
    rel = posixpath.relpath(target, posixpath.dirname(docname) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def _page(docname: str, target: str, anchor: str = "") -> str:
    """Another page (a docname) of the book, relative to the page `docname`, at an anchor."""
    return _href(docname, target + ".html", anchor)


@lru_cache(maxsize=1)
def _current_changes() -> tuple[registry.Edition | None, diff.Diff | None, str]:
    version = metadata.load().version
    before, changed = registry.changes(version)
    return before, changed, version


def _figure_item(change: diff.FigureChange, docname: str, previous: str) -> str:
    page = record_page(change.iso3)
    rid = _e(change.record_id)
    label = (f"<code>{rid}</code>" if change.kind == "removed"
             else f'<a href="{_e(_page(docname, page, change.record_id))}">{rid}</a>')
    what = _e(change.indicator)
    if change.kind == "added":
        text = f"new: {_e(change.value)} ({what})"
    elif change.kind == "removed":
        table = _href(docname, f"{DOWNLOADS}/{previous}/estimates.csv")
        text = (f"removed: {_e(change.value)} ({what}); last published in edition {_e(previous)} "
                f'(<a href="{_e(table)}">its estimates.csv</a>, row {rid})')
    else:
        fields = "; ".join(f"{_e(name)}: {_e(old) or 'blank'} → {_e(new) or 'blank'}"
                           for name, old, new in change.fields)
        text = f"changed: {_e(change.value)} ({what}); {fields}"
    return f'<li class="asm-change asm-change-{_e(change.kind)}">{label} {text}</li>'


def _headlines(changed: diff.Diff, docname: str) -> str:
    if not changed.headlines:
        return "<p>No country's headline changed.</p>"
    head = "<tr><th>Country</th><th>Before</th><th>Now</th><th>Why (the rule)</th></tr>"
    body = []
    for h in changed.headlines:
        country = _e(h.country)
        anchor = h.new.record_id if h.new and h.new.record_id else ""
        link = f'<a href="{_e(_page(docname, record_page(h.iso3), anchor))}">{country}</a>'
        before = _e(h.old.text()) if h.old else "not covered"
        now = _e(h.new.text()) if h.new else "not covered"
        if h.kind == "new":
            now += " <small>(first headline)</small>"
        body.append(f'<tr><td data-label="Country">{link}</td><td data-label="Before">{before}</td>'
                    f'<td data-label="Now">{now}</td><td data-label="Why">{_e(h.reason)}</td></tr>')
    return f'<table class="asm-estimates asm-what-changed"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def _by_place(changed: diff.Diff, docname: str, previous: str) -> str:
    places: dict[tuple[bool, str], list[diff.FigureChange]] = {}
    for change in changed.figures:
        places.setdefault((change.iso3 == "", change.place), []).append(change)
    if not places:
        return "<p>No figure was added, removed or changed.</p>"
    parts = []
    for (regional, place), changes in sorted(places.items()):
        counts = ", ".join(f"{n} {k}" for k in ("changed", "added", "removed")
                           if (n := sum(c.kind == k for c in changes)))
        items = "".join(_figure_item(c, docname, previous) for c in changes)
        name = f'<a href="{_e(_page(docname, record_page(changes[0].iso3)))}">{_e(place)}</a>'
        parts.append(f'<h3 class="asm-change-place">{name} <small>({_e(counts)})</small></h3>'
                     f'<ul class="asm-changes">{items}</ul>')
    return "".join(parts)


def _stated(changed: diff.Diff, docname: str) -> str:
    if not changed.stated:
        return "<p>No figure stated in a chapter's text changed.</p>"
    items = "".join(
        f'<li><a href="{_e(_page(docname, s.chapter.removesuffix(".ipynb")))}">{_e(s.chapter)}</a> '
        f"<code>{_e(s.name)}</code>: {_e(s.old) or 'not stated'} → {_e(s.new) or 'not stated'}</li>"
        for s in changed.stated)
    return f'<ul class="asm-changes">{items}</ul>'


def editions_html(docname: str, current: str) -> str:
    """Every edition with its data package in the site (downloads/editions/<version>/)."""
    versions = [(e.version, e.date.isoformat()) for e in registry.kept()]
    if current not in {v for v, _ in versions}:
        versions.append((current, metadata.load().date_released.isoformat()))
    items = []
    for version, date in reversed(versions):
        files = ", ".join(f'<a href="{_e(_href(docname, f"{DOWNLOADS}/{version}/{name}"))}">{name}</a>'
                          for name in (*registry.TABLE_FILES, "datapackage.json"))
        note = " (this edition)" if version == current else ""
        items.append(f"<li>Edition {_e(version)}, {_e(date)}{note}: {files}</li>")
    return f'<ul class="asm-editions">{"".join(items)}</ul>'


def what_changed_html(docname: str) -> str:
    """The page's body: headlines changed first, then every figure by country, world and regional figures, the
    figures chapters state, and the kept editions."""
    before, changed, version = _current_changes()
    if before is None or changed is None:
        intro = f"<p>Edition {_e(version)} is the first edition with a kept data package: nothing to compare.</p>"
        return intro + "<h2>Editions</h2>" + editions_html(docname, version)
    counts = "; ".join(f"{n} {label}" for label, n in changed.counts().items())
    intro = (f"<p>Edition {_e(version)} compared with edition {_e(before.version)} ({_e(before.date.isoformat())}),"
             f" figure by figure, by record id: {_e(counts)}. Each figure links to its row (its permalink); a "
             "removed figure names the edition where it was last published. Made from the data when the book is "
             "built (<code>asmhub diff</code>).</p>")
    return (intro + '<h2 id="headlines-changed">Headlines changed</h2>' + _headlines(changed, docname)
            + '<h2 id="figures-by-country">Figures by country</h2>' + _by_place(changed, docname, before.version)
            + '<h2 id="stated-figures">Figures the chapters state</h2>' + _stated(changed, docname)
            + '<h2 id="editions">Editions and their data</h2>' + editions_html(docname, version))
