"""The "What changed in this edition" page (`{asmhub-what-changed}`, book/what_changed.md), made at build time.

From the diff (`editions.diff`) between the previous kept edition and data/ as the book shows it, with what the
chapters state: headlines changed first, then every figure by country, each linked to its row (the anchors of
`chapters.edition_marks.record_page`), the figures chapters state, and every edition's data package. Nothing
here is typed: a figure changed by the next source sweep shows up on the next build. The HTML is
templates/what_changed.html (Jinja2, escaping every value itself).
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from asmhub_utils import html_templates
from asmhub_utils.chapters.edition_marks import record_page
from asmhub_utils.editions import diff, registry
from asmhub_utils.site import metadata

DOWNLOADS = "downloads/editions"


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


def _place_groups(changed: diff.Diff, docname: str) -> list[dict]:
    """Changed figures by place (countries A-Z, then World and regions), each with its link and counts."""
    places: dict[tuple[bool, str], list[diff.FigureChange]] = {}
    for change in changed.figures:
        places.setdefault((change.iso3 == "", change.place), []).append(change)
    groups = []
    for (_regional, place), changes in sorted(places.items()):
        counts = ", ".join(
            f"{n} {k}" for k in ("changed", "added", "removed") if (n := sum(c.kind == k for c in changes))
        )
        groups.append(
            {
                "place": place,
                "href": _page(docname, record_page(changes[0].iso3)),
                "counts": counts,
                "changes": [{"change": c, "href": _page(docname, record_page(c.iso3), c.record_id)} for c in changes],
            }
        )
    return groups


def editions_list(current: str) -> list[tuple[str, str]]:
    """(version, date) of every edition whose package the site carries, newest first."""
    versions = [(e.version, e.date.isoformat()) for e in registry.kept()]
    if current not in {v for v, _ in versions}:
        versions.append((current, metadata.load().date_released.isoformat()))
    return list(reversed(versions))


def what_changed_html(docname: str) -> str:
    """The page's body (templates/what_changed.html): headlines changed first, then every figure by country,
    world and regional figures, the figures chapters state, and every edition's data package."""
    before, changed, version = _current_changes()
    previous = before.version if before else ""
    headlines = [
        {"h": h, "href": _page(docname, record_page(h.iso3), h.new.record_id if h.new else "")}
        for h in (changed.headlines if changed else [])
    ]
    return html_templates.render(
        "what_changed.html",
        version=version,
        before=before,
        changed=changed,
        counts="; ".join(changed.phrases()) if changed else "",
        headlines=headlines,
        places=_place_groups(changed, docname) if changed else [],
        stated=[
            {"s": s, "href": _page(docname, s.chapter.removesuffix(".ipynb"))}
            for s in (changed.stated if changed else [])
        ],
        removed_table=_href(docname, f"{DOWNLOADS}/{previous}/estimates.csv") if previous else "",
        editions=[
            {
                "version": v,
                "date": d,
                "current": v == version,
                "files": [
                    (name, _href(docname, f"{DOWNLOADS}/{v}/{name}"))
                    for name in (*registry.TABLE_FILES, "datapackage.json")
                ],
            }
            for v, d in editions_list(version)
        ],
    )
